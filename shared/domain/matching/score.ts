import type { Level } from '../../taxonomy/levels.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { regionChain, regionDistance, regionName } from '../../regions/regions.js';
import type { IndexedSkill } from '../records.js';
import { gramsOfEntry, isLexical, LEXICAL_CREDIT, lexicalCredit } from './lexical.js';
import type { Have, MatchBreakdown, Need, RegionFit, SkillEvidence } from './types.js';
import { wordsOfGrams } from '../text/grams.js';

/**
 * Two-way matching score: how well what a learner holds meets what a demand needs, from evidence
 * only. The same function ranks learners for a demand and demands for a learner, so both sides
 * see the same number for the same pair.
 *
 * ```
 * credit(need)  = max( levelCredit(need.level, held level)                         if the skill is held
 *                    , RELATION_CREDIT[r] × levelCredit(need.level, level of s)    for each held s that is
 *                                                                                   a child / parent / related
 *                    , 0 )                                                           skill of the need (one hop)
 * levelCredit(n, h) = 1                          when n is unknown or h ≥ n
 *                   = 1 − 0.2 × (n − h)          otherwise (1 level short 0.8 … 4 short 0.2)
 *                     h unknown counts as level 2 (四级/中级工, working knowledge): holding a skill
 *                     says something, but not that it is held at a high level
 * requiredCover = weighted mean credit over required needs, preferredCover likewise over preferred
 *                 needs; a need of a category every trade draws on (计算机基础, 普通话, 安全生产)
 *                 weighs GENERIC_NEED_WEIGHT (0.25) when the demand also needs a trade's skills, 1 else
 * skill         = 0.85 × requiredCover + 0.15 × preferredCover (both kinds present)
 *               = the one cover present                          (only one kind present)
 *               = Σ needWeights × credit
 * score         = skill × REGION_CREDIT[regionDistance]          (1 / 0.97 / 0.6 / 0.3)
 * ```
 *
 * A learner without any mapped skill has skill 0 and so score 0: region only scales a skill score,
 * it never adds to one. See docs/matching.md for the reasoning behind each factor.
 */

/** Share of the skill score that required needs carry; preferred needs carry the rest. */
export const REQUIRED_WEIGHT = 0.85;

/** Taxonomy categories every trade draws on (office work and languages; safety and quality): never a trade of their own. */
export const GENERIC_CATEGORIES: ReadonlySet<string> = new Set(['office-general', 'safety-quality']);

/**
 * Weight, against 1 for a trade's skill, of a need in a `GENERIC_CATEGORIES` category when its
 * demand also needs skills of a trade: "电脑基本操作" beside "图片标注" says little about who can
 * do the job, and graders of every evaluation set rank the annotator above the typist.
 */
export const GENERIC_NEED_WEIGHT = 0.25;

/** Credit lost per level the learner is short of what is needed, on the 1–5 scale. */
export const LEVEL_STEP = 0.2;

/** The level assumed for a skill held without a stated level (四级/中级工, working knowledge). */
export const ASSUMED_HELD_LEVEL: Level = 2;

/**
 * Share of a need met by another skill the learner holds, by how the held skill relates to the
 * needed one: a narrower skill mostly covers its parent ("Python data analysis" for "data
 * analysis"); a broader one says less about the specific skill; related skills transfer least.
 */
export const RELATION_CREDIT = { child: 0.75, parent: 0.5, related: 0.3 } as const;

/** Factor on the credit of a skill linked by likeness (on either side) rather than named. */
export const FUZZY_FACTOR = 0.8;

/**
 * Region multiplier by `regionDistance`: 0 same district, 1 same city, 2 same province,
 * 3 elsewhere (also `national`, which is no place in particular). People do move for work, so
 * distance lowers a score rather than excluding the match.
 */
export const REGION_CREDIT: Readonly<Record<RegionFit['distance'], number>> = { 0: 1, 1: 0.97, 2: 0.6, 3: 0.3 };

/** What a match is scored in, besides the two skill lists. */
export interface MatchContext {
  /** Where the work (or the course) takes place: GB/T 2260 code or `national`. */
  readonly demandRegion: string;
  readonly learnerRegion: string;
  readonly learnerPrefersOnline?: boolean | undefined;
  /** The other side can be done from anywhere (an online course): region fit is full. */
  readonly online?: boolean | undefined;
}

/** The part of the taxonomy the score reads. */
export type MatchTaxonomy = Pick<Taxonomy, 'getSkill' | 'parentsOf' | 'childrenOf' | 'relatedOf'>;

type Label = SkillEvidence['label'];
type Relation = keyof typeof RELATION_CREDIT;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** What the score needs to know about one skill: its label, its one-hop neighbours, and whether it is generic. */
interface SkillFacts {
  readonly label: Label;
  readonly neighbours: ReadonlyArray<{ readonly id: string; readonly relation: Relation }>;
  /** Its category is one every trade draws on (`GENERIC_CATEGORIES`). */
  readonly generic?: true;
}

// The taxonomy is read-only and shared by every request, so each skill's facts are worked out
// once per taxonomy object rather than once per candidate (a match call scores hundreds).
const factsCache = new WeakMap<MatchTaxonomy, Map<string, SkillFacts>>();

function factsOf(taxonomy: MatchTaxonomy, skillId: string): SkillFacts {
  let cache = factsCache.get(taxonomy);
  if (!cache) factsCache.set(taxonomy, (cache = new Map()));
  let facts = cache.get(skillId);
  if (!facts && isLexical(skillId)) {
    const words = wordsOfGrams(gramsOfEntry(skillId)).join(' ');
    facts = { label: { zh: words, en: words }, neighbours: [] };
    if (cache.size < FACTS_CACHE_MAX) cache.set(skillId, facts);
  }
  if (!facts) {
    const skill = taxonomy.getSkill(skillId);
    // The relation names what the held skill is to the needed one: a `child` is narrower.
    facts = {
      label: skill ? { zh: skill.zh, en: skill.en } : { zh: skillId, en: skillId },
      ...(skill?.category !== undefined && GENERIC_CATEGORIES.has(skill.category) ? { generic: true as const } : {}),
      neighbours: [
        ...taxonomy.childrenOf(skillId).map((s) => ({ id: s.id, relation: 'child' as const })),
        ...taxonomy.parentsOf(skillId).map((s) => ({ id: s.id, relation: 'parent' as const })),
        ...taxonomy.relatedOf(skillId).map((s) => ({ id: s.id, relation: 'related' as const })),
      ],
    };
    cache.set(skillId, facts);
  }
  return facts;
}

/** A skill's one-hop neighbours in the taxonomy, named by what each is to it (a `child` is narrower): the scorer's own, cached. */
export const neighboursOf = (taxonomy: MatchTaxonomy, skillId: string): SkillFacts['neighbours'] => factsOf(taxonomy, skillId).neighbours;

// Lexical needs are as many as the phrases people write: keep the cache bounded.
const FACTS_CACHE_MAX = 50_000;

/** Credit for holding a skill at `held` (null: not stated) when `needed` (null: any level) is asked. */
export function levelCredit(needed: Level | null, held: Level | null): number {
  if (needed === null) return 1;
  const gap = needed - (held ?? ASSUMED_HELD_LEVEL);
  return gap <= 0 ? 1 : Math.max(0, 1 - LEVEL_STEP * gap);
}

/** The best source of credit for one need: the skill itself, or a neighbour the learner holds. */
interface Source {
  readonly credit: number;
  readonly level: Level | null;
  readonly via?: { readonly id: string; readonly relation: Relation };
  readonly lexical?: readonly string[];
  readonly fuzzy?: boolean;
  /** The credential attesting the skill held, when the credit is the skill's own. */
  readonly attestedBy?: string;
}

const NONE: Source = { credit: 0, level: null };

/** Where a need's credit comes from: directly, through a neighbour in the taxonomy, or nowhere. */
function bestSource(need: Need, held: Held, facts: SkillFacts): Source {
  if (isLexical(need.skillId)) {
    const { credit, matched } = lexicalCredit(need.skillId, held.grams);
    return credit > 0 ? { credit, level: null, lexical: matched } : NONE;
  }
  const needFactor = need.fuzzy ? FUZZY_FACTOR : 1;
  let best = NONE;
  const own = held.skills.get(need.skillId);
  if (own !== undefined) {
    const factor = needFactor * (own.fuzzy ? FUZZY_FACTOR : 1);
    best = { credit: factor * levelCredit(need.level, own.level), level: own.level, ...(factor < 1 ? { fuzzy: true } : {}), ...(own.attestedBy ? { attestedBy: own.attestedBy } : {}) };
    if (best.credit >= 1) return best;
  }
  for (const { id, relation } of facts.neighbours) {
    const other = held.skills.get(id);
    if (other === undefined) continue;
    const factor = needFactor * (other.fuzzy ? FUZZY_FACTOR : 1);
    const credit = factor * RELATION_CREDIT[relation] * levelCredit(need.level, other.level);
    if (credit > best.credit) best = { credit, level: other.level, via: { id, relation }, ...(factor < 1 ? { fuzzy: true } : {}) };
  }
  // The words of the phrase that named the need, when they say more than the skills held.
  if (need.grams !== undefined && best.credit < LEXICAL_CREDIT) {
    const { credit, matched } = lexicalCredit(need.skillId, held.grams, need.grams);
    if (credit > best.credit) best = { credit, level: null, lexical: matched };
  }
  return best;
}

/** What a learner holds: skills by id (highest stated level wins; named beats linked), and grams. */
interface HeldSkill {
  readonly level: Level | null;
  readonly fuzzy: boolean;
  /** Only while every source of the skill is a credential attesting it. */
  readonly attestedBy?: string;
}

interface Held {
  readonly skills: Map<string, HeldSkill>;
  readonly grams: Set<string>;
}

function heldMap(haves: readonly Have[]): Held {
  const skills = new Map<string, HeldSkill>();
  const grams = new Set<string>();
  for (const h of haves) {
    if (isLexical(h.skillId)) {
      grams.add(h.skillId);
      continue;
    }
    const seen = skills.get(h.skillId);
    const fuzzy = h.fuzzy === true;
    if (!seen) skills.set(h.skillId, { level: h.level, fuzzy, ...(h.attestedBy ? { attestedBy: h.attestedBy } : {}) });
    else {
      const attestedBy = seen.attestedBy !== undefined && h.attestedBy !== undefined ? seen.attestedBy : undefined;
      skills.set(h.skillId, { level: (h.level ?? 0) > (seen.level ?? 0) ? h.level : seen.level, fuzzy: seen.fuzzy && fuzzy, ...(attestedBy ? { attestedBy } : {}) });
    }
  }
  return { skills, grams };
}

/** The trade a skill belongs to: its taxonomy category, unless that is one every trade draws on (or it has none). */
export const tradeCategory = (taxonomy: Pick<MatchTaxonomy, 'getSkill'>, skillId: string): string | undefined => {
  const category = taxonomy.getSkill(skillId)?.category;
  return category === undefined || GENERIC_CATEGORIES.has(category) ? undefined : category;
};

/** Whether a skill belongs to a trade of its own (not to a category every trade draws on). */
export const isTradeSkill = (taxonomy: Pick<MatchTaxonomy, 'getSkill'>, skillId: string): boolean => tradeCategory(taxonomy, skillId) !== undefined;

/** Whether a skill is of a `GENERIC_CATEGORIES` category (words never are). */
export const genericSkill =
  (taxonomy: MatchTaxonomy) =>
  (skillId: string): boolean =>
    !isLexical(skillId) && factsOf(taxonomy, skillId).generic === true;

/**
 * The weight of each need in its demand's skill score (they sum to 1): required needs share
 * `REQUIRED_WEIGHT` and preferred ones the rest (one role alone takes all), each need in proportion
 * to its own weight, `GENERIC_NEED_WEIGHT` for a generic skill beside a trade's skills and 1 else.
 */
export function needWeights(needs: readonly Need[], taxonomy: MatchTaxonomy): number[] {
  const generic = genericSkill(taxonomy);
  const own = needs.map((n) => (generic(n.skillId) ? GENERIC_NEED_WEIGHT : 1));
  // A demand needing no trade's taxonomy skill (a data-entry clerk; a guard whose other need is
  // words: 门岗值守 巡逻 beside 会看监控) weighs its needs alike: words name no trade.
  const beside = own.some((w, i) => w === 1 && !isLexical(needs[i]!.skillId)) ? own : needs.map(() => 1);
  let required = 0;
  let preferred = 0;
  needs.forEach((n, i) => (n.role === 'required' ? (required += beside[i]!) : (preferred += beside[i]!)));
  const both = required > 0 && preferred > 0;
  return needs.map((n, i) => (n.role === 'required' ? ((both ? REQUIRED_WEIGHT : 1) * beside[i]!) / required : ((both ? 1 - REQUIRED_WEIGHT : 1) * beside[i]!) / preferred));
}

/** The lowest region both codes lie in (`110119`, `110108` → `110100`), or undefined when none but national. */
function commonRegion(a: string, b: string): string | undefined {
  const chainB = new Set(regionChain(b));
  return regionChain(a).find((code) => code !== 'national' && chainB.has(code));
}

/**
 * How near the learner is to where the work happens, with a reason in both languages. Region
 * names are the official Chinese names in both languages (there is no English gazetteer).
 */
export function regionFit(ctx: MatchContext): RegionFit {
  const key = `${ctx.demandRegion}|${ctx.learnerRegion}|${ctx.online ? 1 : 0}|${ctx.learnerPrefersOnline ? 1 : 0}`;
  let fit = fitCache.get(key);
  if (!fit) {
    // Region pairs repeat across a call's candidates; the bound keeps a long-lived process small.
    if (fitCache.size >= FIT_CACHE_MAX) fitCache.clear();
    fitCache.set(key, (fit = computeRegionFit(ctx)));
  }
  return fit;
}

const FIT_CACHE_MAX = 20_000;
const fitCache = new Map<string, RegionFit>();

function computeRegionFit(ctx: MatchContext): RegionFit {
  const where = regionName(ctx.demandRegion) ?? ctx.demandRegion;
  const home = regionName(ctx.learnerRegion) ?? ctx.learnerRegion;
  const distance = regionDistance(ctx.demandRegion, ctx.learnerRegion);
  if (ctx.online) {
    const zh = ctx.learnerPrefersOnline ? '线上进行，不受地点限制，符合线上偏好' : '线上进行，不受地点限制';
    const en = ctx.learnerPrefersOnline ? 'Online, so the place does not matter, as preferred' : 'Online, so the place does not matter';
    return { distance, credit: 1, reason: { zh, en } };
  }
  const credit = REGION_CREDIT[distance];
  if (ctx.demandRegion === 'national' || ctx.learnerRegion === 'national') {
    return { distance, credit, reason: { zh: `地区为全国范围（${where}与${home}）`, en: `Nationwide rather than one place (${where} and ${home})` } };
  }
  const common = commonRegion(ctx.demandRegion, ctx.learnerRegion);
  const shared = common === undefined ? undefined : (regionName(common) ?? common);
  switch (distance) {
    case 0:
      return { distance, credit, reason: { zh: `同在${where}`, en: `Both in ${where}` } };
    case 1:
      return { distance, credit, reason: { zh: `同在${shared ?? where}（${where}与${home}）`, en: `Same city, ${shared ?? where} (${where} and ${home})` } };
    case 2:
      return { distance, credit, reason: { zh: `同在${shared ?? where}，不同城市（${where}与${home}）`, en: `Same province, ${shared ?? where}, different cities (${where} and ${home})` } };
    default:
      return { distance, credit, reason: { zh: `不在同一省份（${where}与${home}）`, en: `Different provinces (${where} and ${home})` } };
  }
}

/** What ranking needs of a match: exactly `scoreMatch`'s figures, without the evidence. */
export interface MatchRank {
  readonly score: number;
  readonly requiredMet: number;
  /** Needs, required or preferred, fully met (so `needs.length - needsMet` are partly met or missing). */
  readonly needsMet: number;
  readonly distance: RegionFit['distance'];
}

/**
 * The score of `scoreMatch` and its tie-breakers, computed without building evidence: ranking
 * hundreds of candidates then explaining only the few returned costs a fraction of the time.
 */
export function rankMatch(needs: readonly Need[], haves: readonly Have[], ctx: MatchContext, taxonomy: MatchTaxonomy): MatchRank {
  const held = heldMap(haves);
  const weights = needWeights(needs, taxonomy);
  let skill = 0;
  let requiredMet = 0;
  let needsMet = 0;
  needs.forEach((need, i) => {
    const { credit } = bestSource(need, held, factsOf(taxonomy, need.skillId));
    skill += weights[i]! * credit;
    if (round3(credit) >= 1) {
      needsMet += 1;
      if (need.role === 'required') requiredMet += 1;
    }
  });
  const region = regionFit(ctx);
  return { score: skill > 0 ? round3(skill * region.credit) : 0, requiredMet, needsMet, distance: region.distance };
}

/**
 * Scores how well `haves` meet `needs` in `ctx` (see the module comment for the formula).
 *
 * @returns the score in [0, 1] (three decimals) and the evidence behind it: needs fully met,
 *   partly met (a lower level, or a related/parent/child skill) and missing, required first
 */
export function scoreMatch(needs: readonly Need[], haves: readonly Have[], ctx: MatchContext, taxonomy: MatchTaxonomy): MatchBreakdown {
  const held = heldMap(haves);
  const evidence: SkillEvidence[] = needs.map((need) => {
    const facts = factsOf(taxonomy, need.skillId);
    const source = bestSource(need, held, facts);
    return {
      skillId: need.skillId,
      label: facts.label,
      role: need.role,
      needed: need.level,
      held: source.level,
      credit: source.credit,
      ...(source.lexical ? { lexical: { matched: source.lexical } } : {}),
      ...(source.fuzzy ? { fuzzy: true } : {}),
      ...(need.fromTitle ? { fromTitle: true as const } : {}),
      ...(source.attestedBy ? { attestedBy: { skillId: source.attestedBy, label: factsOf(taxonomy, source.attestedBy).label } } : {}),
      ...(source.via ? { via: { skillId: source.via.id, relation: source.via.relation, label: factsOf(taxonomy, source.via.id).label } } : {}),
    };
  });
  const weights = needWeights(needs, taxonomy);
  const skillScore = evidence.reduce((total, e, i) => total + weights[i]! * e.credit, 0);
  const required = evidence.filter((e) => e.role === 'required');
  const region = regionFit(ctx);
  const byRole = (a: SkillEvidence, b: SkillEvidence) => (a.role === b.role ? 0 : a.role === 'required' ? -1 : 1);
  const rounded = evidence.map((e) => ({ ...e, credit: round3(e.credit) })).sort(byRole);
  return {
    score: skillScore > 0 ? round3(skillScore * region.credit) : 0,
    skillScore: round3(skillScore),
    matched: rounded.filter((e) => e.credit >= 1),
    partial: rounded.filter((e) => e.credit > 0 && e.credit < 1),
    missing: rounded.filter((e) => e.credit === 0),
    region,
    requiredMet: rounded.filter((e) => e.role === 'required' && e.credit >= 1).length,
    requiredTotal: required.length,
  };
}

/**
 * A demand's needs from its indexed skills: a skill without its own level takes the demand's
 * `minLevel`, when one is given.
 */
export function needsOf(skills: readonly IndexedSkill[], minLevel?: Level | null): Need[] {
  return skills.flatMap((s) =>
    s.role === 'required' || s.role === 'preferred'
      ? [
          {
            skillId: s.skillId,
            level: isLexical(s.skillId) ? null : (s.level ?? minLevel ?? null),
            role: s.role,
            ...(s.fuzzy ? { fuzzy: true } : {}),
            ...(s.grams?.length ? { grams: s.grams } : {}),
            ...(s.fromTitle ? { fromTitle: true as const } : {}),
          },
        ]
      : [],
  );
}

/** A learner's (or a course's) skills as haves. */
export function havesOf(skills: readonly IndexedSkill[]): Have[] {
  return skills.flatMap((s) =>
    s.role === 'held' || s.role === 'taught' ? [{ skillId: s.skillId, level: s.level, ...(s.fuzzy ? { fuzzy: true } : {}), ...(s.attestedBy ? { attestedBy: s.attestedBy } : {}) }] : [],
  );
}
