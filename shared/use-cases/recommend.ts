import type { Caller } from '../domain/caller.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { ASSUMED_HELD_LEVEL, havesOf, needsOf, rankMatch, scoreMatch, type MatchContext, type MatchTaxonomy } from '../domain/matching/score.js';
import { matchingSkills } from '../domain/matching/evidence.js';
import { isLexical } from '../domain/matching/lexical.js';
import type { Have, MatchBreakdown, Need } from '../domain/matching/types.js';
import { round } from '../domain/numbers.js';
import { indexedSkills, isActive, kindOfId, type Course, type Demand, type Learner } from '../domain/records.js';
import { explainCourse, type CourseExplanation, type Lang } from '../domain/recommend/explain.js';
import { adjacentNeeds, assessBreakdown, computeGap, coursePartitions, requiredMet, withNeighbours, type GapSkill, type TargetAssessment } from '../domain/recommend/gap.js';
import { mentionedSkills, wantedSkills, wishNeeds } from '../domain/recommend/intent.js';
import { planPathway } from '../domain/recommend/pathway.js';
import { courseSkills, type CourseSkills } from '../domain/recommend/taught.js';
import { learnerWords, wordScores } from '../domain/recommend/wording.js';
import { rankCourses, type ClosureMode, type CourseAssessment, type CourseCandidate } from '../domain/recommend/ranking.js';
import { courseFacts, learnerFacts } from '../domain/subsidy/facts.js';
import { courseOccupation, evaluateSubsidies, loadSubsidyRules, type Bilingual, type SubsidyOutcome, type SubsidyRuleSet } from '../domain/subsidy/rules.js';
import type { Candidate, CandidateIndex } from '../ports/candidate-index.js';
import type { Clock } from '../ports/clock.js';
import type { CourseCatalogue } from '../ports/course-catalogue.js';
import type { RecordStore } from '../ports/record-store.js';
import type { ShortageReader } from '../ports/shortage.js';
import { provinceOf, regionChain, regionDistance } from '../regions/regions.js';
import type { Level } from '../taxonomy/levels.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { learnerPartitions } from './match.js';
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
const WORDS_SCORE_FACTOR = 0.2;
/** How much the learner's words raise a ranked course's score (at most ×(1 + this)). */
const WORDS_BOOST = 1;
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
  readonly kind: 'demand' | 'nearby-demands' | 'occupation' | 'upskilling';
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
  /** Port calls this answer made, for benchmarks and the request bound. */
  readonly reads: { readonly store: number; readonly candidates: number; readonly shortage: number; readonly catalogue: number };
}

interface Target {
  readonly key: string;
  readonly breakdown: MatchBreakdown;
  readonly demand?: TargetDemandView;
}

interface CourseInRanking extends CourseCandidate {
  readonly record: Course;
  readonly subsidy: SubsidyOutcome;
}

/** The labour market whose shortage weighs the gap: the learner's city (a district lies in one). */
function labourMarket(region: string): string {
  const chain = regionChain(region);
  return chain.length >= 4 ? chain[1]! : (chain[0] ?? region);
}


/** A port wrapped so every call is counted. */
function counted<T extends object>(port: T, counter: { n: number }): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        counter.n += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * Ranked courses and a pathway for a learner. The learner themself and the bureau of their region
 * may ask (anyone else: 404, as for reading the profile).
 *
 * @throws NotFoundError for a learner the caller may not see, or a `demandId` that is not an open demand
 * @throws ValidationError for an unknown `occupationId`
 */
export function makeRecommendCourses(deps: RecommendDeps) {
  const rulesNow = (): SubsidyRuleSet => (typeof deps.subsidyRules === 'function' ? deps.subsidyRules() : (deps.subsidyRules ?? loadSubsidyRules()));
  const { taxonomy } = deps;
  const label = (skillId: string, lang: Lang): string => {
    const skill = taxonomy.getSkill(skillId);
    return skill ? skill[lang] : skillId;
  };
  const bilingual = (skillId: string): Bilingual => {
    const skill = taxonomy.getSkill(skillId);
    return skill ? { zh: skill.zh, en: skill.en } : { zh: skillId, en: skillId };
  };

  return async (caller: Caller, learnerId: string, options: RecommendOptions): Promise<Recommendations> => {
    const reads = { store: { n: 0 }, candidates: { n: 0 }, shortage: { n: 0 }, catalogue: { n: 0 } };
    const store = counted(deps.store, reads.store);
    const candidateIndex = counted(deps.candidates, reads.candidates);
    const shortage = counted(deps.shortage, reads.shortage);
    const catalogue = counted(deps.catalogue, reads.catalogue);
    const { lang } = options;
    const rules = rulesNow();

    // Independent reads go out together; a given demand is used only once the learner may be seen.
    const [learner, allCourses, givenDemand] = await Promise.all([
      makeGetRecord('learner', { store })(caller, learnerId),
      catalogue.courses(),
      options.demandId !== undefined && kindOfId(options.demandId) === 'demand' ? store.get('demand', options.demandId) : undefined,
    ]);
    const teaching = coursesBySkill(allCourses, taxonomy);
    // What the learner holds as matching reads it (their certificates attest skills too), so that
    // the gap is what matching would find missing.
    // Recommendations close gaps in taxonomy skills, which courses teach; words alone are not a gap.
    const haves = havesOf(matchingSkills(learner, taxonomy)).filter((h) => !isLexical(h.skillId));
    const context = { learnerRegion: learner.region, learnerPrefersOnline: learner.prefersOnline };

    // 1. The target and what it needs; secondary targets only fill a short list (never the pathway).
    let kind: TargetView['kind'];
    let targets: Target[];
    let secondary: Target[] = [];
    let occupation: TargetView['occupation'];
    if (options.demandId !== undefined) {
      if (!givenDemand || !isActive(givenDemand, deps.clock.now())) throw new NotFoundError(`No open demand ${options.demandId}.`);
      kind = 'demand';
      targets = [demandTarget(givenDemand, haves, context, taxonomy)];
    } else if (options.occupationId !== undefined) {
      const found = taxonomy.occupations.get(options.occupationId);
      if (!found) throw new ValidationError('Unknown occupation.', [{ path: '/occupation', message: `"${options.occupationId}" is not a taxonomy occupation id.` }]);
      const needs: Need[] = [
        ...found.essential.map((r) => ({ skillId: r.skill, level: r.level, role: 'required' as const })),
        ...found.optional.map((r) => ({ skillId: r.skill, level: r.level, role: 'preferred' as const })),
      ];
      kind = 'occupation';
      occupation = { id: found.id, code: found.code, label: found[lang] };
      targets = [{ key: `occupation:${found.id}`, breakdown: scoreMatch(needs, haves, { ...context, demandRegion: learner.region }, taxonomy) }];
    } else {
      const nearby = await nearbyTargets(candidateIndex, learner, haves, taxonomy, deps.clock.now(), deps.demandPartitions ?? DEMAND_PARTITIONS);
      kind = 'nearby-demands';
      targets = nearby.slice(0, TARGET_DEMANDS);
      secondary = nearby.slice(TARGET_DEMANDS);
    }
    const upskilling = upskillingTarget(haves, { ...context, demandRegion: learner.region }, taxonomy);
    if (kind === 'nearby-demands' && targets.every((t) => t.breakdown.missing.length === 0 && t.breakdown.partial.length === 0)) {
      // Nothing to aim at nearby (or nothing missing): aim one level above each skill held.
      kind = 'upskilling';
      targets = upskilling ? [upskilling] : [];
    } else if (upskilling) {
      secondary.push(upskilling);
    }
    const here = { ...context, demandRegion: learner.region };
    const adjacent = adjacentTarget(haves, here, taxonomy);
    if (adjacent) secondary.push(adjacent);
    // What the learner says they want to learn is one more, weak, target when none was asked for:
    // its skills are preferred ones, and it is one target among up to four in the gap's mean.
    // Wishes written as such (the profile's `wants`, and 想学… among the skills) and in the summary.
    const wished = [
      ...new Map(
        [...(learner.wants ?? []).flatMap((w) => (w.skillId ? [{ skillId: w.skillId }] : [])), ...wantedSkills(learner.summary ?? '', taxonomy)]
          .filter((w) => !haves.some((h) => h.skillId === w.skillId))
          .map((w) => [w.skillId, w]),
      ).values(),
    ];
    const wants = kind === 'nearby-demands' || kind === 'upskilling' ? wished : [];
    // Skills the summary otherwise mentions (their history, in their words) only fill a short list.
    const mentioned = mentionedSkills(learner.summary ?? '', taxonomy, new Set([...haves.map((h) => h.skillId), ...wished.map((w) => w.skillId)]));
    if (mentioned.length > 0) secondary.push({ key: 'mentioned', breakdown: scoreMatch(wishNeeds(mentioned), haves, here, taxonomy) });
    if (wants.length > 0) {
      const breakdown = scoreMatch(wishNeeds(wants), haves, here, taxonomy);
      if (breakdown.missing.length + breakdown.partial.length > 0) targets = [...targets, { key: 'intent', breakdown }];
    }
    const assessments: TargetAssessment[] = targets.map((t) => assessBreakdown(t.key, t.breakdown));
    const secondaryAssessments = secondary.map((t) => assessBreakdown(t.key, t.breakdown));

    // 2. The gap, weighted by the shortage in the learner's labour market: one read for every skill
    // any target needs, secondary ones included (they may fill a short list). Reading the market's
    // whole shortage partition beside the index read instead would save a round, but took longer
    // than the two rounds it replaced (a counter per skill seen in the city, on DynamoDB Local).
    const shortageIndex = new Map<string, number>();
    const needed = [...new Set([...assessments, ...secondaryAssessments].flatMap((a) => a.needs.map((n) => n.skillId)))];
    if (needed.length > 0) {
      const found = await shortage.forRegion(labourMarket(learner.region), needed);
      for (const id of needed) shortageIndex.set(id, found.get(id)?.index ?? 1);
    }
    const shortageOf = (skillId: string) => shortageIndex.get(skillId) ?? 1;
    const gap = withNeighbours(computeGap(assessments, shortageOf), taxonomy, haves);

    // 3. Candidate courses: every course teaching a gap skill or a one-hop neighbour of one whose
    // courses could close some of it (see `coursePartitions`).
    const courses = new Map<string, CourseInRanking>();
    const gather = (of: readonly GapSkill[], mode: ClosureMode = 'level') => {
      for (const { skillId } of coursePartitions(of, mode)) {
        for (const taught of teaching.get(skillId) ?? []) if (!courses.has(taught.course.id)) courses.set(taught.course.id, inRanking(taught));
      }
    };
    const subsidyLearner = learnerFacts(learner);
    const now = deps.clock.now();
    const subsidiesFor = (course: Course, skillIds: readonly string[], history = subsidyLearner.history) =>
      evaluateSubsidies(rules, {
        learner: { ...subsidyLearner, history },
        course: courseFacts(course, skillIds, courseOccupation(skillIds, taxonomy.occupations.values())),
        shortage: shortageIndex,
        skillLabels: new Map(skillIds.map((id) => [id, bilingual(id)])),
        now,
      });
    const inRanking = ({ course, taught, attested }: TaughtCourse): CourseInRanking => {
      const subsidy = subsidiesFor(course, [...taught.keys()]);
      return { id: course.id, level: course.level, hours: course.hours, mode: course.mode, region: course.region, taught, attested, netCostYuan: subsidy.netCostYuan, record: course, subsidy };
    };
    gather(gap);

    // 4. Rank against the target's gap. A short list is filled from the broader gap at a discount,
    // then from courses that raise a skill of it by less than a whole level, at a further discount.
    // Every stage ranks every course read so far, so a course a later read brings still lands in
    // the tier it belongs to (one closing a level of the target's gap is a target course).
    const learnerContext = { region: learner.region, prefersOnline: learner.prefersOnline };
    type Listed = { assessment: CourseAssessment<CourseInRanking>; scope: RecommendedCourse['scope']; score: number };
    const classify = (fill?: readonly GapSkill[]) => {
      const all = [...courses.values()];
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
    let result = classify();
    let fillGap: readonly GapSkill[] = gap;
    if (result.listed.length < options.limit) {
      if (secondary.length > 0) {
        fillGap = withNeighbours(computeGap([...assessments, ...secondaryAssessments], shortageOf), taxonomy, haves);
        gather(fillGap);
      }
      result = classify(fillGap);
      if (result.listed.length < options.limit) {
        // Courses whose neighbouring skills earn credit below a whole level.
        gather(fillGap, 'share');
        result = classify(fillGap);
      }
    }
    // The learner's own words break near ties: among courses the gap ranks alike, the one that
    // speaks what they wrote (a wish, their trade's words) comes first.
    const scores = wordScores(learnerWords(learner), allCourses);
    const listed = result.listed
      .map((l) => ({ ...l, score: (l.score * (1 + WORDS_BOOST * (scores.get(l.assessment.course.id)?.score ?? 0))) / (1 + WORDS_BOOST) }))
      .sort((a, b) => b.score - a.score || (a.assessment.course.id < b.assessment.course.id ? -1 : 1));
    // 5. Still short: courses that speak the learner's own words (wishes, summary, skills) where the
    // taxonomy names nothing, each ranked against the skills it teaches, below everything above.
    const worded = new Map<string, readonly string[]>();
    if (listed.length < options.limit) {
      const seen = new Set(listed.map((l) => l.assessment.course.id));
      const heldLevel = new Map(haves.map((h) => [h.skillId, h.level ?? ASSUMED_HELD_LEVEL]));
      const byWords = allCourses
        .flatMap((course) => {
          const found = scores.get(course.id);
          return !seen.has(course.id) && found && found.score >= WORDS_MIN_SCORE && found.shared.length >= 2 ? [{ course, ...found }] : [];
        })
        .sort((a, b) => b.score - a.score || (a.course.id < b.course.id ? -1 : 1));
      for (const { course, score, shared } of byWords) {
        if (listed.length >= options.limit) break;
        const own = courseSkills(course, taxonomy);
        // The words themselves stand for what the course raises, beside the skills it teaches that
        // the learner does not hold at its level; explanations name them as written.
        const taught = { ...own, taught: new Map([...own.taught, [WORDS_SKILL, course.level]]) };
        const gapOfCourse: GapSkill[] = [...taught.taught].flatMap(([skillId, level]) =>
          (heldLevel.get(skillId) ?? 0) < level ? [{ skillId, role: 'preferred' as const, needed: level, held: (heldLevel.get(skillId) ?? 0) as GapSkill['held'], shortageIndex: 1, weight: 1 }] : [],
        );
        const [assessment] = rankCourses(gapOfCourse, learnerContext, [inRanking({ course, ...taught })]);
        if (!assessment) continue;
        listed.push({ assessment, scope: 'related', score: WORDS_SCORE_FACTOR * score });
        worded.set(course.id, shared);
      }
    }
    const plan = planPathway(gap, result.target, { maxCourses: PATHWAY_MAX_COURSES });
    const labelIn = (id: string) => label(id, lang);
    // What a filled-in course serves, in words: the targets needing the gap skills it closes.
    const targetWords = new Map<string, string>();
    for (const t of [...targets, ...secondary]) targetWords.set(t.key, targetWord(t, targets.includes(t), occupation, lang));
    const fillSkills = new Map(fillGap.map((s) => [s.skillId, s]));
    const whyListed = (skillIds: readonly string[]) => [...new Set(skillIds.flatMap((id) => fillSkills.get(id)?.targets ?? []))].flatMap((key) => targetWords.get(key) ?? []);

    const items: RecommendedCourse[] = listed.slice(0, options.limit).map(({ assessment, scope, score }) => {
      const { record } = assessment.course;
      // Levels are a job's requirement only where a job or occupation is what the course serves.
      const aim = scope === 'target' && kind !== 'upskilling' ? 'job' : 'other';
      const words = worded.get(record.id);
      const labelOf = words ? (id: string) => (id === WORDS_SKILL ? words.slice(0, 4).join(lang === 'zh' ? '、' : ', ') : labelIn(id)) : labelIn;
      const explanation = explainCourse(assessment, assessment.course.subsidy, { lang, prefersOnline: learner.prefersOnline, label: labelOf, aim });
      const closed = new Set(assessment.closes.map((c) => c.skillId));
      const leaves = scope === 'target' ? gap.filter((s) => !closed.has(s.skillId)).slice(0, 3).map((s) => labelIn(s.skillId)) : [];
      const prefix = words ? wordsPrefix(words, lang) : scope === 'target' ? '' : scopePrefix(scope, whyListed(assessment.closes.map((c) => c.skillId)), lang);
      const suffix = leaves.length === 0 ? '' : lang === 'zh' ? `其余差距：${leaves.join('、')}。` : ` Still to cover: ${leaves.join(', ')}.`;
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
        explanation: { ...explanation, summary: `${prefix}${explanation.summary}${suffix}` },
      };
    });

    const demandTargets = targets.flatMap((t) => (t.demand ? [t.demand] : []));
    const intent = targets.find((t) => t.key === 'intent');
    const wantsView = intent ? [...intent.breakdown.partial, ...intent.breakdown.missing].map((e) => ({ skillId: e.skillId, label: labelIn(e.skillId) })) : [];
    const opens: OpenedTarget[] = [];
    targets.forEach((t, i) => {
      const assessment = assessments[i]!;
      const before = requiredMet(assessment, new Map());
      if (!requiredMet(assessment, plan.levels)) return;
      if (t.demand) opens.push({ kind: 'demand', id: t.demand.id, ref: t.demand.ref, title: t.demand.title, employer: t.demand.employer, alreadyQualified: before });
      else if (occupation) opens.push({ kind: 'occupation', id: occupation.id, label: occupation.label, alreadyQualified: before });
    });
    // The pathway's courses are taken one after another: a subsidy an earlier step is eligible for
    // counts as received for the later ones ("once a year", "once per occupation and level").
    let pathwayHistory = subsidyLearner.history ?? [];
    const pathwayCourses: PathwayCourseView[] = plan.steps.map(({ assessment, raises, after }) => {
      const { record } = assessment.course;
      const subsidy = pathwayHistory === subsidyLearner.history ? assessment.course.subsidy : subsidiesFor(record, [...assessment.course.taught.keys()], pathwayHistory);
      const occupation = courseOccupation([...assessment.course.taught.keys()], taxonomy.occupations.values());
      pathwayHistory = [
        ...pathwayHistory,
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
    const certificate = [...pathwayCourses].reverse().find((c) => c.certificate)?.certificate ?? null;
    const totalHours = round(pathwayCourses.reduce((sum, c) => sum + c.hours, 0), 1);
    const totalNetCostYuan = round(pathwayCourses.reduce((sum, c) => sum + (c.netCostYuan ?? 0), 0), 2);
    const unpricedCourses = pathwayCourses.filter((c) => c.netCostYuan === null).length;

    return {
      learner: { id: learner.id, ref: learner.ref },
      target: {
        kind,
        summary: targetSummary(kind, demandTargets, occupation, wantsView, upskilling !== undefined, lang),
        demands: demandTargets,
        ...(occupation ? { occupation } : {}),
        ...(wantsView.length > 0 ? { wants: wantsView } : {}),
      },
      gap: gap.map((s) => ({ skillId: s.skillId, label: labelIn(s.skillId), role: s.role, needed: s.needed, held: s.held, shortageIndex: round(s.shortageIndex, 2), weight: round(s.weight) })),
      items,
      pathway: {
        courses: pathwayCourses,
        totalHours,
        totalNetCostYuan,
        unpricedCourses,
        certificate,
        opens,
        coverage: round(plan.coverage),
        summary: pathwaySummary(pathwayCourses.length, plan.coverage, totalHours, totalNetCostYuan, certificate, opens, gap.length, lang),
      },
      subsidyRules: { version: rules.version, notice: rules.notice[lang] },
      reads: { store: reads.store.n, candidates: reads.candidates.n, shortage: reads.shortage.n, catalogue: reads.catalogue.n },
    };
  };
}

/** A course with what it raises (`courseSkills`), computed once per catalogue. */
interface TaughtCourse extends CourseSkills {
  readonly course: Course;
}

const bySkillCache = new WeakMap<readonly Course[], { readonly taxonomy: Taxonomy; readonly index: Map<string, TaughtCourse[]> }>();

/**
 * The catalogue by skill raised (taught or attested by its certificate), built once per catalogue
 * copy: the adapter hands out the same array while nothing changed.
 */
function coursesBySkill(courses: readonly Course[], taxonomy: Taxonomy): Map<string, TaughtCourse[]> {
  const cached = bySkillCache.get(courses);
  if (cached?.taxonomy === taxonomy) return cached.index;
  const index = new Map<string, TaughtCourse[]>();
  for (const course of courses) {
    const entry = { course, ...courseSkills(course, taxonomy) };
    for (const skillId of entry.taught.keys()) {
      const list = index.get(skillId);
      if (list) list.push(entry);
      else index.set(skillId, [entry]);
    }
  }
  bySkillCache.set(courses, { taxonomy, index });
  return index;
}

function demandTarget(demand: Demand, haves: readonly Have[], context: { learnerRegion: string; learnerPrefersOnline?: boolean | undefined }, taxonomy: MatchTaxonomy): Target {
  const breakdown = scoreMatch(needsOf(indexedSkills(demand), demand.minLevel), haves, { ...context, demandRegion: demand.region }, taxonomy);
  return {
    key: `demand:${demand.id}`,
    breakdown,
    demand: { id: demand.id, ref: demand.ref, title: demand.title, employer: demand.employer, region: demand.region, matchScore: breakdown.score },
  };
}

/**
 * The best open demands for the learner that still leave a gap, best first (twice as many as are
 * aimed at: the rest are secondary targets), from the matching candidate path: the skill index
 * read in the learner's province, and nationwide only when the province has none.
 */
async function nearbyTargets(index: CandidateIndex, learner: Learner, haves: readonly Have[], taxonomy: MatchTaxonomy, now: Date, partitions: number): Promise<Target[]> {
  if (haves.length === 0) return [];
  // The strongest held skills first, then the skills one hop away: a bounded read, since targets
  // steer a recommendation rather than promise an exact list.
  const held = [...haves].filter((h) => !isLexical(h.skillId)).sort((a, b) => (b.level ?? ASSUMED_HELD_LEVEL) - (a.level ?? ASSUMED_HELD_LEVEL));
  const { direct, tiers } = learnerPartitions(held, taxonomy);
  const skillIds = [...direct, ...tiers.flatMap((t) => t.partitions)].slice(0, partitions);
  const context = { learnerRegion: learner.region, learnerPrefersOnline: learner.prefersOnline };
  // Every candidate is ranked cheaply (no evidence built); only those aimed at are explained.
  const pick = (found: readonly Candidate[]) =>
    found
      .filter((c) => c.expiresAt === undefined || Date.parse(c.expiresAt) > now.getTime())
      .flatMap((candidate) => {
        const needs = needsOf(candidate.skills, candidate.minLevel).filter((n) => !isLexical(n.skillId));
        const ctx = { ...context, demandRegion: candidate.region };
        const rank = rankMatch(needs, haves, ctx, taxonomy);
        // Aim at demands the learner is on the way to (some credit) but does not yet fully meet.
        return rank.score > 0 && rank.needsMet < needs.length ? [{ candidate, needs, ctx, score: rank.score }] : [];
      })
      .sort(
        (a, b) =>
          b.score - a.score ||
          (b.candidate.headcount ?? 1) - (a.candidate.headcount ?? 1) ||
          regionDistance(a.candidate.region, learner.region) - regionDistance(b.candidate.region, learner.region) ||
          (a.candidate.id < b.candidate.id ? -1 : 1),
      )
      .slice(0, 2 * TARGET_DEMANDS)
      .map(({ candidate, needs, ctx }) => ({ candidate, breakdown: scoreMatch(needs, haves, ctx, taxonomy) }));
  const province = provinceOf(learner.region);
  let best = province === undefined ? [] : pick((await index.find({ kind: 'demand', skillIds, within: province })).candidates);
  if (best.length === 0) best = pick((await index.find({ kind: 'demand', skillIds })).candidates);
  return best.map(({ candidate, breakdown }) => ({
    key: `demand:${candidate.id}`,
    breakdown,
    demand: {
      id: candidate.id,
      ref: candidate.ref,
      title: candidate.title ?? '',
      employer: candidate.employer ?? '',
      region: candidate.region,
      matchScore: breakdown.score,
    },
  }));
}

/** Skills next to those the learner holds, at working knowledge (see `adjacentNeeds`). */
function adjacentTarget(haves: readonly Have[], context: MatchContext, taxonomy: MatchTaxonomy): Target | undefined {
  const needs = adjacentNeeds(haves, taxonomy);
  return needs.length > 0 ? { key: 'adjacent', breakdown: scoreMatch(needs, haves, context, taxonomy) } : undefined;
}

/** A target in the words a filled-in course's explanation uses ("其他在招岗位“数据标注员”", "skills next to yours"). */
function targetWord(target: Target, primary: boolean, occupation: TargetView['occupation'], lang: Lang): string {
  if (target.demand) {
    const title = target.demand.title;
    if (primary) return lang === 'zh' ? `目标岗位“${title}”` : `the target job “${title}”`;
    return lang === 'zh' ? `其他在招岗位“${title}”` : `the open job “${title}”`;
  }
  if (target.key.startsWith('occupation:')) return lang === 'zh' ? `目标职业“${occupation?.label ?? ''}”` : `the target occupation “${occupation?.label ?? ''}”`;
  const words: Record<string, Bilingual> = {
    upskilling: { zh: '现有技能的下一级', en: 'your own skills one level up' },
    adjacent: { zh: '现有技能的相邻技能', en: 'skills next to yours' },
    mentioned: { zh: '简介中提到的技能', en: 'skills your summary mentions' },
    intent: { zh: '您想学的技能', en: 'what you want to learn' },
  };
  return words[target.key]?.[lang] ?? target.key;
}

/**
 * What a filled-in course's summary starts with: `broader` courses close a level toward the named
 * targets; `related` ones teach a skill related to one they need, earning less than a level of it.
 */
/** Why a course found by the learner's own words is listed: the words it shares with them. */
function wordsPrefix(shared: readonly string[], lang: Lang): string {
  const shown = shared.slice(0, 4).join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh' ? `与你写的内容相近（相近表述：${shown}）：` : `Close to what you wrote (similar wording: ${shown}): `;
}

function scopePrefix(scope: 'broader' | 'related', why: readonly string[], lang: Lang): string {
  const shown = why.length > 0 ? why.slice(0, 3) : [lang === 'zh' ? '其他目标' : 'other aims'];
  if (scope === 'broader') {
    return lang === 'zh' ? `拓展推荐（面向${shown.join('、')}）：` : `Broader option (toward ${shown.join('; ')}): `;
  }
  return lang === 'zh' ? `相关推荐（与${shown.join('、')}相关）：` : `Related option (toward ${shown.join('; ')}): `;
}

/** One level above each skill the learner holds (an unstated level counts as working knowledge). */
function upskillingTarget(haves: readonly Have[], context: MatchContext, taxonomy: MatchTaxonomy): Target | undefined {
  const needs: Need[] = haves.flatMap((h) => {
    const level = h.level ?? ASSUMED_HELD_LEVEL;
    return level < 5 ? [{ skillId: h.skillId, level: (level + 1) as Level, role: 'preferred' as const }] : [];
  });
  return needs.length > 0 ? { key: 'upskilling', breakdown: scoreMatch(needs, haves, context, taxonomy) } : undefined;
}

function targetSummary(
  kind: TargetView['kind'],
  demands: readonly TargetDemandView[],
  occupation: TargetView['occupation'],
  wants: NonNullable<TargetView['wants']>,
  ownSkills: boolean,
  lang: Lang,
): string {
  const wanted = wants.map((w) => w.label).join(lang === 'zh' ? '、' : ', ');
  if (wants.length > 0 && kind === 'upskilling' && !ownSkills) {
    return lang === 'zh' ? `附近暂无可对标的在招岗位：推荐您想学的技能（${wanted}）的课程` : `No open job nearby to aim at: courses in what you want to learn (${wanted})`;
  }
  const base = aimSummary(kind, demands, occupation, lang);
  if (wants.length === 0) return base;
  return lang === 'zh' ? `${base}；并兼顾您想学的：${wanted}` : `${base}; also what you want to learn: ${wanted}`;
}

function aimSummary(kind: TargetView['kind'], demands: readonly TargetDemandView[], occupation: TargetView['occupation'], lang: Lang): string {
  const names = demands.map((d) => (lang === 'zh' ? `${d.title}（${d.employer}）` : `${d.title} (${d.employer})`)).join(lang === 'zh' ? '、' : '; ');
  switch (kind) {
    case 'demand':
      return lang === 'zh' ? `目标岗位：${names}` : `Target job: ${names}`;
    case 'occupation':
      return lang === 'zh' ? `目标职业：${occupation?.label ?? ''}` : `Target occupation: ${occupation?.label ?? ''}`;
    case 'nearby-demands':
      return lang === 'zh' ? `目标：与您最接近的${demands.length}个在招岗位：${names}` : `Target: the ${demands.length} open job${demands.length === 1 ? '' : 's'} you are closest to: ${names}`;
    default:
      return lang === 'zh' ? '附近暂无可对标的在招岗位：推荐提升您现有技能的课程' : 'No open job nearby to aim at: courses that take your own skills one level up';
  }
}

function pathwaySummary(
  count: number,
  coverage: number,
  hours: number,
  cost: number,
  certificate: string | null,
  opens: readonly OpenedTarget[],
  gapSize: number,
  lang: Lang,
): string {
  if (gapSize === 0) return lang === 'zh' ? '没有需要补齐的技能差距' : 'There is no skill gap to close';
  if (count === 0) return lang === 'zh' ? '暂无能补齐差距的合适课程' : 'No suitable course closes the gap yet';
  const share = Math.round(coverage * 100);
  const jobs = opens.map((o) => (o.kind === 'demand' ? o.title : o.label));
  if (lang === 'zh') {
    return `${count}门课程，共${hours}学时，自付约${cost}元，补齐约${share}%的技能差距${certificate ? `，最终取得“${certificate}”` : ''}${jobs.length > 0 ? `；完成后满足${jobs.join('、')}的必需技能` : ''}。`;
  }
  return `${count} course${count === 1 ? '' : 's'}, ${hours} hours, about ${cost} yuan to pay, closing about ${share}% of the gap${certificate ? `, ending in “${certificate}”` : ''}${jobs.length > 0 ? `; afterwards you meet every required skill of ${jobs.join('; ')}` : ''}.`;
}
