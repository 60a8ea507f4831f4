/**
 * A learner's deletion whose clean-up has not finished (docs/action-loop.md, Retention). It holds
 * what the clean-up needs to find the traces and who may ask for it again: identifiers only, no
 * name, contact, skill or text.
 */
export interface ErasureJob {
  readonly learnerId: string;
  /** The accounts of the profile (its owner and, for a claimed profile, its claimant). */
  readonly accounts: readonly string[];
  /** The profile's region code: bureau staff serving it may finish the deletion too. */
  readonly region: string;
  readonly deletedAt: string;
}

/**
 * How long after a deletion its clean-up is left to the request that made it (an API Lambda runs
 * 30 s at most): after that the job expires (TTL) and the table's stream handler, or locally the
 * sweep, takes it over.
 */
export const ERASURE_GRACE_MS = 15 * 60_000;

/**
 * The unfinished clean-ups of learner deletions. The job is written in the transaction that
 * deletes the profile (`RecordStore.remove`), so a deletion never exists without it.
 */
export interface ErasureJobs {
  get(learnerId: string): Promise<ErasureJob | undefined>;
  /** Jobs whose deletion happened before `before`, oldest first, at most `limit`. */
  due(before: Date, limit: number): Promise<ErasureJob[]>;
  /**
   * Deletes the learner's campaign results left behind (a deletion cut short after the profile's
   * transaction, before its second sweep of them).
   * @returns the campaigns that lost a result
   */
  removeCampaignResults(learnerId: string): Promise<string[]>;
  /** Ends the job: deletes it and, in the same transaction, each of `unlink`'s links to the learner (unless it has since been pointed elsewhere). */
  complete(learnerId: string, unlink: readonly string[]): Promise<void>;
}
