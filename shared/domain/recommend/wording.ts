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

/** A course's words: title, skills taught, certificate and description. */
export function courseWords(course: Pick<Course, 'title' | 'skillsTaught' | 'certificate' | 'description'>): Set<string> {
  return new Set(gramsOf([course.title, ...course.skillsTaught.map((s) => s.text), course.certificate ?? '', course.description].join('\n')));
}

interface CatalogueWords {
  readonly bags: ReadonlyArray<readonly [string, Set<string>]>;
  readonly df: ReadonlyMap<string, number>;
}

// The catalogue adapter hands out the same array while nothing changed, so its words and their
// document frequencies are worked out once per copy, not on every recommendation.
const catalogueCache = new WeakMap<readonly Course[], CatalogueWords>();

function catalogueWords(courses: readonly Course[]): CatalogueWords {
  let cached = catalogueCache.get(courses);
  if (!cached) {
    const bags = courses.map((c) => [c.id, courseWords(c)] as const);
    const df = new Map<string, number>();
    for (const [, bag] of bags) for (const g of bag) df.set(g, (df.get(g) ?? 0) + 1);
    catalogueCache.set(courses, (cached = { bags, df }));
  }
  return cached;
}

/** How well each course's words meet the learner's, 0–1 (1 the best course), and the words shared. */
export function wordScores(words: ReadonlyMap<string, number>, courses: readonly Course[]): Map<string, { score: number; shared: string[] }> {
  const { bags, df } = catalogueWords(courses);
  const raw = bags.map(([id, bag]) => {
    let score = 0;
    const shared: string[] = [];
    for (const [g, weight] of words) {
      if (!bag.has(g)) continue;
      score += weight * Math.log(1 + bags.length / (df.get(g) ?? 1));
      shared.push(g);
    }
    return { id, score, shared };
  });
  const best = Math.max(0, ...raw.map((r) => r.score));
  return new Map(raw.map((r) => [r.id, { score: best > 0 ? r.score / best : 0, shared: r.shared }]));
}
