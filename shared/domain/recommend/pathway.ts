/**
 * A learning pathway: a short ordered list of courses that closes most of the gap, by greedy
 * weighted set cover under a cardinality limit, honouring level prerequisites. Method and bound
 * in docs/recommendations.md.
 */
import type { Level } from '../../taxonomy/levels.js';
import type { GapSkill } from './gap.js';
import { entryLevel, readiness, sourceOf, type CourseAssessment, type CourseCandidate, type SkillSource } from './ranking.js';

export interface PathwayOptions {
  /** @default 4 */
  readonly maxCourses?: number;
  /** Stop when the best step closes less than this share of the whole gap. @default 0.02 */
  readonly minGainShare?: number;
  /**
   * A step may take any course whose gain is at least this share of the best gain, preferring the
   * better-ranked one (level fit, access, hours, cost). @default 0.9
   */
  readonly nearBest?: number;
  /** Courses whose access value is below this are never put in a pathway. @default 0.3 */
  readonly minAccess?: number;
  /** Only the best-ranked courses are considered. @default 40 */
  readonly pool?: number;
}

export interface PathwayStep<C extends CourseCandidate> {
  readonly assessment: CourseAssessment<C>;
  /** Gap skills this step raises, from the level reached before it; `via` names the neighbour the course teaches when it raises the skill in part. */
  readonly raises: ReadonlyArray<{ readonly skillId: string; readonly from: number; readonly to: Level; readonly via?: SkillSource['via'] }>;
  /** Ids of earlier steps this one needs as prerequisites. */
  readonly after: readonly string[];
}

export interface PathwayPlan<C extends CourseCandidate> {
  /** In order: prerequisites first. */
  readonly steps: readonly PathwayStep<C>[];
  /** 0–1 share of the gap's weight the whole pathway closes. */
  readonly coverage: number;
  /** Level per gap skill after the pathway (the learner's own where no course raises it). */
  readonly levels: ReadonlyMap<string, number>;
}

/** Weighted closure of the gap at given levels: the objective the greedy raises. */
function value(gap: readonly GapSkill[], levels: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const s of gap) {
    const level = Math.min(levels.get(s.skillId) ?? s.held, s.needed);
    total += (s.weight * Math.max(0, level - s.held)) / (s.needed - s.held);
  }
  return total;
}

/**
 * Whether the course can be taken at these levels: each gap skill it would raise meets its entry
 * level (through a neighbour, the learner's own level in the neighbour counts too).
 */
function eligible(course: CourseCandidate, gap: readonly GapSkill[], levels: ReadonlyMap<string, number>): boolean {
  return gap.every((s) => {
    const source = sourceOf(course, s);
    const current = levels.get(s.skillId) ?? s.held;
    return source === undefined || source.reaches <= current || entryLevel(source.taughtLevel) <= readiness(source, current, s);
  });
}

/**
 * The levels after taking the course (gap skills only). A level only ever rises to the best a
 * single course reaches: partial credits through neighbours do not add up, so two partial courses
 * never count for more than the best of them, let alone a full one.
 */
function apply(course: CourseCandidate, gap: readonly GapSkill[], levels: ReadonlyMap<string, number>): Map<string, number> {
  const next = new Map(levels);
  for (const s of gap) {
    const source = sourceOf(course, s);
    if (source !== undefined && source.reaches > (next.get(s.skillId) ?? s.held)) next.set(s.skillId, source.reaches);
  }
  return next;
}

interface Move<C extends CourseCandidate> {
  readonly courses: readonly CourseAssessment<C>[];
  /** Gain per course slot used. */
  readonly gainPerSlot: number;
  /** Mean ranking score of the courses, to choose among near-best moves. */
  readonly score: number;
}

/**
 * Greedy pathway. Each step takes the move with the largest gap weight closed per course among
 * the courses the learner can take at that point: a single course, or (when a course is out of
 * reach) a prerequisite course followed by it, counted per slot. Among moves within `nearBest` of
 * the best, the better-ranked wins. Steps are then ordered so every prerequisite comes first.
 */
export function planPathway<C extends CourseCandidate>(gap: readonly GapSkill[], ranked: readonly CourseAssessment<C>[], options: PathwayOptions = {}): PathwayPlan<C> {
  const maxCourses = options.maxCourses ?? 4;
  const minGainShare = options.minGainShare ?? 0.02;
  const nearBest = options.nearBest ?? 0.9;
  const minAccess = options.minAccess ?? 0.3;
  const totalWeight = gap.reduce((sum, s) => sum + s.weight, 0);
  let levels: Map<string, number> = new Map(gap.map((s) => [s.skillId, s.held]));
  if (totalWeight <= 0) return { steps: [], coverage: 0, levels };

  const pool = ranked.filter((a) => a.access.value >= minAccess).slice(0, options.pool ?? 40);
  const chosen: CourseAssessment<C>[] = [];
  const raisesOf = new Map<string, PathwayStep<C>['raises']>();
  const afterOf = new Map<string, string[]>();
  /** Which chosen course last raised each skill: the prerequisite of later courses in it. */
  const raisedBy = new Map<string, string>();

  const take = (a: CourseAssessment<C>) => {
    const after = new Set<string>();
    const raises: Array<{ skillId: string; from: number; to: Level; via?: SkillSource['via'] }> = [];
    for (const s of gap) {
      const source = sourceOf(a.course, s);
      const current = levels.get(s.skillId) ?? s.held;
      if (source === undefined || source.reaches <= current) continue;
      const by = raisedBy.get(s.skillId);
      if (by !== undefined && entryLevel(source.taughtLevel) > readiness(source, s.held, s)) after.add(by);
      raises.push({ skillId: s.skillId, from: current, to: source.reaches as Level, ...(source.via ? { via: source.via } : {}) });
      raisedBy.set(s.skillId, a.course.id);
    }
    levels = apply(a.course, gap, levels);
    chosen.push(a);
    raisesOf.set(a.course.id, raises);
    afterOf.set(a.course.id, [...after]);
  };

  while (chosen.length < maxCourses) {
    const base = value(gap, levels);
    const open = pool.filter((a) => !chosen.includes(a));
    const moves: Move<C>[] = [];
    for (const a of open) {
      if (eligible(a.course, gap, levels)) {
        const gain = value(gap, apply(a.course, gap, levels)) - base;
        if (gain > 0) moves.push({ courses: [a], gainPerSlot: gain, score: a.score });
        continue;
      }
      if (chosen.length + 2 > maxCourses) continue;
      // Out of reach: pair it with the best prerequisite that makes it takeable.
      let best: Move<C> | undefined;
      for (const p of open) {
        if (p === a || !eligible(p.course, gap, levels)) continue;
        const afterP = apply(p.course, gap, levels);
        if (!eligible(a.course, gap, afterP)) continue;
        const gain = value(gap, apply(a.course, gap, afterP)) - base;
        const move = { courses: [p, a], gainPerSlot: gain / 2, score: (p.score + a.score) / 2 };
        if (gain > 0 && (!best || move.gainPerSlot > best.gainPerSlot || (move.gainPerSlot === best.gainPerSlot && move.score > best.score))) best = move;
      }
      if (best) moves.push(best);
    }
    const top = Math.max(0, ...moves.map((m) => m.gainPerSlot));
    if (top < minGainShare * totalWeight) break;
    const pick = moves
      .filter((m) => m.gainPerSlot >= nearBest * top)
      .sort((a, b) => b.score - a.score || b.gainPerSlot - a.gainPerSlot || (a.courses[0]!.course.id < b.courses[0]!.course.id ? -1 : 1))[0]!;
    for (const a of pick.courses) take(a);
    if (value(gap, levels) >= totalWeight * 0.999) break;
  }

  // Prerequisites first; otherwise lower-level courses first, then the order chosen.
  const steps: PathwayStep<C>[] = [];
  const placed = new Set<string>();
  const maxLevel = (a: CourseAssessment<C>) => Math.max(...(raisesOf.get(a.course.id) ?? []).map((r) => a.course.taught.get(r.via?.skillId ?? r.skillId) ?? 0), 0);
  while (steps.length < chosen.length) {
    const ready = chosen.filter((a) => !placed.has(a.course.id) && (afterOf.get(a.course.id) ?? []).every((id) => placed.has(id)));
    const next = ready.sort((a, b) => maxLevel(a) - maxLevel(b) || chosen.indexOf(a) - chosen.indexOf(b))[0]!;
    placed.add(next.course.id);
    steps.push({ assessment: next, raises: raisesOf.get(next.course.id) ?? [], after: afterOf.get(next.course.id) ?? [] });
  }
  return { steps, coverage: Math.min(1, value(gap, levels) / totalWeight), levels };
}
