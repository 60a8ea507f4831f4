import type { FunnelReport } from '../domain/funnel.js';
import type { LearnerGroup } from '../domain/vocabulary.js';

/** A learner a campaign matched, as the region funnels count them. */
export interface MatchedLearner {
  readonly region: string;
  readonly groups: readonly LearnerGroup[];
}

/**
 * The placements funnel's counters (docs/placements.md). Engagement steps are counted by the
 * engagement store in the transaction that makes the step; this port reads the counters and adds
 * the learners a finished campaign matched.
 */
export interface FunnelStore {
  /** A region's counters (the region and everything inside it) summed over China days `from`..`to` inclusive. */
  region(region: string, from: string, to: string): Promise<FunnelReport>;
  /** How many of a campaign's matched learners went on to apply, be invited, accept, be hired (`matched` is 0: the summary has it). */
  campaign(id: string): Promise<FunnelReport>;
  /** {@link campaign} for several campaigns at once (a list page): one read. */
  campaigns(ids: readonly string[]): Promise<Map<string, FunnelReport>>;
  /**
   * Adds a finished campaign's matched learners to the funnels of their regions, on `day`.
   * Idempotent: calling it again for the same campaign adds nothing.
   */
  countMatched(campaignId: string, day: string, learners: readonly MatchedLearner[]): Promise<void>;
}
