import { createHash } from 'node:crypto';
import type { Role } from './caller.js';
import type { LearnerGroup } from './vocabulary.js';

/**
 * Applications (a job seeker asks an employer) and invitations (an employer asks a job seeker):
 * one record shape, one state machine each, and the rule for when a seeker's contact details are
 * shown to the employer. Pure: no storage, no clock.
 */

export const ENGAGEMENT_KINDS = ['application', 'invitation'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const ENGAGEMENT_STATUSES = ['sent', 'viewed', 'accepted', 'declined', 'withdrawn', 'hired'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export interface Engagement {
  readonly id: string;
  readonly kind: EngagementKind;
  readonly demandId: string;
  readonly demandRef: string;
  readonly title: string;
  /** The employer's display name, as on the demand. */
  readonly employer: string;
  /** The demand's owner: the account that answers applications and sends invitations. */
  readonly employerSub: string;
  /** The demand's region: bureau staff of it see the engagement. */
  readonly region: string;
  readonly learnerId: string;
  readonly learnerRef: string;
  /** The job seeker's account (the profile's claimant, else its owner): their inbox hears of changes. */
  readonly learnerSub: string;
  /** The learner's region and target groups when the engagement was made: the placements funnel counts by them; never shown. */
  readonly learnerRegion?: string;
  readonly groups?: readonly LearnerGroup[];
  readonly note?: string;
  readonly status: EngagementStatus;
  /** When each status was reached. */
  readonly timestamps: Partial<Record<EngagementStatus, string>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** Which side acts: the job seeker, the employer, or the service (consent withdrawn, profile deleted). */
export type Side = 'seeker' | 'employer' | 'system';

type Moves = Readonly<Partial<Record<EngagementStatus, Readonly<Partial<Record<Side, readonly EngagementStatus[]>>>>>>;

/** To each status: who may move an engagement there, and from which statuses. */
const MOVES: Readonly<Record<EngagementKind, Moves>> = {
  application: {
    viewed: { employer: ['sent'] },
    accepted: { employer: ['sent', 'viewed'] },
    declined: { employer: ['sent', 'viewed'] },
    hired: { employer: ['accepted'] },
    withdrawn: { seeker: ['sent', 'viewed', 'accepted'], system: ['sent', 'viewed', 'accepted'] },
  },
  invitation: {
    viewed: { seeker: ['sent'] },
    accepted: { seeker: ['sent', 'viewed'] },
    declined: { seeker: ['sent', 'viewed'] },
    hired: { employer: ['accepted'] },
    withdrawn: { employer: ['sent', 'viewed'], system: ['sent', 'viewed', 'accepted'] },
  },
};

/** Whether `side` may move an engagement of this kind from its status to `to`. */
export function mayMove(e: Pick<Engagement, 'kind' | 'status'>, side: Side, to: EngagementStatus): boolean {
  return MOVES[e.kind][to]?.[side]?.includes(e.status) ?? false;
}

/** Statuses that still count as open: consent withdrawn or a deleted profile withdraws them. */
export const isOpen = (e: Pick<Engagement, 'status'>): boolean => e.status === 'sent' || e.status === 'viewed' || e.status === 'accepted';

/**
 * Whether the employer sees the seeker's contact details: once the seeker applied (until the
 * application is withdrawn or declined) or accepted an invitation. Withdrawal hides them at once.
 */
export function revealsContact(e: Pick<Engagement, 'kind' | 'status'>): boolean {
  if (e.kind === 'application') return e.status === 'sent' || e.status === 'viewed' || e.status === 'accepted' || e.status === 'hired';
  return e.status === 'accepted' || e.status === 'hired';
}

/** The side a caller acts on for an engagement, or undefined when it is none of theirs to change. */
export function sideOf(role: Role, sub: string, e: Pick<Engagement, 'learnerSub' | 'employerSub'>): Side | undefined {
  if (role === 'jobseeker' && e.learnerSub === sub) return 'seeker';
  if (role !== 'jobseeker' && e.employerSub === sub) return 'employer';
  return undefined;
}

/**
 * The id of the one application (or invitation) of a learner for a demand: derived from the pair,
 * so a retried request can only ever address the same record.
 */
export function engagementId(kind: EngagementKind, demandId: string, learnerId: string): string {
  const digest = createHash('sha256').update(`${kind}\u0000${demandId}\u0000${learnerId}`).digest('hex');
  return `${kind === 'application' ? 'a' : 'i'}_${digest.slice(0, 24)}`;
}

/** The engagement moved to `to` at `at`. */
export const moved = (e: Engagement, to: EngagementStatus, at: string): Engagement => ({
  ...e,
  status: to,
  timestamps: { ...e.timestamps, [to]: at },
  updatedAt: at,
  version: e.version + 1,
});
