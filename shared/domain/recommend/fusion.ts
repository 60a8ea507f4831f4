import type { Level } from '../../taxonomy/levels.js';
import { ASSUMED_HELD_LEVEL, type MatchTaxonomy } from '../matching/score.js';
import type { Have } from '../matching/types.js';
import { round } from '../numbers.js';
import { meetsPrerequisite, UNMET_PREREQUISITE_FIT, type Prerequisite } from './prerequisite.js';
import { tooBasicFor, tradeFit, tradeOf, type Trade, type TradeFit } from './trade.js';

/**
 * The order of a learner's courses, as their own list and a bureau campaign both give it. Each
 * course brings three things: its score against the learner's gap, the learner's own words against
 * the course's (times its level and place suitability), and its fit for this learner (trade, and
 * what it asks for on entry). Two votes are fused by rank: the score (gap and words, times the fit)
 * and the words alone (times the fit).
 */

/**
 * Share of a ranked course's score that the learner's own words carry (wishes, summary, skills
 * against the course's words); the rest is its score against the gap, relative to the best course.
 */
export const WORDS_SHARE = 0.5;
/**
 * Reciprocal rank fusion of a course's rank by its score and its rank by the learner's own words
 * alone. A gap score is read relative to the best course, so its size says little when every
 * course closes little; ranks do not depend on it, and the second vote lets the person's own trade
 * as they write it break what the gap alone would put first (hybrid search fuses a keyword and a
 * semantic ranking the same way). RRF's usual damping is 60 over long lists; a list of ten needs
 * its head to count, hence 3. Tuning sets: blind mean 0.820 → 0.832, every blind set up (+0.005 …
 * +0.026; blind 9, written after the weights were chosen, +0.013), colloquial dev −0.009,
 * taxonomy words −0.013.
 */
export const RRF_K = 3;
/** Weight of the words' vote against the score's (1). */
export const WORDS_RANK_WEIGHT = 0.3;

/** How a course suits this learner whatever it closes: its trade fit, and what it asks for on entry that they lack. */
export interface CourseFit {
  readonly trade: TradeFit;
  /** The skills the course asks for on entry, when the learner holds none of them. */
  readonly unmet?: readonly string[];
  /** What the course's votes are multiplied by. */
  readonly factor: number;
}

/**
 * A course's fit for a learner of this trade holding these levels: its trade fit (trade.ts), times
 * `UNMET_PREREQUISITE_FIT` when it asks for something on entry they lack (prerequisite.ts).
 */
export function courseFit(
  course: FittedCourse,
  trade: Trade,
  held: ReadonlyMap<string, number>,
  tooBasic: (taught: ReadonlyMap<string, Level>) => boolean,
): CourseFit {
  const fit = tradeFit(course.taught, trade, held, tooBasic);
  const { prerequisite } = course;
  if (prerequisite === undefined || meetsPrerequisite(prerequisite, held)) return { trade: fit, factor: fit.factor };
  return { trade: fit, unmet: prerequisite.skillIds, factor: fit.factor * UNMET_PREREQUISITE_FIT };
}

/** A course as its fit reads it: the skills it raises, and what it asks for on entry. */
export type FittedCourse = { readonly taught: ReadonlyMap<string, Level>; readonly prerequisite?: Prerequisite | undefined };

/**
 * How courses fit one learner: the level held in each of their taxonomy skills (an unstated one
 * assumed: what a course teaches above it is new), and `courseFit` with their trade, which is what
 * they hold and wish for (not a target's gap, which an off-trade target would drag in).
 */
export function learnerFit(haves: readonly Have[], wished: readonly string[], taxonomy: Pick<MatchTaxonomy, 'getSkill'>): { readonly held: ReadonlyMap<string, number>; readonly fitOfCourse: (course: FittedCourse) => CourseFit } {
  const held = new Map(haves.map((h) => [h.skillId, h.level ?? ASSUMED_HELD_LEVEL]));
  const trade = tradeOf([...held.keys(), ...wished], taxonomy);
  const tooBasic = tooBasicFor(haves, taxonomy);
  return { held, fitOfCourse: (course) => courseFit(course, trade, held, tooBasic) };
}

/** What a course brings to the order. */
export interface CourseVotes {
  readonly id: string;
  /** Its score against the gap (0 for a course found by the learner's words alone). */
  readonly gap: number;
  /** The learner's words against the course's, 0–1, times its level and place suitability. */
  readonly words: number;
  /** Its fit for this learner (`courseFit`), weighing both votes. */
  readonly fit: number;
}

/**
 * Each course's place in the list, 0–1 (1 = first by both votes): `1/(RRF_K + rank)` for its rank
 * by score and, weighing `WORDS_RANK_WEIGHT`, for its rank by the words alone. A course with no
 * score or no shared words gets no vote there.
 */
export function fusedPlaces(courses: readonly CourseVotes[]): Map<string, number> {
  const best = Math.max(1e-9, ...courses.map((c) => c.gap));
  const byScore = ranksOf(courses.map((c) => [c.id, ((1 - WORDS_SHARE) * (c.gap / best) + WORDS_SHARE * c.words) * c.fit]));
  const byWords = ranksOf(courses.map((c) => [c.id, c.words * c.fit]));
  const vote = (rank: number | undefined) => (rank === undefined ? 0 : 1 / (RRF_K + rank));
  const first = (1 + WORDS_RANK_WEIGHT) / (RRF_K + 1);
  return new Map(courses.map((c) => [c.id, round((vote(byScore.get(c.id)) + WORDS_RANK_WEIGHT * vote(byWords.get(c.id))) / first, 4)]));
}

/** Rank (1 = first) of each id with a positive value, highest first; ties by id. */
function ranksOf(values: ReadonlyArray<readonly [string, number]>): Map<string, number> {
  const order = values.filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Map(order.map(([id], i) => [id, i + 1]));
}
