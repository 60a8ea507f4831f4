import { explainMatch } from '../matching/explain.js';
import { matchingSkills } from '../matching/evidence.js';
import { makeScoredEngine, type EngineLearner, type ScoredEngine } from '../matching/engine.js';
import { isLexical } from '../matching/lexical.js';
import { genericSkill, havesOf } from '../matching/score.js';
import type { Have, MatchBreakdown } from '../matching/types.js';
import { round } from '../numbers.js';
import type { Learner } from '../records.js';
import { ownTargets } from '../recommend/aims.js';
import { assessBreakdown, computeGap, type TargetAssessment } from '../recommend/gap.js';
import { fusedPlaces, learnerFit } from '../recommend/fusion.js';
import { wishedSkills } from '../recommend/intent.js';
import { prerequisiteOfSkills, type Prerequisite } from '../recommend/prerequisite.js';
import { rankCourses, suitability, type CourseAssessment, type CourseCandidate } from '../recommend/ranking.js';
import { learnerWords, wordScores } from '../recommend/wording.js';
import { courseFacts, learnerFacts, learnerFactsKey } from '../subsidy/facts.js';
import { courseOccupation, evaluateSubsidies, type SubsidyOutcome, type SubsidyRuleSet } from '../subsidy/rules.js';
import { extractSkills } from '../../taxonomy/extract.js';
import type { Level } from '../../taxonomy/levels.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { CampaignCourse, CampaignMatch, CampaignSnapshot, LearnerOutcome, SnapshotCourse, SnapshotDemand } from './types.js';

/**
 * One learner's campaign outcome, computed in memory against the campaign's snapshot: the top
 * matches at or above the threshold (the engine's exact top k, explained), the gap toward their
 * best demands, and the courses that close it with the subsidies this learner would get. The same
 * pieces as the single-learner match and recommendation use cases, without a read per learner.
 */

/** Demands aimed at for the gap: the best few the learner partly meets (as recommendations do). */
export const GAP_TARGETS = 3;
/** Courses recommended per learner. */
export const RECOMMENDATIONS_PER_LEARNER = 3;
/** Subsidy evaluations (course × learner facts) kept at most; beyond it the least recently used goes. */
const SUBSIDY_CACHE_MAX = 100_000;
/** Gap skills kept in a result (the heaviest), for the shortage report. */
export const GAP_SKILLS_KEPT = 8;

export interface ComputeOptions {
  readonly taxonomy: Taxonomy;
  readonly rules: SubsidyRuleSet;
  /** Matches kept per learner, 1–20. */
  readonly limit: number;
  /** Lowest score kept as a match, 0–1. */
  readonly threshold: number;
}

/** Computes one learner's outcome; throws only on a bug or bad data (the runner records it as failed). */
export type LearnerComputer = (learner: Learner) => LearnerOutcome;

interface CourseInCampaign extends CourseCandidate {
  readonly course: SnapshotCourse;
  readonly prerequisite?: Prerequisite;
}

/** A snapshot course's words: its text, or its title in a snapshot taken before texts were kept. */
const textOf = (course: SnapshotCourse): string => course.text ?? course.title;


/** The engine's view of a demand is the snapshot demand itself (id, ref, region, needs). */
function matchOf(demand: SnapshotDemand, breakdown: MatchBreakdown): CampaignMatch {
  const skill = (e: MatchBreakdown['missing'][number]) => ({ skillId: e.skillId });
  return {
    id: demand.id,
    ref: demand.ref,
    title: demand.title,
    employer: demand.employer,
    region: demand.region,
    score: breakdown.score,
    explanation: {
      summary: explainMatch(breakdown, 'zh'),
      requiredMet: breakdown.requiredMet,
      requiredTotal: breakdown.requiredTotal,
      partial: breakdown.partial.map(skill),
      missing: breakdown.missing.map(skill),
    },
  };
}

/** A breakdown without its lexical needs' evidence: what a gap is measured against. */
function withoutLexicalNeeds(breakdown: MatchBreakdown): MatchBreakdown {
  const skill = (e: MatchBreakdown['missing'][number]) => !isLexical(e.skillId);
  return { ...breakdown, matched: breakdown.matched.filter(skill), partial: breakdown.partial.filter(skill), missing: breakdown.missing.filter(skill) };
}

/**
 * A computer over one snapshot: builds the matching engine and the course index once, then
 * computes learners one at a time (a few hundred microseconds each).
 */
export function makeLearnerComputer(snapshot: CampaignSnapshot, options: ComputeOptions): LearnerComputer {
  const { taxonomy, rules, limit, threshold } = options;
  const scored: ScoredEngine = makeScoredEngine(snapshot.demands, taxonomy);
  const demandById = new Map(snapshot.demands.map((d) => [d.id, d]));
  const shortage = new Map(Object.entries(snapshot.shortage));
  const shortageOf = (skillId: string) => shortage.get(skillId) ?? 1;
  const generic = genericSkill(taxonomy);
  const gapOf = (assessments: readonly TargetAssessment[]) => computeGap(assessments, shortageOf, generic);
  const prerequisites = new Map(snapshot.courses.flatMap((c) => (c.prerequisite ? [[c.id, prerequisiteOfSkills(c.prerequisite, taxonomy)] as const] : [])));
  const coursesBySkill = new Map<string, SnapshotCourse[]>();
  for (const course of snapshot.courses) {
    for (const [skillId] of course.taught) {
      const list = coursesBySkill.get(skillId);
      if (list) list.push(course);
      else coursesBySkill.set(skillId, [course]);
    }
  }
  // Amounts depend on the course and on the learner's facts (groups, region, insurance, household,
  // birth year, certificates, history): learners alike in all of those share one evaluation.
  const now = new Date(snapshot.takenAt);
  const occupations = new Map<string, ReturnType<typeof courseOccupation>>();
  const subsidies = new Map<string, SubsidyOutcome>();
  const subsidyOf = (course: SnapshotCourse, learner: Learner, learnerKey: string): SubsidyOutcome => {
    const key = `${course.id}|${learnerKey}`;
    let outcome = subsidies.get(key);
    if (outcome) {
      // Least recently used first: a Map keeps insertion order, so a hit moves to the end.
      subsidies.delete(key);
      subsidies.set(key, outcome);
    } else {
      const skillIds = course.taught.map(([id]) => id);
      if (!occupations.has(course.id)) occupations.set(course.id, courseOccupation(skillIds, taxonomy.occupations.values()));
      outcome = evaluateSubsidies(rules, { learner: learnerFacts(learner), course: courseFacts(course, skillIds, occupations.get(course.id)), shortage, now });
      // A warm worker keeps its computer across pages: the cache is bounded, not the campaign.
      if (subsidies.size >= SUBSIDY_CACHE_MAX) subsidies.delete(subsidies.keys().next().value!);
      subsidies.set(key, outcome);
    }
    return outcome;
  };

  /**
   * The courses in the order the learner's own list gives them (fusion.ts): the score against the
   * gap and the learner's own words (against the snapshot's courses), weighed by trade fit and
   * entry requirement; `score` is the place.
   */
  const placed = (learner: Learner, own: readonly Have[], wished: readonly string[], ranked: readonly CourseAssessment<CourseInCampaign>[]) => {
    const { fitOfCourse } = learnerFit(own, wished, taxonomy);
    const words = wordScores(learnerWords(learner), snapshot.courses, textOf);
    const places = fusedPlaces(
      ranked.map((a) => ({
        id: a.course.id,
        gap: a.score,
        words: (words.get(a.course.id)?.score ?? 0) * suitability(a),
        fit: fitOfCourse(a.course).factor,
      })),
    );
    return ranked
      .map((a) => ({ ...a, score: places.get(a.course.id) ?? 0 }))
      .sort((a, b) => b.score - a.score || (a.course.id < b.course.id ? -1 : 1));
  };

  return (learner) => {
    // The summary is read once: for the skills it shows and for the learner's wishes.
    const summary = extractSkills(learner.summary ?? '', taxonomy);
    const haves = havesOf(matchingSkills(learner, taxonomy, summary));
    const learnerKey = learnerFactsKey(learner);
    const subject: EngineLearner = { id: learner.id, region: learner.region, haves, prefersOnline: learner.prefersOnline };
    // Enough for the matches kept and for the gap targets, which need not reach the threshold.
    // Someone with no skill yet matches no demand, but what they wish to learn still aims courses.
    const top = (haves.length === 0 ? [] : scored.engine.topFor(subject, Math.max(limit, GAP_TARGETS), 0)).map((r) => {
      const demand = demandById.get(r.demand.id)!;
      return { demand, breakdown: scored.explain(demand, subject) };
    });
    const matches = top.filter((t) => t.breakdown.score >= threshold).slice(0, limit).map((t) => matchOf(t.demand, t.breakdown));

    // Words alone are not a gap (as recommendations weigh it): lexical needs aim at no course.
    const targets = top
      .map((t) => ({ demand: t.demand, breakdown: withoutLexicalNeeds(t.breakdown) }))
      .filter((t) => t.breakdown.missing.length + t.breakdown.partial.length > 0)
      .slice(0, GAP_TARGETS);
    // Beside the demands, the learner's own aims, as online (aims.ts): what they wish to learn and
    // the credentials of their trade they lack. The gap reported stays the demands' own.
    const own = haves.filter((h) => !isLexical(h.skillId));
    const wished = wishedSkills(learner, new Set(own.map((h) => h.skillId)), taxonomy, summary);
    const aims = ownTargets(wished, own, { learnerRegion: learner.region, learnerPrefersOnline: learner.prefersOnline, demandRegion: learner.region }, taxonomy);
    const demandAssessments = targets.map((t) => assessBreakdown(`demand:${t.demand.id}`, t.breakdown));
    const demandGap = gapOf(demandAssessments);
    const gap = aims.length > 0 ? gapOf([...demandAssessments, ...aims.map((a) => assessBreakdown(a.key, a.breakdown))]) : demandGap;
    const candidates = new Map<string, CourseInCampaign>();
    for (const skill of gap) {
      for (const course of coursesBySkill.get(skill.skillId) ?? []) {
        if (candidates.has(course.id)) continue;
        const prerequisite = prerequisites.get(course.id);
        candidates.set(course.id, {
          id: course.id,
          level: course.level,
          hours: course.hours,
          mode: course.mode,
          region: course.region,
          taught: new Map<string, Level>(course.taught),
          netCostYuan: subsidyOf(course, learner, learnerKey).netCostYuan,
          course,
          ...(prerequisite ? { prerequisite } : {}),
        });
      }
    }
    const ranked = placed(learner, own, wished.map((w) => w.skillId), rankCourses(gap, { region: learner.region, prefersOnline: learner.prefersOnline }, [...candidates.values()]));
    const recommendations: CampaignCourse[] = ranked.slice(0, RECOMMENDATIONS_PER_LEARNER).map((a) => {
      const { course } = a.course;
      const subsidy = subsidyOf(course, learner, learnerKey);
      return {
        id: course.id,
        ref: course.ref,
        title: course.title,
        provider: course.provider,
        mode: course.mode,
        region: course.region,
        hours: course.hours,
        score: round(a.score),
        priceYuan: subsidy.priceYuan,
        subsidyYuan: subsidy.totalYuan,
        toConfirmSubsidyYuan: subsidy.toConfirmYuan,
        subsidyRules: subsidy.eligible.map((s) => s.ruleId),
        toConfirmSubsidyRules: subsidy.toConfirm.map((s) => s.ruleId),
        netCostYuan: subsidy.netCostYuan,
        closes: a.closes.map((c) => c.skillId),
      };
    });
    return {
      matches,
      recommendations,
      gap: demandGap.slice(0, GAP_SKILLS_KEPT).map((s) => ({ skillId: s.skillId, role: s.role, weight: round(s.weight) })),
    };
  };
}
