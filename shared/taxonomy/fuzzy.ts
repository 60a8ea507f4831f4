/**
 * The fuzzy link: a skill phrase the dictionary cannot name (电池PACK/模组装配, 三电检修) is linked
 * to the taxonomy term it shares the most specific character pairs and words with, when the
 * likeness is high enough. The link is weaker evidence than a dictionary hit: it carries its own,
 * lower confidence, and matching credits it less.
 */
import { gramsOf } from '../domain/text/grams.js';
import { loadTaxonomy } from './taxonomy.js';
import type { Taxonomy } from './taxonomy.js';

/** Likeness (weighted Dice of grams) a phrase must reach to be linked. */
export const FUZZY_THRESHOLD = 0.5;
/** Share of the phrase's weighted grams the term must hold. */
const MIN_INPUT_COVERAGE = 0.6;
/** Confidence of a link at likeness 1; scaled down with the likeness. */
const FUZZY_CONFIDENCE = 0.7;

interface FuzzyIndex {
  /** gram → indexes into `terms`. */
  readonly postings: Map<string, number[]>;
  readonly terms: Array<{ readonly skillId: string; readonly weight: number; readonly grams: readonly string[] }>;
  readonly idf: Map<string, number>;
  readonly unknownWeight: number;
}

const cache = new WeakMap<Taxonomy, FuzzyIndex>();

function build(taxonomy: Taxonomy): FuzzyIndex {
  const raw: Array<{ skillId: string; grams: string[] }> = [];
  for (const skill of taxonomy.skills.values()) {
    if (skill.deprecated !== undefined) continue;
    for (const text of [skill.zh, skill.en, ...skill.synonyms.zh, ...skill.synonyms.en]) {
      const grams = gramsOf(text);
      if (grams.length > 0) raw.push({ skillId: skill.id, grams });
    }
  }
  const df = new Map<string, number>();
  for (const { grams } of raw) for (const g of grams) df.set(g, (df.get(g) ?? 0) + 1);
  const n = raw.length;
  const idf = new Map<string, number>();
  for (const [g, count] of df) idf.set(g, Math.log(1 + n / count));
  const unknownWeight = Math.log(1 + n);
  const postings = new Map<string, number[]>();
  const terms = raw.map(({ skillId, grams }, i) => {
    for (const g of grams) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
    return { skillId, grams, weight: grams.reduce((sum, g) => sum + (idf.get(g) ?? unknownWeight), 0) };
  });
  return { postings, terms, idf, unknownWeight };
}

/** A phrase's nearest taxonomy skill, and how alike they are (0–1). */
export interface FuzzyLink {
  readonly skillId: string;
  readonly likeness: number;
  readonly confidence: number;
}

/**
 * The skill whose label or synonym is most like `text`, when the likeness reaches
 * {@link FUZZY_THRESHOLD}; otherwise undefined (the phrase then stays lexical evidence only).
 * Likeness is the Dice coefficient of the two gram sets, each gram weighted by how rare it is
 * among the taxonomy's terms, so 电池 counts for more than a pair every other term shares.
 */
export function linkNearest(text: string, taxonomy: Taxonomy = loadTaxonomy()): FuzzyLink | undefined {
  let index = cache.get(taxonomy);
  if (!index) cache.set(taxonomy, (index = build(taxonomy)));
  const grams = gramsOf(text);
  if (grams.length === 0) return undefined;
  const weightOf = (g: string) => index.idf.get(g) ?? index.unknownWeight;
  const inputWeight = grams.reduce((sum, g) => sum + weightOf(g), 0);
  const shared = new Map<number, { weight: number; count: number }>();
  for (const g of grams) {
    for (const t of index.postings.get(g) ?? []) {
      const seen = shared.get(t);
      if (seen) {
        seen.weight += weightOf(g);
        seen.count += 1;
      } else shared.set(t, { weight: weightOf(g), count: 1 });
    }
  }
  // One shared pair is too little to name a skill (挡车工 shares only 车工 with lathe turning),
  // unless the phrase has no more than that one.
  const minShared = Math.min(2, grams.length);
  let best: FuzzyLink | undefined;
  for (const [t, { weight: overlap, count }] of shared) {
    if (count < minShared) continue;
    const term = index.terms[t]!;
    const likeness = (2 * overlap) / (inputWeight + term.weight);
    // Most of the phrase must be in the term: 划片机维护 shares 机维 维护 with 无人机维护, but its
    // own word, 划片, is not there.
    if (overlap / inputWeight < MIN_INPUT_COVERAGE) continue;
    if (likeness >= FUZZY_THRESHOLD && (!best || likeness > best.likeness)) {
      best = { skillId: term.skillId, likeness: Math.round(likeness * 100) / 100, confidence: Math.round(FUZZY_CONFIDENCE * likeness * 100) / 100 };
    }
  }
  return best;
}
