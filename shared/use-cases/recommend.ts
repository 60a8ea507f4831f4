import type { Caller } from '../domain/caller.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { ASSUMED_HELD_LEVEL, genericSkill, havesOf, isTradeSkill, needsOf, scoreMatch, type MatchContext, type MatchTaxonomy } from '../domain/matching/score.js';
import { matchingSkills } from '../domain/matching/evidence.js';
import { isLexical } from '../domain/matching/lexical.js';
import type { Have, MatchBreakdown, Need } from '../domain/matching/types.js';
import { round } from '../domain/numbers.js';
import { isActive, kindOfId, type Course, type Demand, type Learner } from '../domain/records.js';
import {
  describeTradeFit,
  describeUnmet,
  explainCourse,
  pathwaySummary,
  scopePrefix,
  stillToCover,
  tradePrefix,
  targetSummary,
  targetWord,
  wordsLabel,
  wordsPrefix,
  type CourseExplanation,
  type Lang,
  type TargetKind,
  type SkillTargetKind,
  type TargetNaming,
} from '../domain/recommend/explain.js';
import { adjacentNeeds, assessBreakdown, computeGap, coursePartitions, requiredMet, withNeighbours, type GapSkill, type TargetAssessment } from '../domain/recommend/gap.js';
import { ownTargets } from '../domain/recommend/aims.js';
import { mentionedSkills, wishedSkills, wishNeeds } from '../domain/recommend/intent.js';
import { planPathway, type PathwayPlan } from '../domain/recommend/pathway.js';
import { courseSkills, type CourseSkills } from '../domain/recommend/taught.js';
import { fusedPlaces, learnerFit, type CourseFit } from '../domain/recommend/fusion.js';
import { tradeOf, tradeShare, type TradeFit } from '../domain/recommend/trade.js';
import { courseText, learnerWords, wordScores } from '../domain/recommend/wording.js';
import { rankCourses, suitability, type ClosureMode, type CourseAssessment, type CourseCandidate } from '../domain/recommend/ranking.js';
import { courseFacts, learnerFacts } from '../domain/subsidy/facts.js';
import { courseOccupation, evaluateSubsidies, type Bilingual, type SubsidyOutcome, type SubsidyRuleSet } from '../domain/subsidy/rules.js';
import { loadSubsidyRules } from '../schemas/subsidy-rules.js';
import type { CandidateIndex } from '../ports/candidate-index.js';
import type { Clock } from '../ports/clock.js';
import type { CourseCatalogue } from '../ports/course-catalogue.js';
import type { RecordStore } from '../ports/record-store.js';
import type { ShortageReader } from '../ports/shortage.js';
import { provinceOf, regionChain, regionDistance } from '../regions/regions.js';
import { extractSkills, type Extraction } from '../taxonomy/extract.js';
import type { Level } from '../taxonomy/levels.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { findDemandsFor, learnerPartitions } from './match.js';
import { makeGetRecord } from './records.js';

/**
 * Course recommendations for a learner: the gap toward a target (a demand, an occupation, or the
 * best open demands near the learner), candidate courses teaching the gap skills, ranked, with a
 * short pathway and subsidies; a short list is filled with broader courses (toward secondary
 * targets) and then related ones (raising a skill by less than a level). Method in
 * docs/recommendations.md.
 *
 * Reads per call are bounded: the learner, the course catalogue's version (the copy in memory is
 * reloaded only when it moved; see DynamoCourseCatalogue) and a given demand, side by side (the
 * adapter sends them as one BatchGetItem); toward nearby demands, then DEMAND_PARTITIONS index
 * Queries in the province (as many again nationwide only when it has none); then one shortage read
 * for every skill any target needs. Every course teaching a gap skill or a neighbour of one is a
 * candidate: the catalogue is small enough to rank in memory, so no course is cut off by a read
 * budget.
 */

export interface RecommendDeps {
  readonly store: RecordStore;
  readonly candidates: CandidateIndex;
  readonly shortage: ShortageReader;
  readonly catalogue: CourseCatalogue;
  readonly clock: Clock;
  /** The whole taxonomy: the scorer's relations, occupations, and extraction of what a learner wants to learn. */
  readonly taxonomy: Taxonomy;
  /** The rules, or where to get those in service at each call. @default the bundled shared/rules/subsidies.json */
  readonly subsidyRules?: SubsidyRuleSet | (() => SubsidyRuleSet);
  /** Skill partitions of the demand index read to find nearby demands (one Query each). @default DEMAND_PARTITIONS */
  readonly demandPartitions?: number;
}

export interface RecommendOptions {
  /** Ranked courses returned, 1–50. */
  readonly limit: number;
  readonly lang: Lang;
  /** Aim at this open demand. */
  readonly demandId?: string | undefined;
  /** Aim at this taxonomy occupation (ignored when `demandId` is given). */
  readonly occupationId?: string | undefined;
}

/** Open demands aimed at when no target is given. */
export const TARGET_DEMANDS = 3;
/** A course found only by words needs this share of the best word score, and is ranked at this factor of it. */
const WORDS_MIN_SCORE = 0.2;
/** A nearby demand is aimed at only when the learner already meets this much of it. */
const MIN_TARGET_SCORE = 0.15;
/**
 * A nearby demand is aimed at by its score times its fit with the learner's trade (trade.ts: the
 * share of its required skills in their trade, above this floor): a drone pilot who once sorted
 * parcels aims at drone jobs, not at the warehouse job their one parcel skill half meets.
 */
const OFF_TRADE_TARGET_FLOOR = 0.3;
/** Further demands are aimed at only when they come this close to the best one (the rest are secondary). */
const TARGET_AIM_SHARE = 0.6;
/** Share of its skills in the learner's trade a course needs to fill a short list on that alone (`byTrade`). */
const TRADE_FILL_SHARE = 0.5;
/** The pseudo-skill a course found by words closes: the shared words, named as written. */
const WORDS_SKILL = '~words';
/** Skill partitions of the demand index read to find nearby demands (per region scope). */
export const DEMAND_PARTITIONS = 4;
/** Scores of broader courses are discounted so that courses toward the target come first unless they fit badly. */
export const BROADER_SCORE_FACTOR = 0.5;
/** Scores of related courses (they raise a skill of the broader gap by less than a level) are discounted once more. */
export const RELATED_SCORE_FACTOR = 0.25;
/** Courses in a pathway at most. */
export const PATHWAY_MAX_COURSES = 4;

export interface RecommendedCourse {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly provider: string;
  readonly level: Level;
  readonly hours: number;
  readonly mode: Course['mode'];
  readonly region: string;
  readonly certificate?: string;
  /** 0–1. */
  readonly score: number;
  /**
   * `target`: closes part of the target's gap; `broader`: fills a short list toward other open jobs
   * nearby, the next level of the learner's own skills or skills next to them; `related`: fills it
   * further with courses that raise one of those skills by less than a whole level.
   */
  readonly scope: 'target' | 'broader' | 'related';
  readonly explanation: CourseExplanation;
}

export interface TargetDemandView {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly employer: string;
  readonly region: string;
  /** The matching score of the learner for this demand today. */
  readonly matchScore: number;
}

export interface TargetView {
  /** `demand`: the one asked for; `nearby-demands`: the best open demands found near the learner; `upskilling`: none found, so the next level of the learner's own skills. */
  readonly kind: TargetKind;
  readonly summary: string;
  readonly demands: readonly TargetDemandView[];
  readonly occupation?: { readonly id: string; readonly code: string | null; readonly label: string };
  /** Skills the learner's summary says they want to learn (想学…), aimed at besides, as preferred skills. */
  readonly wants?: ReadonlyArray<{ readonly skillId: string; readonly label: string }>;
}

export interface GapView {
  readonly skillId: string;
  readonly label: string;
  readonly role: GapSkill['role'];
  readonly needed: number;
  readonly held: number;
  readonly shortageIndex: number;
  readonly weight: number;
}

export interface PathwayCourseView {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly level: Level;
  readonly hours: number;
  readonly mode: Course['mode'];
  readonly certificate?: string;
  readonly netCostYuan: number | null;
  /** Levels in gap skills; `via` when the course raises the skill in part, by teaching a neighbour of it. */
  readonly raises: ReadonlyArray<{
    readonly skillId: string;
    readonly label: string;
    readonly from: number;
    readonly to: number;
    readonly via?: { readonly skillId: string; readonly label: string; readonly relation: 'child' | 'parent' | 'related' };
  }>;
  /** Ids of earlier courses of the pathway this one builds on. */
  readonly after: readonly string[];
}

export type OpenedTarget =
  | { readonly kind: 'demand'; readonly id: string; readonly ref: string; readonly title: string; readonly employer: string; readonly alreadyQualified: boolean }
  | { readonly kind: 'occupation'; readonly id: string; readonly label: string; readonly alreadyQualified: boolean };

export interface PathwayView {
  readonly courses: readonly PathwayCourseView[];
  readonly totalHours: number;
  /** Sum of the priced courses' net costs. */
  readonly totalNetCostYuan: number;
  /** Courses without a price (not in the total). */
  readonly unpricedCourses: number;
  /** The certificate the pathway ends in: that of its last course with one. */
  readonly certificate: string | null;
  /** Targets whose required skills are all met after the pathway. */
  readonly opens: readonly OpenedTarget[];
  /** 0–1 share of the gap's weight the pathway closes. */
  readonly coverage: number;
  readonly summary: string;
}

export interface Recommendations {
  readonly learner: { readonly id: string; readonly ref: string };
  readonly target: TargetView;
  readonly gap: readonly GapView[];
  readonly items: readonly RecommendedCourse[];
  readonly pathway: PathwayView;
  readonly subsidyRules: { readonly version: string; readonly notice: string };
}

/** A target: what the gap is weighed toward (or a short list filled toward), as matching scores it. */
interface Target {
  /** `demand:<id>`, `occupation:<id>`, `upskilling`, `adjacent`, `mentioned` or `intent`. */
  readonly key: string;
  readonly breakdown: MatchBreakdown;
  readonly demand?: TargetDemandView;
}

/** A course ready to rank: what it raises, its subsidies for the learner, and the record itself. */
interface CourseInRanking extends CourseCandidate {
  readonly record: Course;
  readonly subsidy: SubsidyOutcome;
}

/** A course on the short list, with the tier it was listed in and its score there. */
interface Listed {
  readonly assessment: CourseAssessment<CourseInRanking>;
  readonly scope: RecommendedCourse['scope'];
  readonly score: number;
  /** How much of the course is the learner's trade and new to them (set once the list is ranked). */
  readonly trade?: TradeFit;
  /** What the course asks for on entry that the learner lacks (set once the list is ranked). */
  readonly unmet?: readonly string[];
  /** Listed only to fill a short list with the learner's own trade (`byTrade`). */
  readonly byTrade?: true;
}

/** The learner as the pipeline reads them: the record, and the taxonomy skills they hold as matching counts them. */
interface LearnerInput {
  readonly learner: Learner;
  /** Held skills, certificate skills included, without lexical entries (words alone are not a gap). */
  readonly haves: readonly Have[];
  /** The learner's summary, read once: for the skills it shows, their wishes and what else it mentions. */
  readonly summary: Extraction;
}

/** The labour market whose shortage weighs the gap: the learner's city (a district lies in one). */
function labourMarket(region: string): string {
  const chain = regionChain(region);
  return chain.length >= 4 ? chain[1]! : (chain[0] ?? region);
}


/**
 * Ranked courses and a pathway for a learner. The learner themself and the bureau of their region
 * may ask (anyone else: 404, as for reading the profile).
 *
 * The answer is a pipeline of named steps: {@link chooseTargets} → {@link weighGap} →
 * {@link gatherCourses} → {@link rankAndFill} → {@link viewRecommendations}.
 *
 * @throws NotFoundError for a learner the caller may not see, or a `demandId` that is not an open demand
 * @throws ValidationError for an unknown `occupationId`
 */
export function makeRecommendCourses(deps: RecommendDeps) {
  const rulesNow = (): SubsidyRuleSet => (typeof deps.subsidyRules === 'function' ? deps.subsidyRules() : (deps.subsidyRules ?? loadSubsidyRules()));
  const { taxonomy } = deps;
  const getLearner = makeGetRecord('learner', deps);

  return async (caller: Caller, learnerId: string, options: RecommendOptions): Promise<Recommendations> => {
    const now = deps.clock.now();
    const rules = rulesNow();
    // Independent reads go out together; a given demand is used only once the learner may be seen.
    const [learner, catalogue, givenDemand] = await Promise.all([
      getLearner(caller, learnerId),
      deps.catalogue.courses(),
      options.demandId !== undefined && kindOfId(options.demandId) === 'demand' ? deps.store.get('demand', options.demandId) : undefined,
    ]);
    // What the learner holds as matching reads it (their certificates attest skills too), so that
    // the gap is what matching would find missing.
    const summary = extractSkills(learner.summary ?? '', taxonomy);
    const who: LearnerInput = { learner, summary, haves: havesOf(matchingSkills(learner, taxonomy, summary)).filter((h) => !isLexical(h.skillId)) };

    const choice = await chooseTargets({ ...who, givenDemand, options, now, taxonomy, candidates: deps.candidates, partitions: deps.demandPartitions ?? DEMAND_PARTITIONS });
    const weighed = await weighGap({ ...who, choice, shortage: deps.shortage, taxonomy });
    const pool = gatherCourses({ learner, catalogue, gap: weighed.gap, shortageIndex: weighed.shortageIndex, rules, now, taxonomy });
    const ranked = rankAndFill({ ...who, catalogue, weighed, pool, wished: choice.wished, limit: options.limit, taxonomy });
    return viewRecommendations({ learner, choice, weighed, pool, ranked, rules, now, lang: options.lang, limit: options.limit, taxonomy });
  };
}

// ---------------------------------------------------------------------------------------------
// 1. Choose targets: the target and what it needs; secondary targets only fill a short list.

interface ChooseTargetsInput extends LearnerInput {
  readonly givenDemand: Demand | undefined;
  readonly options: RecommendOptions;
  readonly now: Date;
  readonly taxonomy: Taxonomy;
  readonly candidates: CandidateIndex;
  /** Skill partitions of the demand index read to find nearby demands. */
  readonly partitions: number;
}

interface TargetChoice {
  readonly kind: TargetKind;
  /** What the gap is weighed toward, and the pathway planned for. */
  readonly targets: readonly Target[];
  /** What only fills a short list (never the pathway). */
  readonly secondary: readonly Target[];
  readonly occupation?: TargetView['occupation'];
  /** Whether the learner holds a skill below the top level (so "one level up" is a target somewhere). */
  readonly ownSkills: boolean;
  /** Skills the learner says they want (the profile's wants and wishes in the summary), not held. */
  readonly wished: readonly string[];
}

/**
 * The targets: the demand or occupation asked for, else the best open demands near the learner,
 * else (nothing missing nearby) one level above each skill held; what the learner says they want
 * to learn is one more, weak, target when none was asked for. Secondary targets (further demands,
 * the next level of skills held, skills next to them, skills their summary mentions) only fill a
 * short list.
 */
async function chooseTargets(input: ChooseTargetsInput): Promise<TargetChoice> {
  const { learner, haves, summary, taxonomy } = input;
  const here: MatchContext = { learnerRegion: learner.region, learnerPrefersOnline: learner.prefersOnline, demandRegion: learner.region };
  const primary = await primaryTargets(input);
  const upskilling = upskillingTarget(haves, here, taxonomy);
  // Nothing to aim at nearby (or nothing missing): aim one level above each skill held.
  const nothingNearby = primary.kind === 'nearby-demands' && primary.targets.every((t) => t.breakdown.missing.length === 0 && t.breakdown.partial.length === 0);
  const kind: TargetKind = nothingNearby ? 'upskilling' : primary.kind;
  const aimed = nothingNearby ? (upskilling ? [upskilling] : []) : primary.targets;
  const adjacent = adjacentTarget(haves, here, taxonomy);
  // Wishes written as such (the profile's `wants`, and 想学… among the skills) and in the summary:
  // its skills are preferred ones, one target among up to four in the gap's mean.
  const wished = wishedSkills(learner, new Set(haves.map((h) => h.skillId)), taxonomy, summary);
  // Skills the summary otherwise mentions (their history, in their words) only fill a short list.
  const mentioned = mentionedSkills(learner.summary ?? '', taxonomy, new Set([...haves.map((h) => h.skillId), ...wished.map((w) => w.skillId)]), summary);
  return {
    kind,
    // Their wishes and the credentials of their trade they lack: weak targets beside the jobs (aims.ts).
    targets: [...aimed, ...(kind === 'nearby-demands' || kind === 'upskilling' ? ownTargets(wished, haves, here, taxonomy) : [])],
    secondary: [
      ...primary.secondary,
      ...(!nothingNearby && upskilling ? [upskilling] : []),
      ...(adjacent ? [adjacent] : []),
      ...(mentioned.length > 0 ? [{ key: 'mentioned', breakdown: scoreMatch(wishNeeds(mentioned), haves, here, taxonomy) }] : []),
    ],
    ...(primary.occupation ? { occupation: primary.occupation } : {}),
    ownSkills: upskilling !== undefined,
    wished: wished.map((w) => w.skillId),
  };
}

/** The target asked for (a demand, an occupation), else the best open demands nearby (the rest of them secondary). */
async function primaryTargets(input: ChooseTargetsInput): Promise<Pick<TargetChoice, 'targets' | 'secondary' | 'occupation'> & { readonly kind: Exclude<TargetKind, 'upskilling'> }> {
  const { learner, haves, options, taxonomy } = input;
  const context = { learnerRegion: learner.region, learnerPrefersOnline: learner.prefersOnline };
  if (options.demandId !== undefined) {
    const demand = input.givenDemand;
    if (!demand || !isActive(demand, input.now)) throw new NotFoundError(`No open demand ${options.demandId}.`);
    // Its needs as matching counts them (its title too), words aside: words alone are not a gap.
    const needs = needsOf(matchingSkills(demand, taxonomy).filter((s) => !isLexical(s.skillId)), demand.minLevel);
    const breakdown = scoreMatch(needs, haves, { ...context, demandRegion: demand.region }, taxonomy);
    const view = { id: demand.id, ref: demand.ref, title: demand.title, employer: demand.employer, region: demand.region, matchScore: breakdown.score };
    return { kind: 'demand', targets: [{ key: `demand:${demand.id}`, breakdown, demand: view }], secondary: [] };
  }
  if (options.occupationId !== undefined) {
    const found = taxonomy.occupations.get(options.occupationId);
    if (!found) throw new ValidationError('Unknown occupation.', [{ path: '/occupation', message: `"${options.occupationId}" is not a taxonomy occupation id.` }]);
    const needs: Need[] = [
      ...found.essential.map((r) => ({ skillId: r.skill, level: r.level, role: 'required' as const })),
      ...found.optional.map((r) => ({ skillId: r.skill, level: r.level, role: 'preferred' as const })),
    ];
    const breakdown = scoreMatch(needs, haves, { ...context, demandRegion: learner.region }, taxonomy);
    return { kind: 'occupation', occupation: { id: found.id, code: found.code, label: found[options.lang] }, targets: [{ key: `occupation:${found.id}`, breakdown }], secondary: [] };
  }
  const nearby = await nearbyDemands(input);
  const bestAim = nearby[0]?.aim ?? 0;
  const aimed = nearby.slice(0, TARGET_DEMANDS).filter((t) => t.aim >= TARGET_AIM_SHARE * bestAim);
  return { kind: 'nearby-demands', targets: aimed, secondary: nearby.slice(aimed.length) };
}

/**
 * The best open demands for the learner that still leave a gap, best first (twice as many as are
 * aimed at: the rest are secondary targets), from the matching candidate path: the skill index
 * read in the learner's province, and nationwide only when the province has none. Demands are read
 * through the search matching uses for a learner (`findDemandsFor`), lexical needs aside.
 */
async function nearbyDemands(input: ChooseTargetsInput): Promise<Array<Target & { readonly aim: number }>> {
  const { learner, haves, taxonomy, now } = input;
  if (haves.length === 0) return [];
  // The strongest held skills first, then the skills one hop away: a bounded read, since targets
  // steer a recommendation rather than promise an exact list.
  const held = [...haves].sort((a, b) => (b.level ?? ASSUMED_HELD_LEVEL) - (a.level ?? ASSUMED_HELD_LEVEL));
  const { direct, tiers } = learnerPartitions(held, taxonomy);
  const trade = tradeOf(haves.map((h) => h.skillId), taxonomy);
  // The required skills say what the job is (all its skills when it names none required).
  const tradeFactor = (needs: readonly Need[]) => {
    const required = needs.filter((n) => n.role === 'required');
    const share = tradeShare((required.length > 0 ? required : needs).map((n) => n.skillId), trade);
    return OFF_TRADE_TARGET_FLOOR + (1 - OFF_TRADE_TARGET_FLOOR) * share;
  };
  const skillIds = [...direct, ...tiers.flatMap((t) => t.partitions)].slice(0, input.partitions);
  // Every candidate is ranked cheaply (no evidence built); only those aimed at are explained.
  // Words alone are not a gap: lexical needs do not count.
  const find = async (within: string | undefined) =>
    (await findDemandsFor(input.candidates, learner, haves, { skillIds, within }, { now, taxonomy, keepNeed: (n) => !isLexical(n.skillId) }))
      // Aim at demands the learner is on the way to (a fair share met) but does not yet fully meet.
      .filter(({ rank, needs }) => rank.score >= MIN_TARGET_SCORE && rank.needsMet < needs.length)
      .map((found) => ({ ...found, aim: found.rank.score * tradeFactor(found.needs) }))
      .sort(
        (a, b) =>
          b.aim - a.aim ||
          (b.candidate.headcount ?? 1) - (a.candidate.headcount ?? 1) ||
          regionDistance(a.candidate.region, learner.region) - regionDistance(b.candidate.region, learner.region) ||
          (a.candidate.id < b.candidate.id ? -1 : 1),
      )
      .slice(0, 2 * TARGET_DEMANDS);
  const province = provinceOf(learner.region);
  const inProvince = province === undefined ? [] : await find(province);
  const best = inProvince.length > 0 ? inProvince : await find(undefined);
  return best.map(({ candidate, needs, ctx, aim }) => {
    const breakdown = scoreMatch(needs, haves, ctx, taxonomy);
    return {
      aim,
      key: `demand:${candidate.id}`,
      breakdown,
      demand: { id: candidate.id, ref: candidate.ref, title: candidate.title ?? '', employer: candidate.employer ?? '', region: candidate.region, matchScore: breakdown.score },
    };
  });
}

/** One level above each skill the learner holds (an unstated level counts as working knowledge). */
function upskillingTarget(haves: readonly Have[], context: MatchContext, taxonomy: MatchTaxonomy): Target | undefined {
  const needs: Need[] = haves.flatMap((h) => {
    const level = h.level ?? ASSUMED_HELD_LEVEL;
    return level < 5 ? [{ skillId: h.skillId, level: (level + 1) as Level, role: 'preferred' as const }] : [];
  });
  return needs.length > 0 ? { key: 'upskilling', breakdown: scoreMatch(needs, haves, context, taxonomy) } : undefined;
}

/** Skills next to those the learner holds, at working knowledge (see `adjacentNeeds`). */
function adjacentTarget(haves: readonly Have[], context: MatchContext, taxonomy: MatchTaxonomy): Target | undefined {
  const needs = adjacentNeeds(haves, taxonomy);
  return needs.length > 0 ? { key: 'adjacent', breakdown: scoreMatch(needs, haves, context, taxonomy) } : undefined;
}

// ---------------------------------------------------------------------------------------------
// 2. Weigh the gap by the shortage in the learner's labour market.

interface WeighGapInput extends LearnerInput {
  readonly choice: TargetChoice;
  readonly shortage: ShortageReader;
  readonly taxonomy: Taxonomy;
}

interface WeighedGap {
  /** The targets' assessments, in the order of `choice.targets`. */
  readonly assessments: readonly TargetAssessment[];
  readonly secondaryAssessments: readonly TargetAssessment[];
  /** The shortage index of every skill any target needs (1 where none was found). */
  readonly shortageIndex: ReadonlyMap<string, number>;
  /** The targets' gap, weighted, with the neighbours whose courses could close it. */
  readonly gap: readonly GapSkill[];
  /** The broader gap toward secondary targets too; the target gap itself when there are none. */
  readonly broaderGap: () => readonly GapSkill[];
}

/**
 * The gap, weighted by the shortage in the learner's labour market: one read for every skill any
 * target needs, secondary ones included (they may fill a short list). Reading the market's whole
 * shortage partition beside the index read instead would save a round, but took longer than the
 * two rounds it replaced (a counter per skill seen in the city, on DynamoDB Local).
 */
async function weighGap({ learner, haves, choice, shortage, taxonomy }: WeighGapInput): Promise<WeighedGap> {
  const assessments = choice.targets.map((t) => assessBreakdown(t.key, t.breakdown));
  const secondaryAssessments = choice.secondary.map((t) => assessBreakdown(t.key, t.breakdown));
  const shortageIndex = new Map<string, number>();
  const needed = [...new Set([...assessments, ...secondaryAssessments].flatMap((a) => a.needs.map((n) => n.skillId)))];
  if (needed.length > 0) {
    const found = await shortage.forRegion(labourMarket(learner.region), needed);
    for (const id of needed) shortageIndex.set(id, found.get(id)?.index ?? 1);
  }
  const shortageOf = (skillId: string) => shortageIndex.get(skillId) ?? 1;
  const generic = genericSkill(taxonomy);
  const gap = withNeighbours(computeGap(assessments, shortageOf, generic), taxonomy, haves);
  return {
    assessments,
    secondaryAssessments,
    shortageIndex,
    gap,
    broaderGap: () => (secondaryAssessments.length > 0 ? withNeighbours(computeGap([...assessments, ...secondaryAssessments], shortageOf, generic), taxonomy, haves) : gap),
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Gather courses: every course teaching a gap skill or a one-hop neighbour of one.

interface GatherCoursesInput {
  readonly learner: Learner;
  readonly catalogue: readonly Course[];
  readonly gap: readonly GapSkill[];
  readonly shortageIndex: ReadonlyMap<string, number>;
  readonly rules: SubsidyRuleSet;
  readonly now: Date;
  readonly taxonomy: Taxonomy;
}

/** The courses gathered so far, and the way to gather more as the list is filled further. */
interface CoursePool {
  /** Every course gathered, by id, ready to rank. */
  readonly courses: ReadonlyMap<string, CourseInRanking>;
  /** Adds every course teaching a skill of `gap` or a neighbour whose courses could close some of it (see `coursePartitions`). */
  readonly gather: (gap: readonly GapSkill[], mode?: ClosureMode) => void;
  /** A course made ready to rank: what it raises and its subsidies for the learner. */
  readonly ready: (course: TaughtCourse) => CourseInRanking;
  /** A course's subsidies for the learner, given what they have received (a pathway's earlier courses count). */
  readonly subsidiesFor: (course: Course, skillIds: readonly string[], history?: ReturnType<typeof learnerFacts>['history']) => SubsidyOutcome;
}

/** The course pool, holding every course that teaches a skill of the target's gap. */
function gatherCourses({ learner, catalogue, gap, shortageIndex, rules, now, taxonomy }: GatherCoursesInput): CoursePool {
  const teaching = taughtCatalogue(catalogue, taxonomy).bySkill;
  const subsidyLearner = learnerFacts(learner);
  const bilingual = (skillId: string): Bilingual => {
    const skill = taxonomy.getSkill(skillId);
    return skill ? { zh: skill.zh, en: skill.en } : { zh: skillId, en: skillId };
  };
  const subsidiesFor = (course: Course, skillIds: readonly string[], history = subsidyLearner.history) =>
    evaluateSubsidies(rules, {
      learner: { ...subsidyLearner, history },
      course: courseFacts(course, skillIds, courseOccupation(skillIds, taxonomy.occupations.values())),
      shortage: shortageIndex,
      skillLabels: new Map(skillIds.map((id) => [id, bilingual(id)])),
      now,
    });
  const ready = ({ course, taught, attested }: TaughtCourse): CourseInRanking => {
    const subsidy = subsidiesFor(course, [...taught.keys()]);
    return { id: course.id, level: course.level, hours: course.hours, mode: course.mode, region: course.region, taught, attested, netCostYuan: subsidy.netCostYuan, record: course, subsidy };
  };
  const courses = new Map<string, CourseInRanking>();
  const gather = (of: readonly GapSkill[], mode: ClosureMode = 'level') => {
    for (const { skillId } of coursePartitions(of, mode)) {
      for (const taught of teaching.get(skillId) ?? []) if (!courses.has(taught.course.id)) courses.set(taught.course.id, ready(taught));
    }
  };
  gather(gap);
  return { courses, gather, ready, subsidiesFor };
}

/** A course with what it raises (`courseSkills`), computed once per catalogue. */
interface TaughtCourse extends CourseSkills {
  readonly course: Course;
}

/** The catalogue's courses with what each raises, by id and by skill raised. */
interface TaughtCatalogue {
  readonly taxonomy: Taxonomy;
  readonly byId: ReadonlyMap<string, TaughtCourse>;
  readonly bySkill: ReadonlyMap<string, readonly TaughtCourse[]>;
}

const taughtCache = new WeakMap<readonly Course[], TaughtCatalogue>();

/**
 * What every course raises (taught or attested by its certificate, which takes an extraction),
 * worked out once per catalogue copy: the adapter hands out the same array while nothing changed.
 */
function taughtCatalogue(courses: readonly Course[], taxonomy: Taxonomy): TaughtCatalogue {
  const cached = taughtCache.get(courses);
  if (cached?.taxonomy === taxonomy) return cached;
  const byId = new Map<string, TaughtCourse>();
  const bySkill = new Map<string, TaughtCourse[]>();
  for (const course of courses) {
    const entry = { course, ...courseSkills(course, taxonomy) };
    byId.set(course.id, entry);
    for (const skillId of entry.taught.keys()) {
      const list = bySkill.get(skillId);
      if (list) list.push(entry);
      else bySkill.set(skillId, [entry]);
    }
  }
  const built = { taxonomy, byId, bySkill };
  taughtCache.set(courses, built);
  return built;
}

// ---------------------------------------------------------------------------------------------
// 4. Rank and fill: rank against the target's gap, then fill a short list.

interface RankAndFillInput extends LearnerInput {
  readonly catalogue: readonly Course[];
  readonly weighed: WeighedGap;
  readonly pool: CoursePool;
  /** Skills the learner wishes for: part of their trade (see trade.ts). */
  readonly wished: readonly string[];
  readonly limit: number;
  readonly taxonomy: Taxonomy;
}

interface RankedCourses {
  /** The ranking against the target's gap: what the pathway is planned from. */
  readonly target: readonly CourseAssessment<CourseInRanking>[];
  /** The list, best first (longer than the limit where more courses qualified). */
  readonly listed: readonly Listed[];
  /** The gap the list was filled toward: the target's own while nothing was filled. */
  readonly fillGap: readonly GapSkill[];
  /** Courses listed for the learner's own words, with the words they share. */
  readonly worded: ReadonlyMap<string, readonly string[]>;
}

/**
 * Ranks the pool against the target's gap; a short list is filled from the broader gap at a
 * discount, then from courses that raise a skill of it by less than a whole level, at a further
 * discount; the learner's own words break near ties; a list still short is filled with courses
 * that speak the learner's words.
 */
function rankAndFill(input: RankAndFillInput): RankedCourses {
  const { learner, catalogue } = input;
  const { result, fillGap } = rankByGap(input);
  // The learner's own words (a wish, their trade's words) against each course's; level and place
  // fit weigh them too, so a beginner never sees an advanced course first.
  const scores = wordScores(learnerWords(learner), catalogue, courseText);
  const wordsOf = (l: Listed): number => (scores.get(l.assessment.course.id)?.score ?? 0) * suitability(l.assessment);
  // The level held in each skill (an unstated one assumed): what a course teaches above it is new.
  const { held, fitOf } = courseFitOf(input);
  const worded = byWords(input, result.listed, scores, held);
  // Every course, however found, is placed by its score against the gap and the learner's words,
  // each weighed by how much of the course is the learner's trade and new to them, and by whether
  // they have what it asks for on entry (fusion.ts).
  const found = [...result.listed.map((l) => ({ l, gap: l.score })), ...worded.map((w) => ({ l: w.listed, gap: 0 }))].map((f) => ({ ...f, fit: fitOf(f.l.assessment.course.id) }));
  const places = fusedPlaces(found.map(({ l, gap, fit }) => ({ id: l.assessment.course.id, gap, words: wordsOf(l), fit: fit.factor })));
  const all = found
    .map(({ l, fit }) => ({ ...l, score: places.get(l.assessment.course.id) ?? 0, trade: fit.trade, ...(fit.unmet ? { unmet: fit.unmet } : {}) }))
    .sort((a, b) => b.score - a.score || (a.assessment.course.id < b.assessment.course.id ? -1 : 1));
  // A list still short is filled with what is left of the person's own trade, after everything else.
  const filled = byTrade(input, all, held, fitOf);
  return { target: result.target, listed: [...all, ...filled], fillGap, worded: new Map(worded.map((w) => [w.listed.assessment.course.id, w.shared])) };
}

/** The levels this learner holds, and the fit of each course of the catalogue for them (`learnerFit`, fusion.ts). */
function courseFitOf({ haves, wished, catalogue, taxonomy }: RankAndFillInput): { readonly held: ReadonlyMap<string, number>; readonly fitOf: (courseId: string) => CourseFit } {
  const { held, fitOfCourse } = learnerFit(haves, wished, taxonomy);
  const { byId } = taughtCatalogue(catalogue, taxonomy);
  return { held, fitOf: (courseId) => fitOfCourse(byId.get(courseId) ?? { taught: new Map() }) };
}

/** The ranking against the target's gap, and the list it starts (filled toward a broader gap when asked). */
interface GapRanking {
  readonly target: CourseAssessment<CourseInRanking>[];
  readonly listed: Listed[];
}

/**
 * The ranking by the gap. Every stage ranks every course gathered so far, so a course a later
 * gathering brings still lands in the tier it belongs to (one closing a level of the target's gap
 * is a target course).
 */
function rankByGap({ learner, weighed, pool, limit }: RankAndFillInput): { readonly result: GapRanking; readonly fillGap: readonly GapSkill[] } {
  const { gap } = weighed;
  const learnerContext = { region: learner.region, prefersOnline: learner.prefersOnline };
  const classify = (fill?: readonly GapSkill[]): GapRanking => {
    const all = [...pool.courses.values()];
    const target = rankCourses(gap, learnerContext, all);
    const listed: Listed[] = target.map((assessment) => ({ assessment, scope: 'target', score: assessment.score }));
    if (fill === undefined) return { target, listed };
    const unlisted = () => {
      const seen = new Set(listed.map((l) => l.assessment.course.id));
      return all.filter((c) => !seen.has(c.id));
    };
    if (fill !== gap) {
      for (const assessment of rankCourses(fill, learnerContext, unlisted())) listed.push({ assessment, scope: 'broader', score: assessment.score * BROADER_SCORE_FACTOR });
    }
    for (const assessment of rankCourses(fill, learnerContext, unlisted(), 'share')) listed.push({ assessment, scope: 'related', score: assessment.score * RELATED_SCORE_FACTOR });
    return { target, listed };
  };
  const targetOnly = classify();
  if (targetOnly.listed.length >= limit) return { result: targetOnly, fillGap: gap };
  const fillGap = weighed.broaderGap();
  if (fillGap !== gap) pool.gather(fillGap);
  const broader = classify(fillGap);
  if (broader.listed.length >= limit) return { result: broader, fillGap };
  // Courses whose neighbouring skills earn credit below a whole level.
  pool.gather(fillGap, 'share');
  return { result: classify(fillGap), fillGap };
}

/**
 * A course's own gap for a course found without the target's: each skill it teaches above the
 * level the learner holds, as a preferred need at the level taught (weighed alike).
 */
function ownGap(taught: ReadonlyMap<string, Level>, heldLevel: ReadonlyMap<string, number>): GapSkill[] {
  return [...taught].flatMap(([skillId, level]) => {
    const held = heldLevel.get(skillId) ?? 0;
    return held < level ? [{ skillId, role: 'preferred' as const, needed: level, held: held as GapSkill['held'], shortageIndex: 1, weight: 1 }] : [];
  });
}

/**
 * Courses of the learner's own trade (at least `TRADE_FILL_SHARE` of what they teach, and something
 * new to them) that nothing above listed, to fill a list still short: a courier whose target job
 * leaves little to learn still sees the forklift and warehouse courses of the logistics trade. Each
 * is weighed as a worded course is, against the skills it teaches above the learner's level, and
 * by its course fit; their scores are scaled to stay below every course listed above them.
 */
function byTrade(
  { learner, haves, catalogue, pool, taxonomy, limit }: RankAndFillInput,
  listed: readonly Listed[],
  heldLevel: ReadonlyMap<string, number>,
  fitOf: (courseId: string) => CourseFit,
): Listed[] {
  if (listed.length >= limit) return [];
  const seen = new Set(listed.map((l) => l.assessment.course.id));
  const learnerContext = { region: learner.region, prefersOnline: learner.prefersOnline };
  const { byId } = taughtCatalogue(catalogue, taxonomy);
  // Office work and safety serve every trade: for someone with a trade of their own, a course of
  // those alone (普通话, Office) is no "other course of your trade".
  const hasTrade = haves.some((h) => isTradeSkill(taxonomy, h.skillId));
  const out: Listed[] = [];
  for (const course of catalogue) {
    if (seen.has(course.id)) continue;
    const fit = fitOf(course.id);
    if (fit.trade.inTrade < TRADE_FILL_SHARE || fit.trade.isNew === 0) continue;
    const own = byId.get(course.id)!;
    if (hasTrade && ![...own.taught.keys()].some((id) => isTradeSkill(taxonomy, id))) continue;
    const [assessment] = rankCourses(ownGap(own.taught, heldLevel), learnerContext, [pool.ready(own)]);
    if (!assessment) continue;
    out.push({ assessment, scope: 'related', score: fit.factor * suitability(assessment), trade: fit.trade, byTrade: true, ...(fit.unmet ? { unmet: fit.unmet } : {}) });
  }
  const kept = out.sort((a, b) => b.score - a.score || (a.assessment.course.id < b.assessment.course.id ? -1 : 1)).slice(0, limit - listed.length);
  const ceiling = Math.min(1, ...listed.map((l) => l.score));
  const scale = Math.min(1, ceiling / Math.max(1e-9, ...kept.map((l) => l.score)));
  return kept.map((l) => ({ ...l, score: l.score * scale }));
}

/**
 * Courses that speak the learner's own words (wishes, summary, skills) but close nothing of the gap
 * compete on those words alone (the gap's half of their score is 0), each weighed by its level and
 * place fit against the skills it teaches.
 */
function byWords(
  { learner, catalogue, pool, taxonomy }: RankAndFillInput,
  listed: readonly Listed[],
  scores: ReadonlyMap<string, { readonly score: number; readonly shared: readonly string[] }>,
  heldLevel: ReadonlyMap<string, number>,
): Array<{ listed: Listed; shared: readonly string[] }> {
  const seen = new Set(listed.map((l) => l.assessment.course.id));
  const learnerContext = { region: learner.region, prefersOnline: learner.prefersOnline };
  const candidates = catalogue.flatMap((course) => {
    const found = scores.get(course.id);
    return !seen.has(course.id) && found && found.score >= WORDS_MIN_SCORE && found.shared.length >= 2 ? [{ course, ...found }] : [];
  });
  const { byId } = taughtCatalogue(catalogue, taxonomy);
  const out: Array<{ listed: Listed; shared: readonly string[] }> = [];
  for (const { course, shared } of candidates) {
    const own = byId.get(course.id)!;
    // The words themselves stand for what the course raises, beside the skills it teaches that
    // the learner does not hold at its level; explanations name them as written.
    const taught = { course, attested: own.attested, taught: new Map([...own.taught, [WORDS_SKILL, course.level]]) };
    const [assessment] = rankCourses(ownGap(taught.taught, heldLevel), learnerContext, [pool.ready(taught)]);
    if (!assessment) continue;
    // Placed with every other course in rankAndFill, by its words' vote.
    out.push({ listed: { assessment, scope: 'related', score: 0 }, shared });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 5. View: the pathway planned, and everything in the caller's language.

interface ViewInput {
  readonly learner: Learner;
  readonly choice: TargetChoice;
  readonly weighed: WeighedGap;
  readonly pool: CoursePool;
  readonly ranked: RankedCourses;
  readonly rules: SubsidyRuleSet;
  readonly now: Date;
  readonly lang: Lang;
  readonly taxonomy: Taxonomy;
  /** Ranked courses returned. */
  readonly limit: number;
}

/** The answer: the short list, the target, the gap and a pathway planned from the target's ranking, in the caller's language. */
function viewRecommendations(input: ViewInput): Recommendations {
  const { learner, choice, weighed, ranked, rules, lang } = input;
  const labelIn = labeller(input.taxonomy, lang);
  const plan = planPathway(weighed.gap, ranked.target, { maxCourses: PATHWAY_MAX_COURSES });
  const demandTargets = choice.targets.flatMap((t) => (t.demand ? [t.demand] : []));
  // What the wish and credential targets still leave open: the skills they add to the target.
  const stillOpen = (key: SkillTargetKind) => {
    const target = choice.targets.find((t) => t.key === key);
    return target ? [...target.breakdown.partial, ...target.breakdown.missing].map((e) => ({ skillId: e.skillId, label: labelIn(e.skillId) })) : [];
  };
  const wants = stillOpen('intent');
  const credentials = stillOpen('credential').map((c) => c.label);
  const opens: OpenedTarget[] = choice.targets.flatMap((t, i): OpenedTarget[] => {
    const assessment = weighed.assessments[i]!;
    if (!requiredMet(assessment, plan.levels)) return [];
    const before = requiredMet(assessment, new Map());
    if (t.demand) return [{ kind: 'demand', id: t.demand.id, ref: t.demand.ref, title: t.demand.title, employer: t.demand.employer, alreadyQualified: before }];
    return choice.occupation ? [{ kind: 'occupation', id: choice.occupation.id, label: choice.occupation.label, alreadyQualified: before }] : [];
  });
  const courses = pathwayCourses(input, plan.steps, labelIn);
  const certificate = [...courses].reverse().find((c) => c.certificate)?.certificate ?? null;
  const totalHours = round(courses.reduce((sum, c) => sum + c.hours, 0), 1);
  const totalNetCostYuan = round(courses.reduce((sum, c) => sum + (c.netCostYuan ?? 0), 0), 2);
  const figures = {
    courses: courses.length,
    coverage: plan.coverage,
    hours: totalHours,
    costYuan: totalNetCostYuan,
    certificate,
    opens: opens.map((o) => (o.kind === 'demand' ? o.title : o.label)),
    gapSize: weighed.gap.length,
  };
  return {
    learner: { id: learner.id, ref: learner.ref },
    target: {
      kind: choice.kind,
      summary: targetSummary(choice.kind, demandTargets, choice.occupation?.label, wants.map((w) => w.label), choice.ownSkills, lang, credentials),
      demands: demandTargets,
      ...(choice.occupation ? { occupation: choice.occupation } : {}),
      ...(wants.length > 0 ? { wants } : {}),
    },
    gap: weighed.gap.map((s) => ({ skillId: s.skillId, label: labelIn(s.skillId), role: s.role, needed: s.needed, held: s.held, shortageIndex: round(s.shortageIndex, 2), weight: round(s.weight) })),
    items: listView(input, labelIn),
    pathway: {
      courses,
      totalHours,
      totalNetCostYuan,
      unpricedCourses: courses.filter((c) => c.netCostYuan === null).length,
      certificate,
      opens,
      coverage: round(plan.coverage),
      summary: pathwaySummary(figures, lang),
    },
    subsidyRules: { version: rules.version, notice: rules.notice[lang] },
  };
}

/** Skill labels in one language (the id for a skill the taxonomy does not know). */
const labeller =
  (taxonomy: Taxonomy, lang: Lang) =>
  (skillId: string): string => {
    const skill = taxonomy.getSkill(skillId);
    return skill ? skill[lang] : skillId;
  };

/** The short list, each course explained: what it closes, why it is listed when it is not a target course, and what it leaves. */
function listView({ learner, choice, weighed, ranked, lang, limit }: ViewInput, labelIn: (skillId: string) => string): RecommendedCourse[] {
  // What a filled-in course serves, in words: the targets needing the gap skills it closes.
  const targetWords = new Map<string, string>();
  for (const t of [...choice.targets, ...choice.secondary]) targetWords.set(t.key, targetWord(namingOf(t, choice.targets.includes(t), choice.occupation), lang));
  const fillSkills = new Map(ranked.fillGap.map((s) => [s.skillId, s]));
  const whyListed = (skillIds: readonly string[]) => [...new Set(skillIds.flatMap((id) => fillSkills.get(id)?.targets ?? []))].flatMap((key) => targetWords.get(key) ?? []);
  return ranked.listed.slice(0, limit).map(({ assessment, scope, score, trade, unmet, byTrade }) => {
    const { record } = assessment.course;
    // Levels are a job's requirement only where a job or occupation is what the course serves.
    const aim = scope === 'target' && choice.kind !== 'upskilling' ? 'job' : 'other';
    const words = ranked.worded.get(record.id);
    const labelOf = words ? (id: string) => (id === WORDS_SKILL ? wordsLabel(words, lang) : labelIn(id)) : labelIn;
    const explanation = explainCourse(assessment, assessment.course.subsidy, { lang, prefersOnline: learner.prefersOnline, label: labelOf, aim });
    const closed = new Set(assessment.closes.map((c) => c.skillId));
    const leaves = scope === 'target' ? weighed.gap.filter((s) => !closed.has(s.skillId)).slice(0, 3).map((s) => labelIn(s.skillId)) : [];
    const prefix = words
      ? wordsPrefix(words, lang)
      : byTrade
        ? tradePrefix(lang)
        : scope === 'target'
          ? ''
          : scopePrefix(scope, whyListed(assessment.closes.map((c) => c.skillId)), lang);
    return {
      id: record.id,
      ref: record.ref,
      title: record.title,
      provider: record.provider,
      level: record.level,
      hours: record.hours,
      mode: record.mode,
      region: record.region,
      ...(record.certificate ? { certificate: record.certificate } : {}),
      score: round(score),
      scope,
      explanation: { ...explanation, summary: `${prefix}${explanation.summary}${describeTradeFit(trade, lang)}${describeUnmet((unmet ?? []).map(labelIn), lang)}${stillToCover(leaves, lang)}` },
    };
  });
}

/** How a filled-in course's explanation names a target. */
function namingOf(target: Target, primary: boolean, occupation: TargetView['occupation']): TargetNaming {
  if (target.demand) return { kind: 'demand', title: target.demand.title, primary };
  if (target.key.startsWith('occupation:')) return { kind: 'occupation', label: occupation?.label ?? '' };
  return { kind: target.key as SkillTargetKind };
}

/**
 * The pathway's courses. They are taken one after another: a subsidy an earlier step is eligible
 * for counts as received for the later ones ("once a year", "once per occupation and level").
 */
function pathwayCourses({ learner, pool, now, taxonomy }: ViewInput, steps: PathwayPlan<CourseInRanking>['steps'], labelIn: (skillId: string) => string): PathwayCourseView[] {
  const received = learnerFacts(learner).history;
  let history = received ?? [];
  return steps.map(({ assessment, raises, after }) => {
    const { record } = assessment.course;
    const skillIds = [...assessment.course.taught.keys()];
    const subsidy = history === received ? assessment.course.subsidy : pool.subsidiesFor(record, skillIds, history);
    const occupation = courseOccupation(skillIds, taxonomy.occupations.values());
    history = [
      ...history,
      ...subsidy.eligible.map((l) => ({ kind: l.kind, amountYuan: l.amountYuan, paidAt: now.toISOString(), level: record.level, ...(occupation ? { occupation: occupation.id } : {}) })),
    ];
    return {
      id: record.id,
      ref: record.ref,
      title: record.title,
      level: record.level,
      hours: record.hours,
      mode: record.mode,
      ...(record.certificate ? { certificate: record.certificate } : {}),
      netCostYuan: subsidy.netCostYuan,
      raises: raises.map((r) => ({
        skillId: r.skillId,
        label: labelIn(r.skillId),
        from: r.from,
        to: r.to,
        ...(r.via ? { via: { skillId: r.via.skillId, label: labelIn(r.via.skillId), relation: r.via.relation } } : {}),
      })),
      after,
    };
  });
}
