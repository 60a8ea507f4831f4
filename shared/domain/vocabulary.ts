/**
 * Closed vocabularies the domain reasons about. The zod schemas (shared/schemas) build their
 * enums from these, so the domain never loads a schema to know them.
 */

/** A learner's target group (employment policy categories). */
export const LEARNER_GROUPS = [
  'graduate',
  'migrant_worker',
  'laid_off',
  'veteran',
  'disabled',
  'employed_upskilling',
  'poverty_alleviated',
  'employment_difficulty',
  'rural_transfer',
  'older_unemployed',
  'other',
] as const;
export type LearnerGroup = (typeof LEARNER_GROUPS)[number];

/** How a course is taught. */
export const COURSE_MODES = ['online', 'offline', 'blended'] as const;
export type CourseMode = (typeof COURSE_MODES)[number];
