import { CLAUSE_BREAK } from '../text/cues.js';
import { gramsOf } from '../text/grams.js';
import type { Course, Learner } from '../records.js';

/**
 * The learner's own words as a last source of course candidates: what they wish for, what their
 * summary says and what their skills say, against each course's words, with the rarer shared words
 * counting more (an idf over the catalogue). It fills a short list where the taxonomy names
 * nothing ("想学无人机，回老家打药", "Revit建模"), after every course the gap ranks.
 */

/** Weight of a gram by where the learner wrote it: a wish says most about where they are going. */
const WEIGHT = { wants: 2, summary: 1, skills: 0.5 } as const;

// A clause that says what the person does not do or does not want carries no direction.
const NEGATED_CLAUSE = /不会|不懂|没(?:有|做过|学过|接触过|碰过|用过|干过)|不想|不要|不愿|不打算|不考虑/;

/** The learner's words, each gram with the highest weight it was written at. */
export function learnerWords(learner: Pick<Learner, 'summary' | 'skills'> & { readonly wants?: ReadonlyArray<{ readonly text: string }> | undefined }): Map<string, number> {
  const words = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const clause of text.split(CLAUSE_BREAK)) {
      if (NEGATED_CLAUSE.test(clause)) continue;
      for (const g of gramsOf(clause)) words.set(g, Math.max(words.get(g) ?? 0, weight));
    }
  };
  for (const w of learner.wants ?? []) add(w.text, WEIGHT.wants);
  add(learner.summary ?? '', WEIGHT.summary);
  for (const s of learner.skills) add(s.text, WEIGHT.skills);
  return words;
}

/** The text a course's words are read from: title, skills taught, certificate and description. */
export function courseText(course: Pick<Course, 'title' | 'skillsTaught' | 'certificate' | 'description'>): string {
  return [course.title, ...course.skillsTaught.map((s) => s.text), course.certificate ?? '', course.description].join('\n');
}

/** A course as the words scorer indexes it: by id (its text comes from the `textOf` given). */
export interface WordedCourse {
  readonly id: string;
}

interface CatalogueWords {
  readonly size: number;
  /** Each gram, the courses whose words hold it. */
  readonly postings: ReadonlyMap<string, readonly string[]>;
}

// The catalogue adapter (and a campaign's snapshot) hands out the same array while nothing
// changed, so its words are indexed once per copy, not on every recommendation.
const catalogueCache = new WeakMap<readonly WordedCourse[], CatalogueWords>();

function catalogueWords<C extends WordedCourse>(courses: readonly C[], textOf: (course: C) => string): CatalogueWords {
  let cached = catalogueCache.get(courses);
  if (!cached) {
    const postings = new Map<string, string[]>();
    for (const course of courses) {
      for (const g of new Set(gramsOf(textOf(course)))) {
        const list = postings.get(g);
        if (list) list.push(course.id);
        else postings.set(g, [course.id]);
      }
    }
    catalogueCache.set(courses, (cached = { size: courses.length, postings }));
  }
  return cached;
}

/**
 * How well each course's words meet the learner's, 0–1 (1 the best course), and the words shared;
 * courses sharing no word are absent. `textOf` must give the same text for the same array (its
 * index is kept per array).
 */
export function wordScores<C extends WordedCourse>(words: ReadonlyMap<string, number>, courses: readonly C[], textOf: (course: C) => string): Map<string, { score: number; shared: string[] }> {
  const { size, postings } = catalogueWords(courses, textOf);
  const found = new Map<string, { score: number; shared: string[] }>();
  for (const [g, weight] of words) {
    const holders = postings.get(g);
    if (!holders) continue;
    const idf = Math.log(1 + size / holders.length);
    for (const id of holders) {
      const entry = found.get(id);
      if (entry) {
        entry.score += weight * idf;
        entry.shared.push(g);
      } else found.set(id, { score: weight * idf, shared: [g] });
    }
  }
  const best = Math.max(0, ...[...found.values()].map((r) => r.score));
  for (const entry of found.values()) entry.score = best > 0 ? entry.score / best : 0;
  return found;
}
