import type { Engagement, EngagementKind } from '../domain/engagement.js';
import type { FunnelStep } from '../domain/funnel.js';
import type { Page, PageRequest } from './record-store.js';

/** Whose engagements a list reads. */
export type Audience = { readonly learnerId: string } | { readonly employerSub: string } | { readonly region: string } | { readonly demandId: string };

/** A daily allowance the create must fit in (invitations per employer). */
export interface Quota {
  readonly sub: string;
  /** The day it counts for, `YYYY-MM-DD`. */
  readonly day: string;
  readonly limit: number;
}

/** Storage of applications and invitations, with their lists and the contact-reveal audit trail. */
export interface EngagementStore {
  /**
   * Creates the engagement with its list entries, counting it against `quota` in the same
   * transaction: `exists` when it was already there (nothing changes), `over-quota` when the
   * allowance is used up (nothing is stored). `step`: the placements funnel counters it raises,
   * in the same transaction (create and update alike), so a retried or lost write counts nothing.
   */
  create(e: Engagement, quota?: Quota, step?: FunnelStep): Promise<'created' | 'exists' | 'over-quota'>;
  get(id: string): Promise<Engagement | undefined>;
  /** Replaces it unless it changed since `previousVersion` was read (ConflictError). */
  update(next: Engagement, previousVersion: number, step?: FunnelStep): Promise<void>;
  /** Newest first for a learner, an employer or one demand; by region for bureau staff. */
  list(kind: EngagementKind, audience: Audience, page: PageRequest): Promise<Page<Engagement>>;
  /**
   * Retention after a learner is erased (docs/action-loop.md, Retention): deletes the learner's
   * own list entries, strips the learner from each engagement (id replaced by the tombstone's
   * digest; ref, note, account, region and groups removed; the employer's and region's entries
   * keep pointing at it), and rewrites each contact-reveal audit item under the digest with only
   * who saw it, when and through which engagement. Running it again changes nothing more.
   * @returns the engagements stripped and the accounts they belonged to (their inboxes hold events about them)
   */
  eraseLearner(learnerId: string): Promise<{ readonly engagementIds: readonly string[]; readonly learnerSubs: readonly string[]; readonly reveals: number }>;
  /** Records that an employer was shown a learner's contact details through an engagement. */
  logReveal(entry: { learnerId: string; engagementId: string; viewer: string; at: string }): Promise<void>;
}
