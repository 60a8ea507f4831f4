import { groupsOf, type LearnerGroup } from '../vocabulary.js';
import type { CourseSubsidyTerms, SubsidyRecord } from '../../schemas/subsidy.js';
import type { SubsidyFacts } from './rules.js';

/** The learner fields subsidies read (a stored learner record has them all). */
export interface SubsidyLearner {
  readonly group: LearnerGroup;
  readonly groups?: readonly LearnerGroup[] | undefined;
  readonly region: string;
  readonly insuredRegion?: string | undefined;
  readonly householdRegion?: string | undefined;
  readonly birthYear?: number | undefined;
  readonly certificates?: readonly string[] | undefined;
  readonly subsidyHistory?: readonly SubsidyRecord[] | undefined;
}

/** The course fields subsidies read (a stored course, or a campaign's snapshot of one). */
export interface SubsidyCourse {
  readonly region: string;
  readonly mode: 'online' | 'offline' | 'blended';
  readonly hours: number;
  /** 1 (五级/初级工) … 5. */
  readonly level: number;
  readonly certificate?: string | undefined;
  readonly priceYuan?: number | undefined;
  readonly subsidyYuan?: number | undefined;
  /** The provider's own wording of the conditions, shown when it is all there is. */
  readonly subsidyConditions?: string | undefined;
  readonly subsidyTerms?: CourseSubsidyTerms | undefined;
}

/** The learner's part of the facts. */
export function learnerFacts(learner: SubsidyLearner): SubsidyFacts['learner'] {
  return {
    groups: groupsOf(learner),
    region: learner.region,
    insuredRegion: learner.insuredRegion,
    householdRegion: learner.householdRegion,
    birthYear: learner.birthYear,
    certificates: learner.certificates ?? [],
    history: learner.subsidyHistory ?? [],
  };
}

/** The course's part of the facts, given the skills it teaches and the occupation it trains for. */
export function courseFacts(course: SubsidyCourse, skillIds: readonly string[], occupation?: SubsidyFacts['course']['occupation']): SubsidyFacts['course'] {
  return {
    region: course.region,
    mode: course.mode,
    hours: course.hours,
    level: course.level,
    certificate: course.certificate,
    priceYuan: course.priceYuan,
    subsidyYuan: course.subsidyYuan,
    subsidyConditions: course.subsidyConditions,
    subsidyTerms: course.subsidyTerms,
    skillIds,
    occupation,
  };
}

/**
 * A key equal for two learners exactly when every fact subsidies read about them is equal: a
 * campaign evaluates a course once per distinct key.
 */
export function learnerFactsKey(learner: SubsidyLearner): string {
  const f = learnerFacts(learner);
  return JSON.stringify([[...f.groups].sort(), f.region, f.insuredRegion ?? null, f.householdRegion ?? null, f.birthYear ?? null, f.certificates, f.history?.map((h) => [h.kind, h.occupation ?? null, h.level ?? null, h.paidAt, h.amountYuan])]);
}
