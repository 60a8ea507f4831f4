import { bureauServes } from '../domain/access.js';
import type { Caller } from '../domain/caller.js';
import { NotFoundError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import { ERASURE_GRACE_MS, type ErasureJob, type ErasureJobs } from '../ports/erasures.js';
import type { ProfileLinks } from '../ports/profile-links.js';
import type { RecordStore } from '../ports/record-store.js';
import type { WithdrawOpen } from './profile.js';
import { makeDeleteRecord, type CampaignsChanged, type RecordDeps } from './records.js';

/**
 * Deleting a learner completely (docs/action-loop.md, Retention). The profile's deletion writes,
 * in its own transaction, a tombstone and an erasure job; the clean-up that follows (withdraw open
 * engagements, strip them, anonymise the reveal audit, clear the inbox, remove campaign results,
 * unlink accounts) ends by deleting the job. A request cut short anywhere after the transaction
 * leaves the job behind: a retried DELETE finishes it and answers 204 as the first would have, and
 * those nobody retries are finished when the job expires (in AWS the table's stream handler sees
 * the TTL deletion; locally `npm start` sweeps on a timer, DynamoDB Local having no TTL).
 */

export interface ErasureDeps {
  readonly store: RecordStore;
  readonly links: Pick<ProfileLinks, 'profileOf'>;
  readonly erasures: ErasureJobs;
  readonly withdrawOpen: WithdrawOpen;
  /** makeEraseLearnerTraces: engagements, reveal audit, inbox. */
  readonly eraseTraces: (learnerId: string, accounts?: ReadonlyArray<string | undefined>) => Promise<unknown>;
  readonly campaignsChanged?: CampaignsChanged | undefined;
}

/** Whether the caller may finish a deletion: one of the profile's accounts, or bureau staff of its region (who may delete it). */
export const mayFinish = (caller: Caller, job: ErasureJob): boolean => job.accounts.includes(caller.sub) || bureauServes(caller, job.region);

/**
 * Finishes a learner's clean-up: by id, if its job is still there, or from a job already taken
 * off the table (its expiry, seen on the stream). Every step may run again. A profile created
 * again under the same id since (same account and ref) ends the job without touching anything:
 * its engagements are the new profile's now.
 * @returns whether there was a job to finish
 */
export function makeFinishErasure(deps: ErasureDeps) {
  return async (which: string | ErasureJob): Promise<boolean> => {
    const job = typeof which === 'string' ? await deps.erasures.get(which) : which;
    if (!job) return false;
    const { learnerId } = job;
    if (await deps.store.get('learner', learnerId)) {
      await deps.erasures.complete(learnerId, []);
      return false;
    }
    await deps.withdrawOpen(learnerId);
    await deps.eraseTraces(learnerId, job.accounts);
    const campaigns = await deps.erasures.removeCampaignResults(learnerId);
    if (campaigns.length > 0) await deps.campaignsChanged?.(campaigns);
    const linked: string[] = [];
    for (const sub of job.accounts) if ((await deps.links.profileOf(sub)) === learnerId) linked.push(sub);
    await deps.erasures.complete(learnerId, linked);
    return true;
  };
}

/**
 * DELETE /learners/{id}: deletes the profile (If-Match honoured) and cleans up after it. When the
 * profile is already gone but its clean-up is not (an earlier DELETE was cut short), a caller who
 * could have deleted it gets the clean-up finished and the same 204; anyone else, and anyone once
 * the clean-up is done, gets 404.
 */
export function makeDeleteLearner(deps: ErasureDeps & RecordDeps) {
  const finish = makeFinishErasure(deps);
  return async (caller: Caller, id: string, ifMatch?: string): Promise<void> => {
    try {
      await makeDeleteRecord('learner', deps)(caller, id, ifMatch);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      const job = await deps.erasures.get(id);
      if (!job || !mayFinish(caller, job)) throw err;
    }
    await finish(id);
  };
}

/** How long after a deletion the sweep takes its job over: well past a request's own clean-up. */
export const SWEEP_GRACE_MS = ERASURE_GRACE_MS;

/**
 * Finishes the clean-ups that requests left unfinished and nobody retried: jobs older than
 * {@link SWEEP_GRACE_MS}, oldest first, at most `limit` a run (the local server's sweep, and an
 * operator's where TTL is late: DynamoDB deletes expired items within days, not at once). One failing job does not stop the
 * others; it stays for the next run.
 */
export function makeSweepErasures(deps: ErasureDeps & { readonly clock: Clock; readonly onError?: (learnerId: string, err: unknown) => void }) {
  const finish = makeFinishErasure(deps);
  /** `graceMs` 0 takes every job: right where no request can still be running (a local server starting). */
  return async ({ limit = 100, graceMs = SWEEP_GRACE_MS }: { limit?: number; graceMs?: number } = {}): Promise<{ finished: number; failed: number }> => {
    const due = await deps.erasures.due(new Date(deps.clock.now().getTime() - graceMs), limit);
    let finished = 0;
    let failed = 0;
    for (const job of due) {
      try {
        await finish(job.learnerId);
        finished += 1;
      } catch (err) {
        failed += 1;
        deps.onError?.(job.learnerId, err);
      }
    }
    return { finished, failed };
  };
}
