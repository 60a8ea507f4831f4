/**
 * Ranking of candidate courses against a learner's gap (see docs/recommendations.md):
 *
 *   score = gapClosed × levelFit × (0.4 + 0.6 × access) × (0.7 + 0.15 × hoursFit + 0.15 × costFit)
 *
 * `gapClosed` is the share of the gap's total weight the course closes, so courses teaching
 * heavily weighted skills (required, far from held, short in supply locally) rise; the other
 * factors only discount. Every factor is in [0, 1], so the score is too.
 *
 * A course closes a gap skill by teaching it, or in part by teaching a one-hop neighbour of it in
 * the taxonomy, at the matching scorer's credit for that relation (`RELATION_CREDIT`: a narrower
 * skill 0.75, a broader one 0.5, a related one 0.4). The level it brings the learner to in the gap
 * skill is the one the gap itself would read after the course: the scorer's credit for holding the
 * taught skill at the course's level, read as a level as `assessBreakdown` reads it,
 * `floor(credit × levelCredit(needed, taught) × needed)`. For the skill itself (credit 1) that is
 * exactly `min(taught, needed)`. Per gap skill the best source counts, never a sum, so partial
 * courses never add up past a full one.
 *
 * The related fill ranks by `share` instead: a course counts for the credit it earns before that
 * credit is read as a whole level (`earnedLevel`), so one raising a skill by part of a level is
 * listed, marked `belowLevel`, after the courses that close whole levels.
 */
import { regionContains, regionDistance } from '../../regions/regions.js';
import type { Level } from '../../taxonomy/levels.js';
import { levelCredit } from '../matching/score.js';
import type { GapNeighbour, GapSkill, HeldLevel, Relation } from './gap.js';

/** What ranking needs to know about a course. */
export interface CourseCandidate {
  readonly id: string;
  readonly level: Level;
  readonly hours: number;
  readonly mode: 'online' | 'offline' | 'blended';
  readonly region: string;
  /** The level taught, per taxonomy skill. */
  readonly taught: ReadonlyMap<string, Level>;
  /** After subsidies; `null` when the course names no price. */
  readonly netCostYuan: number | null;
  /** Skills in `taught` that only the course's certificate attests (see `courseSkills`). */
  readonly attested?: ReadonlySet<string>;
}

/** What ranking needs to know about the learner besides the gap. */
export interface LearnerContext {
  readonly region: string;
  readonly prefersOnline?: boolean | undefined;
}

/**
 * How a course raises one gap skill: by teaching it (`via` absent), or by teaching a one-hop
 * neighbour of it, credited as the matching scorer credits that relation.
 */
export interface SkillSource {
  /** The skill the course teaches: the gap skill itself, or the neighbour. */
  readonly taughtSkillId: string;
  /** The level the course teaches it at. */
  readonly taughtLevel: Level;
  /** The level the course brings the learner to in the gap skill (see `reachedLevel`). */
  readonly reaches: HeldLevel;
  /** The same before it is read as a whole level: the scorer's credit × the level needed (see `earnedLevel`). */
  readonly earned: number;
  /** The learner's own level in the taught skill when it is a neighbour (what their readiness for the course also rests on). */
  readonly heldInTaught: number;
  readonly via?: { readonly skillId: string; readonly relation: Relation; readonly credit: number };
}

/**
 * The best way the course raises the gap skill, or undefined when it teaches neither the skill
 * nor a neighbour of it above the learner's level there. The best source is the one reaching
 * highest (the scorer too credits a need by its best source); a direct one wins a tie. With `by`
 * `earned`, the highest credit before it is read as a whole level (for the related fill).
 */
export function sourceOf(course: Pick<CourseCandidate, 'taught'>, skill: GapSkill, by: 'reaches' | 'earned' = 'reaches'): SkillSource | undefined {
  let best: SkillSource | undefined;
  const direct = course.taught.get(skill.skillId);
  // Directly, `min(taught, needed)`: what `reachedLevel(1, …)` gives for every level 1–5, written plainly.
  if (direct !== undefined) {
    const reaches = Math.min(direct, skill.needed) as HeldLevel;
    best = { taughtSkillId: skill.skillId, taughtLevel: direct, reaches, earned: reaches, heldInTaught: skill.held };
  }
  for (const n of skill.neighbours ?? []) {
    const taught = course.taught.get(n.skillId);
    // A course at or below the learner's level in the neighbour teaches them nothing new there.
    if (taught === undefined || taught <= n.held) continue;
    const source = viaSource(n, taught, reachedLevel(n.credit, skill.needed, taught), earnedLevel(n.credit, skill.needed, taught));
    if (best === undefined || source[by] > best[by]) best = source;
  }
  return best;
}

/**
 * The scorer's credit for holding a skill at `taught` toward a need at `needed`, times the level
 * needed: the level earned before the gap reads it as a whole level (`reachedLevel` floors it).
 */
export function earnedLevel(credit: number, needed: Level, taught: Level): number {
  if (taught < 1) return 0;
  return Math.min(needed, credit * levelCredit(needed, taught) * needed);
}

/**
 * The level in a needed skill that holding a skill at `taught` earns, with `credit` for how the two
 * relate (1 for the skill itself): the matching scorer's credit, `credit × levelCredit(needed,
 * taught)`, read as a level as the gap reads every credit (`assessBreakdown`: floor of credit ×
 * needed). With credit 1 this is `min(taught, needed)` for every level 1–5.
 */
export function reachedLevel(credit: number, needed: Level, taught: Level): HeldLevel {
  if (taught < 1) return 0;
  return Math.min(needed, Math.floor(credit * levelCredit(needed, taught) * needed + 1e-9)) as HeldLevel;
}

const viaSource = (n: GapNeighbour, taught: Level, reaches: HeldLevel, earned: number): SkillSource => ({
  taughtSkillId: n.skillId,
  taughtLevel: taught,
  reaches,
  earned,
  heldInTaught: n.held,
  via: { skillId: n.skillId, relation: n.relation, credit: n.credit },
});

/**
 * The learner's readiness for a course toward a gap skill: their level in the gap skill; in the
 * taught neighbour when the course teaches one (`heldInTaught`); or what their level in a broader
 * or narrower skill than the gap skill says (`NEIGHBOUR_READINESS_STEP`; a related one says less
 * about the basics): each is evidence of the basics the course builds on. Someone at 技师 level in
 * CNC machining is ready for a five-axis course that expects 高级工, though five-axis is new to them.
 */
const readyLevel = (levelInGapSkill: number, heldInTaught: number | undefined, skill?: Pick<GapSkill, 'neighbours'>): number =>
  Math.max(levelInGapSkill, heldInTaught ?? 0, nearbyReadiness(skill));

/** {@link readyLevel} for a source's course. */
export const readiness = (source: SkillSource, levelInGapSkill: number, skill?: Pick<GapSkill, 'neighbours'>): number =>
  readyLevel(levelInGapSkill, source.via ? source.heldInTaught : undefined, skill);

/**
 * Levels below their level in a neighbouring skill a learner is taken to be ready at: none for the
 * broader skill (a licensed pilot is ready for the beyond-line-of-sight course that expects a
 * pilot), one for a narrower one (a five-axis specialist has the basics of machining, not all of it).
 */
export const NEIGHBOUR_READINESS_STEP = { parent: 0, child: 1 } as const;

/** The learner's readiness from the gap skill's parents and children (0 when they hold none). */
const nearbyReadiness = (skill?: Pick<GapSkill, 'neighbours'>): number =>
  Math.max(0, ...(skill?.neighbours ?? []).map((n) => (n.held > 0 && n.relation !== 'related' ? n.held - NEIGHBOUR_READINESS_STEP[n.relation] : 0)));

/** One gap skill a course closes, wholly or in part. */
export interface ClosedSkill {
  readonly skillId: string;
  readonly role: GapSkill['role'];
  readonly held: HeldLevel;
  readonly needed: Level;
  /**
   * The level the course brings the learner to in this skill (capped at `needed`; through a
   * neighbour, see `reachedLevel`). Below `held` or the current level only for a `belowLevel` closure.
   */
  readonly reaches: HeldLevel;
  /** Only in the related fill: the course raises the skill by less than a whole level; `closure` is the share of the credit it earns. */
  readonly belowLevel?: true;
  /** The taught skill is one only the course's certificate attests. */
  readonly attested?: true;
  /** The skill and level the course teaches toward it (the skill itself, or a neighbour), and the learner's own level in that skill. */
  readonly taught: { readonly skillId: string; readonly level: Level; readonly held: number };
  /** Present when the course teaches a neighbour of the skill, not the skill itself. */
  readonly via?: SkillSource['via'];
  /** 0–1 share of this skill's gap closed. */
  readonly closure: number;
  /** Gap weight closed: the skill's weight × closure. */
  readonly weight: number;
  readonly shortageIndex: number;
}

/** `fits`: the learner can start now; `after-prerequisite`: another candidate bridges the level; `too-advanced`: nothing does. */
export type LevelStatus = 'fits' | 'after-prerequisite' | 'too-advanced';

export interface LevelCheck {
  readonly skillId: string;
  readonly courseLevel: Level;
  /** The level the course expects on entry. */
  readonly entryLevel: HeldLevel;
  readonly held: HeldLevel;
  readonly status: LevelStatus;
  readonly fit: number;
}

export interface Access {
  readonly mode: CourseCandidate['mode'];
  /** Course region contains the learner's, or the other way round. */
  readonly overlaps: boolean;
  /** 0 overlapping or same district, 1 same city, 2 same province, 3 elsewhere. */
  readonly distance: 0 | 1 | 2 | 3;
  readonly regionFit: number;
  readonly modeFit: number;
  /** regionFit × modeFit. */
  readonly value: number;
}

export interface CourseAssessment<C extends CourseCandidate = CourseCandidate> {
  readonly course: C;
  readonly closes: readonly ClosedSkill[];
  /** 0–1 share of the whole gap's weight this course closes. */
  readonly gapClosed: number;
  readonly levelChecks: readonly LevelCheck[];
  readonly levelFit: number;
  readonly access: Access;
  readonly hoursFit: number;
  readonly costFit: number;
  readonly score: number;
}

/** Share of its score a course the learner cannot reach keeps (see `suitability`). */
export const UNREACHABLE_FLOOR = 0.1;

/**
 * How well the learner can take a course, whatever it closes: its level fit times its access
 * (`0.1 + 0.9 × access`: an in-person course in another province, which few can attend, keeps
 * little more than a tenth of its score, and ranks below what they can reach). The ranking's
 * score is this times the gap closed and the hours and cost factors; the learner's words are
 * weighed by it too.
 */
export const suitability = (a: Pick<CourseAssessment, 'levelFit' | 'access'>): number => a.levelFit * (UNREACHABLE_FLOOR + (1 - UNREACHABLE_FLOOR) * a.access.value);

/**
 * The level a course expects on entry: a level-L course (L ≥ 3) needs the learner at L − 1 in that
 * skill; elementary (1) and working-knowledge (2) courses are open to beginners.
 */
export const entryLevel = (courseLevel: Level): HeldLevel => (courseLevel >= 3 ? ((courseLevel - 1) as Level) : 0);

/** Level fit when another candidate bridges the level first (the pathway puts it first). */
export const BRIDGED_FIT = 0.7;
/** Level fit of a too-advanced course by how many levels short the learner is (1, 2, 3+). */
export const TOO_ADVANCED_FIT = [0.4, 0.15, 0.05] as const;
/** Hours at which the hours factor is one half. */
export const HALF_HOURS = 400;
/** Net cost (yuan) at which the cost factor is one half. */
export const HALF_COST_YUAN = 3000;
/** Cost factor when the course names no price: below a free course, above a dear one. */
export const UNKNOWN_COST_FIT = 0.7;

// Reaching an in-person course: same city is as good as same district; another province almost never works.
const OFFLINE_REGION_FIT = [1, 1, 0.6, 0.03] as const;
const BLENDED_REGION_FIT = [1, 1, 0.8, 0.4] as const;

/** How well a course's mode and place suit the learner. */
export function accessOf(course: Pick<CourseCandidate, 'mode' | 'region'>, learner: LearnerContext): Access {
  const overlaps = regionContains(course.region, learner.region) || regionContains(learner.region, course.region);
  const distance = overlaps ? 0 : regionDistance(course.region, learner.region);
  const regionFit = course.mode === 'online' ? 1 : (course.mode === 'blended' ? BLENDED_REGION_FIT : OFFLINE_REGION_FIT)[distance];
  const modeFit =
    learner.prefersOnline === true
      ? { online: 1, blended: 0.8, offline: 0.55 }[course.mode]
      : learner.prefersOnline === false
        ? { online: 0.8, blended: 1, offline: 1 }[course.mode]
        : 1;
  return { mode: course.mode, overlaps, distance, regionFit, modeFit, value: regionFit * modeFit };
}

/** How closure is counted: `level` by whole levels reached (as the gap reads them); `share` by the credit earned before that (the related fill). */
export type ClosureMode = 'level' | 'share';

/**
 * The gap skills a course closes (directly or through a neighbour), given the learner's current
 * levels. By `share`, a source that earns part of a level counts for that part (`belowLevel`).
 */
export function closedSkills(
  course: Pick<CourseCandidate, 'taught' | 'attested'>,
  gap: readonly GapSkill[],
  levels: ReadonlyMap<string, number> = new Map(),
  mode: ClosureMode = 'level',
): ClosedSkill[] {
  const out: ClosedSkill[] = [];
  for (const skill of gap) {
    const source = sourceOf(course, skill, mode === 'share' ? 'earned' : 'reaches');
    if (source === undefined) continue;
    const current = Math.max(skill.held, levels.get(skill.skillId) ?? 0);
    const { reaches } = source;
    const gained = mode === 'share' ? source.earned : reaches;
    if (gained <= current + 1e-9) continue;
    const closure = Math.min(1, (gained - current) / (skill.needed - skill.held));
    out.push({
      skillId: skill.skillId,
      role: skill.role,
      held: skill.held,
      needed: skill.needed,
      reaches,
      ...(reaches <= current ? { belowLevel: true as const } : {}),
      ...(course.attested?.has(source.taughtSkillId) ? { attested: true as const } : {}),
      taught: { skillId: source.taughtSkillId, level: source.taughtLevel, held: source.heldInTaught },
      ...(source.via ? { via: source.via } : {}),
      closure,
      weight: skill.weight * closure,
      shortageIndex: skill.shortageIndex,
    });
  }
  return out;
}

/**
 * Assesses and ranks candidate courses, best first. Courses that close nothing (they teach no gap
 * skill above the learner's level) are left out. By `share` (the related fill), a course counts
 * for the credit it earns toward a gap skill even below a whole level.
 */
export function rankCourses<C extends CourseCandidate>(gap: readonly GapSkill[], learner: LearnerContext, candidates: readonly C[], mode: ClosureMode = 'level'): CourseAssessment<C>[] {
  const totalWeight = gap.reduce((sum, s) => sum + s.weight, 0);
  if (totalWeight <= 0) return [];
  // Per gap skill, the levels reached by courses a learner at their level could take now: these bridge harder courses.
  const takeableNow = new Map<string, number[]>();
  for (const course of candidates) {
    for (const skill of gap) {
      const source = sourceOf(course, skill);
      if (source && source.reaches > skill.held && entryLevel(source.taughtLevel) <= readiness(source, skill.held, skill)) {
        takeableNow.set(skill.skillId, [...(takeableNow.get(skill.skillId) ?? []), source.reaches]);
      }
    }
  }

  const out: CourseAssessment<C>[] = [];
  for (const course of candidates) {
    const closes = closedSkills(course, gap, new Map(), mode);
    if (closes.length === 0) continue;
    const levelChecks = closes.map((closed): LevelCheck => {
      const courseLevel = closed.taught.level;
      const entry = entryLevel(courseLevel);
      const held = readyLevel(closed.held, closed.via ? closed.taught.held : undefined, gap.find((g) => g.skillId === closed.skillId)) as HeldLevel;
      const base = { skillId: closed.skillId, courseLevel, entryLevel: entry, held };
      if (held >= entry) return { ...base, status: 'fits', fit: 1 };
      if ((takeableNow.get(closed.skillId) ?? []).some((level) => level >= entry)) return { ...base, status: 'after-prerequisite', fit: BRIDGED_FIT };
      return { ...base, status: 'too-advanced', fit: TOO_ADVANCED_FIT[Math.min(entry - held, 3) - 1]! };
    });
    const closedWeight = closes.reduce((sum, c) => sum + c.weight, 0);
    const levelFit = closes.reduce((sum, c, i) => sum + c.weight * levelChecks[i]!.fit, 0) / closedWeight;
    const gapClosed = Math.min(1, closedWeight / totalWeight);
    const access = accessOf(course, learner);
    const hoursFit = 1 / (1 + course.hours / HALF_HOURS);
    const costFit = course.netCostYuan === null ? UNKNOWN_COST_FIT : 1 / (1 + course.netCostYuan / HALF_COST_YUAN);
    const score = gapClosed * suitability({ levelFit, access }) * (0.7 + 0.15 * hoursFit + 0.15 * costFit);
    out.push({ course, closes, gapClosed, levelChecks, levelFit, access, hoursFit, costFit, score: Math.round(score * 10_000) / 10_000 });
  }
  return out.sort((a, b) => b.score - a.score || b.gapClosed - a.gapClosed || (a.course.id < b.course.id ? -1 : 1));
}
