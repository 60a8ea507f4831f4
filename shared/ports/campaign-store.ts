import type { Campaign, CampaignAssignment, CampaignCursor, CampaignResult, CampaignSnapshot, CampaignStatus, CampaignSummary } from '../domain/campaign/types.js';
import type { Page, PageRequest } from './record-store.js';

/** A result about to be written, with the progress it adds. */
export type NewResult = CampaignResult;

/** What writing a chunk of results did. */
export interface WriteOutcome {
  /** Results written now (each added to progress in the same transaction). */
  readonly written: number;
  /** Results already stored by an earlier attempt (a resumed or redelivered page): left as they were. */
  readonly skipped: number;
  /** Results not written because their learner was deleted meanwhile (neither stored nor counted). */
  readonly erased: number;
}

/** Fields set together with a status change. */
export interface StatusChange {
  readonly total?: number;
  readonly pagesTotal?: number;
  readonly summary?: CampaignSummary;
  /** The campaign's `erasures` the summary counts (read before the results it was made from). */
  readonly summaryErasures?: number;
  readonly error?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
}

/**
 * Storage of bureau campaigns: the campaign, its frozen snapshot, progress, page markers and one
 * result per learner. Results are keyed by (campaign, learner) and written only when absent, each
 * in the same transaction as the progress it adds, so progress always equals the results stored
 * and a learner can never be counted twice.
 */
export interface CampaignStore {
  /** Stores a new campaign; ConflictError if the id exists. */
  create(campaign: Campaign): Promise<void>;
  /** The campaign with its progress summed; undefined when absent. */
  get(id: string): Promise<Campaign | undefined>;
  /**
   * Campaigns of a region and of every region inside it, newest first, with their progress
   * summed. `region` is a six-digit GB/T 2260 code or `national`.
   */
  listByRegion(region: string, page: PageRequest): Promise<Page<Campaign>>;
  /** The operator's newest campaign with this request hash that is queued or running. */
  findUnfinished(owner: string, requestHash: string): Promise<Campaign | undefined>;
  /**
   * Moves the campaign to `to` if its status is one of `from`, setting `change` alongside.
   * @returns false when the status was not one of `from` (nothing changed)
   */
  transition(id: string, from: readonly CampaignStatus[], to: CampaignStatus, change?: StatusChange, at?: string): Promise<boolean>;
  /** Sets fields of a campaign without changing its status (the count, the plan); false if it is not `running`. */
  update(id: string, change: Pick<StatusChange, 'total' | 'pagesTotal'>): Promise<boolean>;
  /**
   * Stores the snapshot unless one is already stored, and answers the one in force: a run that
   * races another (two drivers, a redelivered plan) ends up on the same snapshot.
   */
  saveSnapshot(id: string, snapshot: CampaignSnapshot): Promise<CampaignSnapshot>;
  loadSnapshot(id: string): Promise<CampaignSnapshot | undefined>;
  /**
   * Replaces a completed campaign's summary, made from its results after reading `erasures` as
   * the campaign's count of removed results, and records that count beside it.
   * @returns false when the campaign is not completed or a result was removed since (nothing changed)
   */
  saveSummary(id: string, summary: CampaignSummary, erasures: number): Promise<boolean>;
  /** Writes the results of a learner page that are not stored yet, each with the progress it adds (see {@link WriteOutcome}). */
  writeResults(id: string, page: number, results: readonly NewResult[]): Promise<WriteOutcome>;
  /**
   * Marks a learner page complete (once: a second call changes nothing) and, for the local driver,
   * saves where to resume.
   * @returns whether this call marked it
   */
  completePage(id: string, page: number, cursor?: CampaignCursor): Promise<boolean>;
  /**
   * Deletes the roster places of learners deleted since they were given one (a finalisation that
   * read a result just before the deletion may have given it): run after a roster is written.
   */
  sweepErasedPlaces(id: string): Promise<void>;
  /** A page of results, in learner-id order; never a deleted learner's. */
  listResults(id: string, page: PageRequest): Promise<Page<CampaignResult>>;
  /** Every result, page by page (settling a summary, the CLI report); never a deleted learner's. */
  allResults(id: string): AsyncIterable<CampaignResult>;
  /**
   * Every result as `allResults` gives them, read strongly consistent, removing the result of a
   * learner deleted since it was written as it is met (the deletion's own sweep can miss a result
   * written in the same instant): taken off the progress and counted in the campaign's
   * `erasures`, as a deletion's are. A finalisation's one read of the results; `tally.removed`
   * counts the results this read removed.
   */
  sweptResults(id: string, tally: { removed: number }): AsyncIterable<CampaignResult>;
  /** Sets (or clears, with `null`) learners' roster places. */
  setAssignments(id: string, assignments: ReadonlyArray<{ readonly learnerId: string; readonly assignment: CampaignAssignment | null }>): Promise<void>;
}
