import type { IndexedSkill } from '../domain/records.js';
import type { Level } from '../taxonomy/levels.js';

/**
 * Retrieval of match candidates from the skill index: the records holding (or needing) any of a
 * few skills, each with a compact copy of its whole skill vector so that it can be scored without
 * reading the record itself. Candidates carry ids, region, skills and flags only, never anything
 * personal (no summary, group, certificates or contact details).
 */

/** One record found through the skill index. */
export interface Candidate {
  readonly kind: 'learner' | 'demand';
  readonly id: string;
  readonly ref: string;
  readonly region: string;
  /** Every taxonomy skill of the record (required/preferred for demands, held for learners). */
  readonly skills: readonly IndexedSkill[];
  /** Learners: may employers see this profile in their matches. */
  readonly consentToShare?: boolean;
  /** Demands: what is shown beside a match, and what decides whether it is still open. */
  readonly title?: string;
  readonly employer?: string;
  readonly headcount?: number;
  readonly minLevel?: Level;
  readonly expiresAt?: string;
}

export interface CandidateQuery {
  /** The kind of record sought. */
  readonly kind: 'learner' | 'demand';
  /** Partitions to read (skill ids, and `~gram` for lexical evidence); each is read whole. */
  readonly skillIds: readonly string[];
  /** Read only records inside this region (a GB/T 2260 code); absent: every region. */
  readonly within?: string | undefined;
  /**
   * Read only records outside this region (a GB/T 2260 code; `national` contains everything, so
   * nothing is read). Not combined with `within`.
   */
  readonly outside?: string | undefined;
  /** Learners only: leave out profiles whose owner did not consent to be shown to employers. */
  readonly consentedOnly?: boolean;
}

export interface CandidateResult {
  /** Distinct records, in no particular order. */
  readonly candidates: Candidate[];
  /** Always false now that partitions are read whole; kept for callers that report it. */
  readonly truncated: boolean;
  /** Requests sent and read capacity units they consumed (for benchmarks and logs). */
  readonly requests?: number;
  readonly readUnits?: number;
}

/** Finds candidates for matching through the skill index. */
export interface CandidateIndex {
  find(query: CandidateQuery): Promise<CandidateResult>;
  /**
   * Where each partition may hold records of `kind`: region codes of provinces (`national` for
   * records whose region is national), every province that holds one and perhaps more; an empty
   * set for a partition that holds nobody. Undefined (or absent) when the index cannot tell: then
   * every partition is read.
   */
  presence?(kind: CandidateQuery['kind'], partitions: readonly string[]): Promise<ReadonlyMap<string, ReadonlySet<string>> | undefined>;
}
