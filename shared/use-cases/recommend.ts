import type { Caller } from '../domain/caller.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { ASSUMED_HELD_LEVEL, havesOf, needsOf, scoreMatch, type MatchContext, type MatchTaxonomy } from '../domain/matching/score.js';
import type { Have, MatchBreakdown, Need } from '../domain/matching/types.js';
import { indexedSkills, isActive, kindOfId, type AnyRecord, type Course, type Demand, type Learner } from '../domain/records.js';
import { explainCourse, type CourseExplanation, type Lang } from '../domain/recommend/explain.js';
import { assessBreakdown, computeGap, coursePartitions, requiredMet, withNeighbours, type GapSkill, type TargetAssessment } from '../domain/recommend/gap.js';
import { wantedSkills, wishNeeds } from '../domain/recommend/intent.js';
import { planPathway } from '../domain/recommend/pathway.js';
import { rankCourses, type CourseAssessment, type CourseCandidate } from '../domain/recommend/ranking.js';
import { evaluateSubsidies, loadSubsidyRules, type Bilingual, type SubsidyOutcome, type SubsidyRuleSet } from '../domain/subsidy/rules.js';
import type { Candidate, CandidateIndex } from '../ports/candidate-index.js';
import type { Clock } from '../ports/clock.js';
import type { RecordStore } from '../ports/record-store.js';
import type { ShortageReader } from '../ports/shortage.js';
import { regionChain, regionDistance } from '../regions/regions.js';
import type { Level } from '../taxonomy/levels.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { learnerPartitions } from './match.js';
import { makeGetRecord } from './records.js';

/**
 * Course recommendations for a learner: the gap toward a target (a demand, an occupation, or the
 * best open demands near the learner), candidate courses teaching the gap skills, ranked, with a
 * short pathway and subsidies. Method in docs/recommendations.md.
 *
 * Reads per call are bounded: one GetItem (the learner), then either one GetItem (a given demand),
 * nothing (an occupation), or at most 2 × DEMAND_PARTITIONS index Queries (nearby demands, the
 * province first); one shortage read; and at most GAP_SKILLS_QUERIED course skill partition reads
 * (a Query and a BatchGet each) for the gap skills and their one-hop neighbours, most valuable
 * first. A partition with more courses than a page is read again narrowed to the learner's
 * province, from what is left of the whole budget. Only when those courses do not fill the list:
 * one more shortage read and the rest of the budget (at least nothing, at most
 * BROADER_SKILLS_QUERIED reads) for the broader gap. In all at most GAP_SKILLS_QUERIED +
 * BROADER_SKILLS_QUERIED course reads.
 */

export interface RecommendDeps {
  readonly store: RecordStore;
  readonly candidates: CandidateIndex;
  readonly shortage: ShortageReader;
  readonly clock: Clock;
  /** The whole taxonomy: the scorer's relations, occupations, and extraction of what a learner wants to learn. */
  readonly taxonomy: Taxonomy;
  /** @default the bundled shared/rules/subsidies.json */
  readonly subsidyRules?: SubsidyRuleSet;
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
/** Skill partitions of the demand index read to find nearby demands (per region scope). */
export const DEMAND_PARTITIONS = 4;
/**
 * Course skill partitions read for the target's gap: gap skills and their one-hop neighbours, the
 * most valuable first (see `coursePartitions`).
 */
export const GAP_SKILLS_QUERIED = 8;
/** Courses read per partition read. */
export const COURSES_PER_SKILL = 30;
/**
 * The rest of the course read budget: province re-reads of partitions with more courses than a
 * page, then the broader gap's partitions when the target's courses do not fill the list.
 */
export const BROADER_SKILLS_QUERIED = 4;
/** Scores of broader courses are discounted so that courses toward the target come first unless they fit badly. */
export const BROADER_SCORE_FACTOR = 0.5;
/** Course partition reads per call at most (each a Query and a BatchGet). */
const COURSE_READS = GAP_SKILLS_QUERIED + BROADER_SKILLS_QUERIED;
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
  /** `target`: closes part of the target's gap; `broader`: fills a short list toward other open jobs nearby or the next level of the learner's own skills. */
  readonly scope: 'target' | 'broader';
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
  readonly reads: { readonly store: number; readonly candidates: number; readonly shortage: number };
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

/** The province a region lies in (itself for a province); undefined for `national`. */
function provinceOf(region: string): string | undefined {
  const chain = regionChain(region);
  return chain.length >= 2 ? chain[chain.length - 2] : undefined;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

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
  const rules = deps.subsidyRules ?? loadSubsidyRules();
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
    const reads = { store: { n: 0 }, candidates: { n: 0 }, shortage: { n: 0 } };
    const store = counted(deps.store, reads.store);
    const candidateIndex = counted(deps.candidates, reads.candidates);
    const shortage = counted(deps.shortage, reads.shortage);
    const { lang } = options;

    const learner = await makeGetRecord('learner', { store })(caller, learnerId);
    const haves = havesOf(indexedSkills(learner));
    const context = { learnerRegion: learner.region, learnerPrefersOnline: learner.prefersOnline };

    // 1. The target and what it needs; secondary targets only fill a short list (never the pathway).
    let kind: TargetView['kind'];
    let targets: Target[];
    let secondary: Target[] = [];
    let occupation: TargetView['occupation'];
    if (options.demandId !== undefined) {
      const demand = kindOfId(options.demandId) === 'demand' ? await store.get('demand', options.demandId) : undefined;
      if (!demand || !isActive(demand, deps.clock.now())) throw new NotFoundError(`No open demand ${options.demandId}.`);
      kind = 'demand';
      targets = [demandTarget(demand, haves, context, taxonomy)];
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
      const nearby = await nearbyTargets(candidateIndex, learner, haves, taxonomy, deps.clock.now());
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
    // What the learner says they want to learn is one more, weak, target when none was asked for:
    // its skills are preferred ones, and it is one target among up to four in the gap's mean.
    const wants = kind === 'nearby-demands' || kind === 'upskilling' ? wantedSkills(learner.summary ?? '', taxonomy) : [];
    if (wants.length > 0) {
      const breakdown = scoreMatch(wishNeeds(wants), haves, { ...context, demandRegion: learner.region }, taxonomy);
      if (breakdown.missing.length + breakdown.partial.length > 0) targets = [...targets, { key: 'intent', breakdown }];
    }
    const assessments: TargetAssessment[] = targets.map((t) => assessBreakdown(t.key, t.breakdown));

    // 2. The gap, weighted by the shortage in the learner's labour market (read once per skill).
    const market = labourMarket(learner.region);
    const shortageIndex = new Map<string, number>();
    const readShortage = async (of: readonly TargetAssessment[]) => {
      const missing = [...new Set(of.flatMap((a) => a.needs.map((n) => n.skillId)))].filter((id) => !shortageIndex.has(id));
      if (missing.length === 0) return;
      const found = await shortage.forRegion(market, missing);
      for (const id of missing) shortageIndex.set(id, found.get(id)?.index ?? 1);
    };
    const shortageOf = (skillId: string) => shortageIndex.get(skillId) ?? 1;
    await readShortage(assessments);
    const gap = withNeighbours(computeGap(assessments, shortageOf), taxonomy, haves);

    // 3. Candidate courses: those teaching the gap skills or their one-hop neighbours, the partitions
    // whose courses could close the most gap weight first, each read once nationally; a partition
    // with more courses than a page is read again within the learner's province, so nearby courses
    // are never cut off by courses elsewhere. At most COURSE_READS partition reads in all.
    const courses = new Map<string, CourseInRanking>();
    const readNationally = new Set<string>();
    const readNearby = new Set<string>();
    const cutOff: string[] = [];
    const province = provinceOf(learner.region);
    let courseReads = 0;
    const keep = (items: readonly AnyRecord[]) => {
      for (const record of items) if (record.kind === 'course' && !courses.has(record.id)) courses.set(record.id, inRanking(record));
    };
    const readPartitions = async (of: readonly GapSkill[], max: number) => {
      const next = coursePartitions(of)
        .filter((p) => !readNationally.has(p.skillId))
        .slice(0, Math.max(0, Math.min(max, COURSE_READS - courseReads)));
      courseReads += next.length;
      for (const p of next) readNationally.add(p.skillId);
      const pages = await Promise.all(next.map((p) => store.listBySkill('course', p.skillId, { limit: COURSES_PER_SKILL })));
      pages.forEach((page, i) => {
        keep(page.items);
        if (page.nextToken !== undefined && province !== undefined) cutOff.push(next[i]!.skillId);
      });
    };
    const readCutOffNearby = async () => {
      if (province === undefined) return;
      const next = cutOff.filter((id) => !readNearby.has(id)).slice(0, Math.max(0, COURSE_READS - courseReads));
      courseReads += next.length;
      for (const id of next) readNearby.add(id);
      for (const page of await Promise.all(next.map((id) => store.listBySkillWithin('course', id, province, { limit: COURSES_PER_SKILL })))) keep(page.items);
    };
    const inRanking = (course: Course): CourseInRanking => {
      const taught = new Map<string, Level>();
      for (const s of indexedSkills(course)) taught.set(s.skillId, s.level ?? course.level);
      const subsidy = evaluateSubsidies(rules, {
        learner: { group: learner.group, region: learner.region },
        course: {
          region: course.region,
          mode: course.mode,
          hours: course.hours,
          certificate: course.certificate,
          priceYuan: course.priceYuan,
          subsidyYuan: course.subsidyYuan,
          skillIds: [...taught.keys()],
        },
        shortage: shortageIndex,
        skillLabels: new Map([...taught.keys()].map((id) => [id, bilingual(id)])),
      });
      return { id: course.id, level: course.level, hours: course.hours, mode: course.mode, region: course.region, taught, netCostYuan: subsidy.netCostYuan, record: course, subsidy };
    };
    await readPartitions(gap, GAP_SKILLS_QUERIED);
    await readCutOffNearby();

    // 4. Rank against the target's gap; a short list is filled from the broader gap at a discount.
    const learnerContext = { region: learner.region, prefersOnline: learner.prefersOnline };
    const ranked = rankCourses(gap, learnerContext, [...courses.values()]);
    const listed: Array<{ assessment: CourseAssessment<CourseInRanking>; scope: RecommendedCourse['scope']; score: number }> = ranked.map((assessment) => ({ assessment, scope: 'target', score: assessment.score }));
    if (ranked.length < options.limit && secondary.length > 0) {
      const secondaryAssessments = secondary.map((t) => assessBreakdown(t.key, t.breakdown));
      await readShortage(secondaryAssessments);
      const broaderGap = withNeighbours(computeGap([...assessments, ...secondaryAssessments], shortageOf), taxonomy, haves);
      await readPartitions(broaderGap, BROADER_SKILLS_QUERIED);
      await readCutOffNearby();
      const inTarget = new Set(ranked.map((a) => a.course.id));
      for (const assessment of rankCourses(broaderGap, learnerContext, [...courses.values()].filter((c) => !inTarget.has(c.id)))) {
        listed.push({ assessment, scope: 'broader', score: assessment.score * BROADER_SCORE_FACTOR });
      }
      listed.sort((a, b) => b.score - a.score || (a.assessment.course.id < b.assessment.course.id ? -1 : 1));
    }
    const plan = planPathway(gap, ranked, { maxCourses: PATHWAY_MAX_COURSES });
    const labelIn = (id: string) => label(id, lang);

    const items: RecommendedCourse[] = listed.slice(0, options.limit).map(({ assessment, scope, score }) => {
      const { record } = assessment.course;
      const explanation = explainCourse(assessment, assessment.course.subsidy, { lang, prefersOnline: learner.prefersOnline, label: labelIn });
      const closed = new Set(assessment.closes.map((c) => c.skillId));
      const leaves = scope === 'target' ? gap.filter((s) => !closed.has(s.skillId)).slice(0, 3).map((s) => labelIn(s.skillId)) : [];
      const prefix = scope === 'broader' ? (lang === 'zh' ? '拓展推荐（面向其他在招岗位或提升现有技能）：' : 'Broader option (toward other open jobs or your own skills): ') : '';
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
    const pathwayCourses: PathwayCourseView[] = plan.steps.map(({ assessment, raises, after }) => {
      const { record, subsidy } = assessment.course;
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
      reads: { store: reads.store.n, candidates: reads.candidates.n, shortage: reads.shortage.n },
    };
  };
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
async function nearbyTargets(index: CandidateIndex, learner: Learner, haves: readonly Have[], taxonomy: MatchTaxonomy, now: Date): Promise<Target[]> {
  if (haves.length === 0) return [];
  const skillIds = learnerPartitions(haves, taxonomy, DEMAND_PARTITIONS);
  const context = { learnerRegion: learner.region, learnerPrefersOnline: learner.prefersOnline };
  const scoreOf = (c: Candidate) => scoreMatch(needsOf(c.skills, c.minLevel), haves, { ...context, demandRegion: c.region }, taxonomy);
  const pick = (found: readonly Candidate[]) =>
    found
      .filter((c) => c.expiresAt === undefined || Date.parse(c.expiresAt) > now.getTime())
      .map((candidate) => ({ candidate, breakdown: scoreOf(candidate) }))
      // Aim at demands the learner is on the way to (some credit) but does not yet fully meet.
      .filter(({ breakdown }) => breakdown.score > 0 && breakdown.missing.length + breakdown.partial.length > 0)
      .sort(
        (a, b) =>
          b.breakdown.score - a.breakdown.score ||
          (b.candidate.headcount ?? 1) - (a.candidate.headcount ?? 1) ||
          regionDistance(a.candidate.region, learner.region) - regionDistance(b.candidate.region, learner.region) ||
          (a.candidate.id < b.candidate.id ? -1 : 1),
      )
      .slice(0, 2 * TARGET_DEMANDS);
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
