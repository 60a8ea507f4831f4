/** Per skill and region: demand against supply, as the shortage index keeps it. */
export interface ShortageEntry {
  readonly skillId: string;
  /** GB/T 2260 code or `national`. */
  readonly region: string;
  /** Headcount of open demands needing the skill (required 1, preferred 0.5 weight). */
  readonly demand: number;
  /** Learners holding the skill at the level demands need. */
  readonly supply: number;
  /** Smoothed shortage index: > 1 short supply, < 1 surplus; tiny counts stay near 1. */
  readonly index: number;
}

/** Read side of the shortage index, used by insights and by course recommendations. */
export interface ShortageReader {
  /** Entries for a region (rolled up from everything inside it), optionally only some skills. */
  forRegion(region: string, skillIds?: readonly string[]): Promise<Map<string, ShortageEntry>>;
}
