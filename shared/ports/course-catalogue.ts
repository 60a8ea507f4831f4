import type { Course } from '../domain/records.js';

/**
 * The whole course catalogue, for ranking courses against a learner's gap. Courses are reference
 * data a bureau writes now and then and every recommendation reads, a few thousand records at
 * most: an implementation may keep them in memory, provided every call sees each course write
 * made before it began.
 */
export interface CourseCatalogue {
  /**
   * Every course. The same array (by identity) while the catalogue is unchanged, so callers may
   * memoise what they derive from it.
   */
  courses(): Promise<readonly Course[]>;
}
