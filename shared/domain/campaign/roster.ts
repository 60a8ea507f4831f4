import type { LearnerGroup } from '../../schemas/learner.js';
import { assignGreedy, type Candidate } from './assign.js';
import type { CampaignAssignment, CampaignSnapshot, ResultGapSkill, UnfilledDemandReport, UnfilledReason } from './types.js';

/**
 * The roster of an assign-mode campaign, from every learner's stored result: jobs first (each
 * demand's headcount), then training seats for the learners left without a job (each course's
 * seats), both by `assignGreedy` (best score first, never over capacity; at least half the
 * optimal total score). Only a learner's kept matches and recommendations are candidates.
 */

/** What the roster and the report read of one learner's result. */
export interface RosterLearner {
  readonly id: string;
  readonly group: LearnerGroup;
  /** Every group of a learner in several; the fairness report counts them in each. */
  readonly groups?: readonly LearnerGroup[];
  readonly failed: boolean;
  readonly matches: ReadonlyArray<{ readonly id: string; readonly score: number }>;
  /** `subsidyYuan`: eligible subsidies; `toConfirmSubsidyYuan`: those still to confirm (0 when absent). */
  readonly recommendations: ReadonlyArray<{ readonly id: string; readonly score: number; readonly subsidyYuan: number; readonly toConfirmSubsidyYuan?: number }>;
  readonly gap: readonly ResultGapSkill[];
}

export interface CampaignRoster {
  /** learner id → their place. */
  readonly assignments: ReadonlyMap<string, CampaignAssignment>;
  /** Places given per demand and per course. */
  readonly demandFilled: ReadonlyMap<string, number>;
  readonly courseFilled: ReadonlyMap<string, number>;
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Jobs, then seats for those without a job; see the module comment. */
export function buildRoster(learners: readonly RosterLearner[], snapshot: CampaignSnapshot): CampaignRoster {
  const demands = new Map(snapshot.demands.map((d) => [d.id, d]));
  const courses = new Map(snapshot.courses.map((c) => [c.id, c]));
  const jobCandidates: Candidate[] = [];
  for (const l of learners) for (const m of l.matches) if (demands.has(m.id)) jobCandidates.push({ learnerId: l.id, optionId: m.id, score: m.score });
  const jobs = assignGreedy(jobCandidates, new Map(snapshot.demands.map((d) => [d.id, d.headcount])));

  const seatCandidates: Candidate[] = [];
  for (const l of learners) for (const r of l.recommendations) if (courses.has(r.id)) seatCandidates.push({ learnerId: l.id, optionId: r.id, score: r.score });
  // A course that names no seats sets no cap: the report then shows the seats asked for.
  const seatCapacity = new Map(snapshot.courses.map((c) => [c.id, c.seats ?? Number.POSITIVE_INFINITY]));
  const seats = assignGreedy(seatCandidates, seatCapacity, new Set(jobs.assigned.keys()));

  const assignments = new Map<string, CampaignAssignment>();
  const demandFilled = new Map<string, number>();
  const courseFilled = new Map<string, number>();
  for (const [learnerId, { optionId, score }] of jobs.assigned) {
    const d = demands.get(optionId)!;
    assignments.set(learnerId, { kind: 'demand', id: d.id, ref: d.ref, title: d.title, score });
    count(demandFilled, d.id);
  }
  for (const [learnerId, { optionId, score }] of seats.assigned) {
    const c = courses.get(optionId)!;
    assignments.set(learnerId, { kind: 'course', id: c.id, ref: c.ref, title: c.title, score });
    count(courseFilled, c.id);
  }
  return { assignments, demandFilled, courseFilled };
}

const WHY: Record<UnfilledReason, { zh: string; en: string }> = {
  'no-candidate': { zh: '没有学员的匹配分达到阈值', en: 'No candidate above the threshold' },
  'candidates-went-elsewhere': { zh: '符合条件的学员已分配到匹配分更高的岗位', en: 'Candidates went to better-scoring demands' },
  'too-few-candidates': { zh: '匹配分达到阈值的学员少于招聘人数', en: 'Fewer candidates above the threshold than places' },
};

/**
 * The roster as stored: the places learners hold now. After learners are deleted from a
 * completed campaign, the others keep their places (nobody is moved); the report counts these.
 */
export function rosterOf(assignments: ReadonlyMap<string, CampaignAssignment>): CampaignRoster {
  const demandFilled = new Map<string, number>();
  const courseFilled = new Map<string, number>();
  for (const place of assignments.values()) count(place.kind === 'demand' ? demandFilled : courseFilled, place.id);
  return { assignments, demandFilled, courseFilled };
}

/**
 * Demands left with open places, most places first, and why: no learner had it among their
 * matches at or above the threshold; with a roster, candidates it had were placed in
 * better-scoring demands; otherwise there were fewer candidates than places.
 */
export function unfilledDemands(learners: readonly RosterLearner[], snapshot: CampaignSnapshot, roster: CampaignRoster | undefined): UnfilledDemandReport[] {
  const candidates = new Map<string, number>();
  for (const l of learners) for (const m of l.matches) count(candidates, m.id);
  const out: UnfilledDemandReport[] = [];
  for (const d of snapshot.demands) {
    const found = candidates.get(d.id) ?? 0;
    const filled = roster ? (roster.demandFilled.get(d.id) ?? 0) : Math.min(d.headcount, found);
    const unfilled = d.headcount - filled;
    if (unfilled <= 0) continue;
    const reason: UnfilledReason = found === 0 ? 'no-candidate' : roster && found > filled ? 'candidates-went-elsewhere' : 'too-few-candidates';
    out.push({ id: d.id, ref: d.ref, title: d.title, employer: d.employer, headcount: d.headcount, filled, unfilled, reason, why: WHY[reason] });
  }
  return out.sort((a, b) => b.unfilled - a.unfilled || (a.id < b.id ? -1 : 1));
}
