import { getActionDeps } from '#functions/action-deps.js';
import { campaignsChanged } from '#functions/campaigns-changed.js';
import { makeSweepErasures } from '#shared/use-cases/erasure.js';

/** Jobs one run finishes at most; the next run takes the rest. */
const PER_RUN = 200;

/**
 * Finishes learner deletions whose clean-up a request left unfinished and nobody retried
 * (docs/action-loop.md, Retention). In AWS the jobs' expiry (TTL) hands them to the table's
 * stream handler; DynamoDB Local has no TTL, so `npm start` runs this at start-up (when no
 * request can be running: every job, `graceMs` 0) and then on a timer.
 */
export function sweepErasures(options: { graceMs?: number } = {}): Promise<{ finished: number; failed: number }> {
  return makeSweepErasures({
    ...getActionDeps(),
    campaignsChanged,
    onError: (learnerId, err) => process.stderr.write(`erasure clean-up of ${learnerId} failed (the next sweep retries it): ${(err as Error).message}\n`),
  })({ limit: PER_RUN, ...options });
}
