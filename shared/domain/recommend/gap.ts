/**
 * The skill gap between a learner and what a target (one or more demands, or an occupation)
 * needs: each gap skill with the level needed, the level held, and a weight that says how much
 * closing it matters here (required over preferred, short-supply skills over surplus ones).
 */
import type { Level } from '../../taxonomy/levels.js';
import { ASSUMED_HELD_LEVEL, GENERIC_NEED_WEIGHT, RELATION_CREDIT, type MatchTaxonomy } from '../matching/score.js';
import type { Have, MatchBreakdown, Need } from '../matching/types.js';

/** A need without a level (and no minimum level on the demand) asks for working knowledge. */
export const DEFAULT_NEEDED_LEVEL: Level = 2;
/** How much a need's role weighs in the gap. */
export const ROLE_WEIGHT: Readonly<Record<Need['role'], number>> = { required: 1, preferred: 0.5 };
/** Shortage indices are clamped to this range before weighing: one extreme count cannot swamp the rest. */
export const SHORTAGE_FACTOR_RANGE = { min: 0.5, max: 2.5 } as const;

/** A level, or 0 for "does not hold it". */
export type HeldLevel = 0 | Level;

/** One need of one target, as assessed against the learner. */
export interface AssessedNeed {
  readonly skillId: string;
  readonly role: Need['role'];
  readonly needed: Level;
  readonly held: HeldLevel;
}

/** What one target needs, assessed against the learner. */
export interface TargetAssessment {
  /** `demand:<id>` or `occupation:<id>`. */
  readonly key: string;
  readonly needs: readonly AssessedNeed[];
}

/** How a taught skill relates to a gap skill, named as the matching scorer names it: a `child` is narrower. */
export type Relation = keyof typeof RELATION_CREDIT;

/**
 * A one-hop neighbour of a gap skill in the taxonomy: a course teaching it closes part of the gap
 * skill, at the matching scorer's credit for that relation.
 */
export interface GapNeighbour {
  readonly skillId: string;
  /** What the neighbour is to the gap skill. */
  readonly relation: Relation;
  /** `RELATION_CREDIT[relation]`: 0.75 child, 0.5 parent, 0.3 related. */
  readonly credit: number;
  /** The learner's own level in the neighbour (0 when not held; a level not stated counts as 2, as in the scorer). */
  readonly held: number;
}

/** A skill the learner lacks, or holds below the level a target needs. */
export interface GapSkill {
  readonly skillId: string;
  /** `required` when any target requires it. */
  readonly role: Need['role'];
  /** The highest level any target needs. */
  readonly needed: Level;
  readonly held: HeldLevel;
  /** Shortage index in the learner's labour market (1 when unknown). */
  readonly shortageIndex: number;
  /**
   * Role weight averaged over the targets (a skill every target needs weighs most), times the
   * share of the level still missing, times the clamped shortage index.
   */
  readonly weight: number;
  /** One-hop neighbours whose courses close part of this skill (none: only courses teaching it count). */
  readonly neighbours?: readonly GapNeighbour[];
  /** Keys of the targets that need it (`TargetAssessment.key`), in target order: what explanations name. */
  readonly targets?: readonly string[];
}

/**
 * Needs of one target from the matching scorer's breakdown, so that recommendations and matches
 * agree on what is missing. A need the scorer credits fully is met; a partly credited one counts
 * as held at the level its credit earns (never above what the learner states).
 */
export function assessBreakdown(key: string, breakdown: MatchBreakdown, minLevel?: Level | null): TargetAssessment {
  const needs: AssessedNeed[] = [];
  for (const evidence of [...breakdown.matched, ...breakdown.partial, ...breakdown.missing]) {
    const needed = evidence.needed ?? minLevel ?? DEFAULT_NEEDED_LEVEL;
    const earned = Math.floor(evidence.credit * needed + 1e-9);
    const held = evidence.credit >= 1 ? needed : (Math.min(evidence.held ?? earned, earned) as HeldLevel);
    needs.push({ skillId: evidence.skillId, role: evidence.role, needed, held: held < 0 ? 0 : held });
  }
  return { key, needs };
}

/** The shortage factor of an index, clamped. */
export const shortageFactor = (index: number): number => Math.min(SHORTAGE_FACTOR_RANGE.max, Math.max(SHORTAGE_FACTOR_RANGE.min, index));

/**
 * The gap over all targets, heaviest first. A skill's weight is the mean over the targets of its
 * role weight (0 for targets that do not need it), times the missing share of the level
 * ((needed − held) / needed), times the shortage factor. As matching weighs it (`needWeights`), a
 * generic skill (`isGeneric`: 打字, 电脑基本操作) a target needs beside a trade's skills weighs
 * `GENERIC_NEED_WEIGHT` of its role weight: an annotator's gap is annotation before typing.
 */
export function computeGap(targets: readonly TargetAssessment[], shortageOf: (skillId: string) => number, isGeneric: (skillId: string) => boolean = () => false): GapSkill[] {
  if (targets.length === 0) return [];
  const bySkill = new Map<string, { role: Need['role']; needed: Level; held: HeldLevel; roleSum: number; targets: string[] }>();
  for (const target of targets) {
    // A target listing a skill twice (required and preferred) counts it once, as its stronger role.
    const own = new Map<string, AssessedNeed>();
    for (const need of target.needs) {
      const seen = own.get(need.skillId);
      own.set(
        need.skillId,
        seen
          ? { ...seen, role: seen.role === 'required' ? 'required' : need.role, needed: Math.max(seen.needed, need.needed) as Level, held: Math.max(seen.held, need.held) as HeldLevel }
          : need,
      );
    }
    const trade = [...own.keys()].some((skillId) => !isGeneric(skillId));
    for (const need of own.values()) {
      if (need.held >= need.needed) continue;
      const roleWeight = ROLE_WEIGHT[need.role] * (trade && isGeneric(need.skillId) ? GENERIC_NEED_WEIGHT : 1);
      const entry = bySkill.get(need.skillId);
      if (!entry) {
        bySkill.set(need.skillId, { role: need.role, needed: need.needed, held: need.held, roleSum: roleWeight, targets: [target.key] });
      } else {
        entry.roleSum += roleWeight;
        entry.targets.push(target.key);
        if (need.role === 'required') entry.role = 'required';
        if (need.needed > entry.needed) entry.needed = need.needed;
      }
    }
  }
  const gap: GapSkill[] = [];
  for (const [skillId, entry] of bySkill) {
    const shortageIndex = shortageOf(skillId);
    const missingShare = (entry.needed - entry.held) / entry.needed;
    gap.push({
      skillId,
      role: entry.role,
      needed: entry.needed,
      held: entry.held,
      shortageIndex,
      weight: (entry.roleSum / targets.length) * missingShare * shortageFactor(shortageIndex),
      targets: entry.targets,
    });
  }
  return gap.sort((a, b) => b.weight - a.weight || (a.skillId < b.skillId ? -1 : 1));
}

/**
 * Whether a target's required needs are all met once the learner reaches `levels` (their own
 * levels raised by courses): the jobs a pathway opens.
 */
export function requiredMet(target: TargetAssessment, levels: ReadonlyMap<string, number>): boolean {
  return target.needs.every((need) => need.role !== 'required' || Math.max(need.held, levels.get(need.skillId) ?? 0) >= need.needed);
}

/**
 * The gap with each skill's one-hop neighbours in the taxonomy (children, parents, related), each
 * with the matching scorer's credit for the relation and the learner's level in it. A skill both a
 * child and related keeps its better credit, as the scorer does (it takes the best source).
 */
export function withNeighbours(gap: readonly GapSkill[], taxonomy: Pick<MatchTaxonomy, 'parentsOf' | 'childrenOf' | 'relatedOf'>, haves: readonly Have[]): GapSkill[] {
  const held = new Map<string, number>();
  for (const h of haves) held.set(h.skillId, Math.max(held.get(h.skillId) ?? 0, h.level ?? ASSUMED_HELD_LEVEL));
  return gap.map((skill) => {
    const best = new Map<string, GapNeighbour>();
    const add = (skillId: string, relation: Relation) => {
      if (skillId === skill.skillId) return;
      const credit = RELATION_CREDIT[relation];
      if ((best.get(skillId)?.credit ?? 0) < credit) best.set(skillId, { skillId, relation, credit, held: held.get(skillId) ?? 0 });
    };
    for (const s of taxonomy.childrenOf(skill.skillId)) add(s.id, 'child');
    for (const s of taxonomy.parentsOf(skill.skillId)) add(s.id, 'parent');
    for (const s of taxonomy.relatedOf(skill.skillId)) add(s.id, 'related');
    const neighbours = [...best.values()].sort((a, b) => b.credit - a.credit || (a.skillId < b.skillId ? -1 : 1));
    return neighbours.length > 0 ? { ...skill, neighbours } : skill;
  });
}

/**
 * The most of a gap skill that a course in `via` (a neighbour) could close: a course at or above
 * the needed level earns the scorer's full relation credit, read as a level as `assessBreakdown`
 * reads it (`floor(credit × needed)`), of the `needed − held` missing. 0 when that is no more than
 * the learner holds, or when they already hold the neighbour at the top level. By `share` (the
 * related fill), the credit counts before it is read as a whole level (`credit × needed`).
 */
export function neighbourReach(skill: GapSkill, via: GapNeighbour, mode: 'level' | 'share' = 'level'): number {
  if (via.held >= 5) return 0;
  const earned = mode === 'share' ? via.credit * skill.needed : Math.floor(via.credit * skill.needed + 1e-9);
  return Math.max(0, earned - skill.held) / (skill.needed - skill.held);
}

/** A skill whose courses are worth ranking, with the gap weight its courses could close. */
export interface CoursePartition {
  readonly skillId: string;
  /** Σ over gap skills of weight × the most a course in this skill could close of it (1 for the skill itself). */
  readonly value: number;
}

/**
 * Which skills' courses are candidates for a gap, most valuable first: every gap skill and every
 * neighbour, valued by the gap weight a course teaching it could close at most (a skill serving
 * several gap skills adds them up, as one course would). Skills of no value are left out. By
 * `share`, a neighbour counts for the credit it earns below a whole level (see `neighbourReach`).
 */
export function coursePartitions(gap: readonly GapSkill[], mode: 'level' | 'share' = 'level'): CoursePartition[] {
  const value = new Map<string, number>();
  const add = (skillId: string, v: number) => {
    if (v > 1e-9) value.set(skillId, (value.get(skillId) ?? 0) + v);
  };
  for (const skill of gap) {
    add(skill.skillId, skill.weight);
    for (const n of skill.neighbours ?? []) add(n.skillId, skill.weight * neighbourReach(skill, n, mode));
  }
  return [...value]
    .map(([skillId, v]) => ({ skillId, value: v }))
    .sort((a, b) => b.value - a.value || (a.skillId < b.skillId ? -1 : 1));
}

/**
 * Skills next to what the learner holds: the one-hop neighbours in the taxonomy (narrower,
 * broader, related) of each skill held that they do not hold themselves, as preferred needs at
 * working knowledge. A weak extra target that only fills a short list, like the next level of the
 * skills held: the learner's own skills earn part of each through the scorer, as for any target.
 */
export function adjacentNeeds(haves: readonly Have[], taxonomy: Pick<MatchTaxonomy, 'parentsOf' | 'childrenOf' | 'relatedOf'>): Need[] {
  const held = new Set(haves.map((h) => h.skillId));
  const out = new Map<string, Need>();
  for (const h of haves) {
    for (const s of [...taxonomy.childrenOf(h.skillId), ...taxonomy.parentsOf(h.skillId), ...taxonomy.relatedOf(h.skillId)]) {
      if (!held.has(s.id) && !out.has(s.id)) out.set(s.id, { skillId: s.id, level: DEFAULT_NEEDED_LEVEL, role: 'preferred' });
    }
  }
  return [...out.values()];
}
