import { LEARNER_GROUPS, type LearnerGroup } from '../vocabulary.js';
import { round } from '../numbers.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { unfilledDemands, type CampaignRoster, type RosterLearner } from './roster.js';
import type { CampaignSnapshot, CampaignSummary, CourseSeatReport, GroupReport, ShortageSkillReport } from './types.js';

/**
 * The report of a campaign from every learner's result: learners processed, matched at or above
 * the threshold and assigned, per target group side by side (fairness), the skills most often in
 * the gaps, the training seats asked for per course with the subsidies they imply, and the demand
 * left unfilled with the reason.
 */

/** Skills listed in the shortage report. */
export const SHORTAGE_SKILLS_LISTED = 20;
/** Courses listed in the seat report (the most asked-for). */
export const COURSES_LISTED = 100;
/** Unfilled demands listed (the most places first). */
export const UNFILLED_LISTED = 200;

/** The greedy's guarantee, in words for the report. */
export const ASSIGNMENT_BOUND = 'greedy by score: total score at least 1/2 of the best roster respecting the same capacities';

const rate = (part: number, whole: number) => (whole > 0 ? round(part / whole) : 0);
const yuan = (value: number) => round(value, 2);

export interface SummaryOptions {
  readonly taxonomy: Pick<Taxonomy, 'getSkill'>;
  /** Target groups asked for: each appears in `byGroup` even with no learner. */
  readonly groups?: readonly LearnerGroup[] | undefined;
}

/** Builds the summary; `roster` is given in assign mode. */
export function summarise(learners: readonly RosterLearner[], snapshot: CampaignSnapshot, roster: CampaignRoster | undefined, options: SummaryOptions): CampaignSummary {
  const groups = new Map<LearnerGroup, { learners: number; matched: number; jobs: number; courses: number; failed: number }>();
  for (const g of options.groups ?? []) groups.set(g, { learners: 0, matched: 0, jobs: 0, courses: 0, failed: 0 });
  const gapSkills = new Map<string, { learners: number; required: number }>();
  const seatsAsked = new Map<string, { seats: number; subsidy: number; toConfirm: number }>();
  const seatsGiven = new Map<string, { seats: number; subsidy: number; toConfirm: number }>();
  let matched = 0;
  let failed = 0;
  let jobs = 0;
  let courses = 0;

  for (const l of learners) {
    // A learner in several groups counts in each group's row (the rows may add up to more than the learners).
    const rows = (l.groups && l.groups.length > 0 ? l.groups : [l.group]).map((group) => {
      let row = groups.get(group);
      if (!row) groups.set(group, (row = { learners: 0, matched: 0, jobs: 0, courses: 0, failed: 0 }));
      return row;
    });
    const each = (f: (row: { learners: number; matched: number; jobs: number; courses: number; failed: number }) => void) => rows.forEach(f);
    each((row) => (row.learners += 1));
    if (l.failed) {
      each((row) => (row.failed += 1));
      failed += 1;
    }
    if (l.matches.length > 0) {
      each((row) => (row.matched += 1));
      matched += 1;
    }
    for (const s of l.gap) {
      const entry = gapSkills.get(s.skillId) ?? { learners: 0, required: 0 };
      entry.learners += 1;
      if (s.role === 'required') entry.required += 1;
      gapSkills.set(s.skillId, entry);
    }
    const first = l.recommendations[0];
    if (first) {
      const asked = seatsAsked.get(first.id) ?? { seats: 0, subsidy: 0, toConfirm: 0 };
      asked.seats += 1;
      asked.subsidy += first.subsidyYuan;
      asked.toConfirm += first.toConfirmSubsidyYuan ?? 0;
      seatsAsked.set(first.id, asked);
    }
    const place = roster?.assignments.get(l.id);
    if (place?.kind === 'demand') {
      each((row) => (row.jobs += 1));
      jobs += 1;
    } else if (place?.kind === 'course') {
      each((row) => (row.courses += 1));
      courses += 1;
      const given = seatsGiven.get(place.id) ?? { seats: 0, subsidy: 0, toConfirm: 0 };
      const course = l.recommendations.find((r) => r.id === place.id);
      given.seats += 1;
      given.subsidy += course?.subsidyYuan ?? 0;
      given.toConfirm += course?.toConfirmSubsidyYuan ?? 0;
      seatsGiven.set(place.id, given);
    }
  }

  const order = (g: LearnerGroup) => LEARNER_GROUPS.indexOf(g);
  const byGroup: GroupReport[] = [...groups]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([group, g]) => ({
      group,
      learners: g.learners,
      matched: g.matched,
      matchRate: rate(g.matched, g.learners),
      assigned: g.jobs + g.courses,
      assignedToJobs: g.jobs,
      assignedToCourses: g.courses,
      assignmentRate: rate(g.jobs + g.courses, g.learners),
      failed: g.failed,
    }));

  const shortageSkills: ShortageSkillReport[] = [...gapSkills]
    .sort(([a, x], [b, y]) => y.learners - x.learners || y.required - x.required || (a < b ? -1 : 1))
    .slice(0, SHORTAGE_SKILLS_LISTED)
    .map(([skillId, s]) => {
      const skill = options.taxonomy.getSkill(skillId);
      return {
        skillId,
        label: skill ? { zh: skill.zh, en: skill.en } : { zh: skillId, en: skillId },
        learners: s.learners,
        required: s.required,
        shortageIndex: round(snapshot.shortage[skillId] ?? 1, 2),
      };
    });

  const courseReports: CourseSeatReport[] = snapshot.courses
    .filter((c) => seatsAsked.has(c.id) || seatsGiven.has(c.id))
    .map((c) => {
      const asked = seatsAsked.get(c.id) ?? { seats: 0, subsidy: 0, toConfirm: 0 };
      const given = seatsGiven.get(c.id) ?? { seats: 0, subsidy: 0, toConfirm: 0 };
      return {
        id: c.id,
        ref: c.ref,
        title: c.title,
        provider: c.provider,
        recommendedSeats: asked.seats,
        recommendedSubsidyYuan: yuan(asked.subsidy),
        recommendedToConfirmYuan: yuan(asked.toConfirm),
        seats: c.seats ?? null,
        ...(roster ? { assignedSeats: given.seats, assignedSubsidyYuan: yuan(given.subsidy), assignedToConfirmYuan: yuan(given.toConfirm) } : {}),
      };
    })
    .sort((a, b) => b.recommendedSeats - a.recommendedSeats || (b.assignedSeats ?? 0) - (a.assignedSeats ?? 0) || (a.id < b.id ? -1 : 1));

  const unfilled = unfilledDemands(learners, snapshot, roster);
  const sum = (values: Iterable<{ subsidy: number }>) => yuan([...values].reduce((s, v) => s + v.subsidy, 0));
  const sumToConfirm = (values: Iterable<{ toConfirm: number }>) => yuan([...values].reduce((s, v) => s + v.toConfirm, 0));
  return {
    learners: learners.length,
    failed,
    matched,
    matchRate: rate(matched, learners.length),
    assigned: jobs + courses,
    assignedToJobs: jobs,
    assignedToCourses: courses,
    byGroup,
    shortageSkills,
    courses: courseReports.slice(0, COURSES_LISTED),
    coursesNotListed: Math.max(0, courseReports.length - COURSES_LISTED),
    subsidyBudgetYuan: { recommended: sum(seatsAsked.values()), ...(roster ? { assigned: sum(seatsGiven.values()) } : {}) },
    subsidyToConfirmYuan: { recommended: sumToConfirm(seatsAsked.values()), ...(roster ? { assigned: sumToConfirm(seatsGiven.values()) } : {}) },
    unfilled: {
      demands: unfilled.length,
      places: unfilled.reduce((s, d) => s + d.unfilled, 0),
      items: unfilled.slice(0, UNFILLED_LISTED),
      notListed: Math.max(0, unfilled.length - UNFILLED_LISTED),
    },
    demandsConsidered: snapshot.demands.length,
    placesOffered: snapshot.demands.reduce((s, d) => s + d.headcount, 0),
    coursesConsidered: snapshot.courses.length,
    method: roster ? { assignment: 'greedy', bound: ASSIGNMENT_BOUND } : { assignment: 'none' },
  };
}
