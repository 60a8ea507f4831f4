import type { IndexedSkill } from '../domain/records.js';
import type { Level } from '../taxonomy/levels.js';

/**
 * What a job search filters and ranks an open demand by, as its index entries carry it: no title,
 * no skills as posted, nothing shown (that is the {@link JobCard}, read for the page only).
 */
export interface JobEntry {
  readonly id: string;
  readonly region: string;
  readonly salaryMin?: number;
  readonly salaryMax?: number;
  /** What matching scores with (the same vector the skill index carries). */
  readonly skillVector: readonly IndexedSkill[];
  readonly minLevel?: Level;
  readonly expiresAt?: string;
  readonly remote?: boolean;
  readonly createdAt: string;
  /** What a result shows, when the entry carries it (every entry the index writes does). */
  readonly card?: JobCard;
}

/** What a job search shows of an open demand: no description, no employer contact details. */
export interface JobCard {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  /** The employer's display name, as posted. */
  readonly employer: string;
  readonly region: string;
  readonly salaryMin?: number;
  readonly salaryMax?: number;
  readonly headcount: number;
  /** The skills needed, required first, as posted and as mapped. */
  readonly skills: ReadonlyArray<{ readonly text: string; readonly skillId: string | null; readonly level: Level | null; readonly role: 'required' | 'preferred' }>;
  readonly expiresAt?: string;
  readonly remote?: boolean;
  readonly createdAt: string;
}

export interface JobLookup {
  /** Every term must be present (AND); `[ALL_TERM]` alone: the region's newest demands. */
  readonly terms: readonly string[];
  /** A GB/T 2260 code or `national`: the region and everything inside it. */
  readonly region: string;
  /** Most index entries read per term and province partition (per browse list). */
  readonly perPartition: number;
  /**
   * A region inside `region` (the job seeker's own): when a term is past `perPartition`, its
   * entries there are read as well and kept first, so a capped search still ranks the demands
   * nearest the seeker. A promise, so the search need not wait for the profile to start reading.
   */
  readonly prefer?: Promise<string | undefined>;
}

export interface JobHits {
  /** The demands indexed under every term, inside the region; unordered. */
  readonly entries: JobEntry[];
  /**
   * True when the rarest-looking term's partitions held more entries than `perPartition`, so
   * `entries` come from `perPartition` of them (those in `prefer` first, then by region code and
   * id), not all of them.
   */
  readonly truncated: boolean;
}

/** The job search index: open demands under their search terms, by region. */
export interface JobIndex {
  /** The entries of the demands indexed under every term, inside the region. */
  find(lookup: JobLookup): Promise<JobHits>;
  /** The cards of these demands, read from the demands (for entries that carry none); a demand closed or deleted since is left out. */
  cards(ids: readonly string[]): Promise<Map<string, JobCard>>;
}
