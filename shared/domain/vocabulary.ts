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

/** Every group of a learner: `groups`, or the single `group` of a record stored before groups existed. */
export const groupsOf = (learner: { readonly group: LearnerGroup; readonly groups?: readonly LearnerGroup[] | undefined }): readonly LearnerGroup[] =>
  learner.groups && learner.groups.length > 0 ? learner.groups : [learner.group];

/** How a course is taught. */
export const COURSE_MODES = ['online', 'offline', 'blended'] as const;

/** The Chinese name of each target group, as bureaus write them. */
export const GROUP_NAMES_ZH: Readonly<Record<LearnerGroup, string>> = {
  graduate: '高校毕业生',
  migrant_worker: '农民工',
  laid_off: '失业人员',
  veteran: '退役军人',
  disabled: '残疾人',
  employed_upskilling: '在职提升',
  poverty_alleviated: '脱贫人口',
  employment_difficulty: '就业困难人员',
  rural_transfer: '农村转移劳动力',
  older_unemployed: '大龄失业人员',
  other: '其他',
};
