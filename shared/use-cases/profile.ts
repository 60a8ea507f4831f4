import { createHash, randomInt } from 'node:crypto';
import { mayChange } from '../domain/access.js';
import type { Caller } from '../domain/caller.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../domain/errors.js';
import type { Learner } from '../domain/records.js';
import type { Clock } from '../ports/clock.js';
import type { ProfileLinks } from '../ports/profile-links.js';
import type { RecordStore } from '../ports/record-store.js';
import type { LearnerInput, LearnerPatch } from '../schemas/learner.js';
import { makeFinishErasure, mayFinish, type ErasureDeps } from './erasure.js';
import { assertIfMatch, makeDeleteRecord, makeGetRecord, makePatchRecord, makeUpsertRecord, withFields } from './records.js';

/**
 * `/me/profile`: the one learner profile a job seeker's account owns, whichever browser asks, and
 * the claim of a profile bureau staff created for the person (docs/action-loop.md).
 */

export interface ProfileDeps {
  readonly store: RecordStore;
  readonly links: ProfileLinks;
  readonly clock: Clock;
}

/** Called after a profile is deleted or stops consenting: withdraws its open applications and invitations. */
export type WithdrawOpen = (learnerId: string) => Promise<number>;

/** The ref a profile created through `/me/profile` gets unless the body names one. */
export const ME_REF = 'me';

/** How long a claim code stays usable. */
export const CLAIM_CODE_DAYS = 14;

/**
 * The caller's profile: the one their account is linked to (created through `/me/profile` or
 * claimed), else the first they submitted through `POST /learners`.
 */
export async function resolveProfile(deps: Pick<ProfileDeps, 'store' | 'links'>, caller: Caller): Promise<Learner | undefined> {
  if (caller.role !== 'jobseeker') return undefined;
  const linked = await deps.links.profileOf(caller.sub);
  if (linked) {
    const learner = await deps.store.get('learner', linked);
    if (learner) return learner;
  }
  const own = await deps.store.listByOwner('learner', caller.sub, { limit: 1 });
  return own.items[0] as Learner | undefined;
}

export function makeGetMyProfile(deps: ProfileDeps) {
  return async (caller: Caller): Promise<Learner> => {
    const learner = await resolveProfile(deps, caller);
    if (!learner) throw new NotFoundError('You have no profile yet: PATCH /me/profile with a full profile creates it.');
    return learner;
  };
}

/** Fields a profile needs when PATCH /me/profile creates it. */
const REQUIRED_ON_CREATE = ['skills', 'region', 'group', 'consentToShare'] as const;

/**
 * Merges the body into the caller's profile or, when they have none, creates it from the body,
 * which must then be a whole profile (each missing field named). Withdrawing consent withdraws
 * open applications and invitations in the same request.
 */
export function makePatchMyProfile(deps: ProfileDeps & { readonly withdrawOpen: WithdrawOpen }) {
  return async (caller: Caller, body: LearnerPatch & { ref?: string | undefined }, ifMatch?: string): Promise<{ record: Learner; created: boolean }> => {
    if (caller.role !== 'jobseeker') throw new ForbiddenError('Only job seekers have a profile of their own.');
    const { ref, ...patch } = body;
    const current = await resolveProfile(deps, caller);
    if (current) {
      if (ref !== undefined && ref !== current.ref) throw new ValidationError('The profile keeps its ref.', [{ path: '/ref', message: `This profile's ref is ${current.ref}.` }]);
      const record = await makePatchRecord('learner', deps)(caller, current.id, patch, ifMatch);
      if (current.consentToShare && !record.consentToShare) await deps.withdrawOpen(record.id);
      return { record, created: false };
    }
    if (ifMatch !== undefined && ifMatch.trim() !== '*') throw new ValidationError('There is no profile to match.', [{ path: '/', message: 'If-Match names a version, but you have no profile yet.' }]);
    const missing: FieldIssue[] = REQUIRED_ON_CREATE.filter((f) => patch[f] === undefined || patch[f] === null).map((f) => ({ path: `/${f}`, message: 'Required when PATCH /me/profile creates your profile.' }));
    if (missing.length > 0) throw new ValidationError('You have no profile yet: send a whole profile to create it.', missing);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null && v !== undefined));
    const input = { summary: '', certificates: [], ...defined, ref: ref ?? ME_REF } as unknown as LearnerInput;
    const { record, created } = await makeUpsertRecord('learner', deps)(caller, input);
    await deps.links.link(caller.sub, record.id);
    return { record, created };
  };
}

/**
 * Erases the caller's profile as DELETE /learners/{id} does (see makeDeleteLearner): the profile,
 * then its open engagements withdrawn and its traces cleaned up. The account is linked to the
 * profile before the deletion when it was not (a profile found as the first the account
 * submitted), so that a retry after a clean-up cut short finds it through the link and finishes
 * it with the same 204; the clean-up's last step removes the link.
 */
export function makeDeleteMyProfile(deps: ProfileDeps & ErasureDeps) {
  const finish = makeFinishErasure(deps);
  return async (caller: Caller, ifMatch?: string): Promise<void> => {
    const current = await resolveProfile(deps, caller);
    if (!current) {
      const linked = caller.role === 'jobseeker' ? await deps.links.profileOf(caller.sub) : undefined;
      const job = linked ? await deps.erasures.get(linked) : undefined;
      if (!linked || !job || !mayFinish(caller, job)) throw new NotFoundError('You have no profile.');
      await finish(linked);
      return;
    }
    // A stale If-Match is refused before the link is written: a 412 changes nothing.
    assertIfMatch('learner', ifMatch, current);
    if ((await deps.links.profileOf(caller.sub)) !== current.id) await deps.links.link(caller.sub, current.id);
    await makeDeleteRecord('learner', deps)(caller, current.id, ifMatch);
    await finish(current.id);
  };
}

const hashCode = (code: string): string => createHash('sha256').update(code.toUpperCase()).digest('base64url');

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Bureau staff of the profile's region get a one-time code to hand to the person they created the
 * profile for; only the code's hash is stored.
 */
export function makeCreateClaimCode(deps: ProfileDeps) {
  return async (caller: Caller, learnerId: string): Promise<{ code: string; learnerId: string; expiresAt: string }> => {
    const learner = await makeGetRecord('learner', deps)(caller, learnerId);
    if (caller.role !== 'bureau' || !mayChange(caller, learner)) throw new ForbiddenError('Only bureau staff of the profile’s region hand out claim codes.');
    if (learner.subject !== undefined) throw new ConflictError('This profile has been claimed already.');
    const code = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const expiresAt = new Date(deps.clock.now().getTime() + CLAIM_CODE_DAYS * 86_400_000);
    await deps.links.saveClaimCode(hashCode(code), learner.id, expiresAt);
    return { code, learnerId: learner.id, expiresAt: expiresAt.toISOString() };
  };
}

/** A job seeker claims a bureau-created profile with its code; the code works once. */
export function makeClaimProfile(deps: ProfileDeps) {
  return async (caller: Caller, code: string): Promise<Learner> => {
    if (caller.role !== 'jobseeker') throw new ForbiddenError('Only job seekers claim profiles.');
    if (await resolveProfile(deps, caller)) throw new ConflictError('You already have a profile; delete it before claiming another.');
    const learnerId = await deps.links.claim(hashCode(code.trim()), caller.sub, deps.clock.now());
    const invalid = new ValidationError('The code is not valid.', [{ path: '/code', message: 'Unknown, already used or expired; ask the bureau for a new one.' }]);
    if (!learnerId) throw invalid;
    for (;;) {
      const learner = await deps.store.get('learner', learnerId);
      if (!learner) {
        await deps.links.unlink(caller.sub);
        throw invalid;
      }
      const next = withFields(learner, { subject: caller.sub }, deps.clock.now());
      try {
        await deps.store.save(next, learner);
        return next;
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
  };
}
