/**
 * What the matching and recommendation evaluations share: reading a fixtures file, NDCG@10 and
 * recall@10 against graded judgements, and the BM25 baseline's text and tokens.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SkillInput } from '#shared/taxonomy/normalise.js';

/** How deep a ranking is judged. */
export const K = 10;

/** The lines of a JSON-lines file in a fixtures folder. */
export async function readJsonl<T>(fixtures: URL, file: string): Promise<T[]> {
  const body = await readFile(fileURLToPath(new URL(file, fixtures)), 'utf8');
  return body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** 2^grade − 1 discounted by log2(rank + 1), over the first K. */
function dcg(grades: readonly number[]): number {
  return grades.slice(0, K).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** NDCG@K (gain 2^grade − 1; an item not judged counts 0) and recall@K of the items graded ≥ 2. */
export function evaluate(ranked: readonly string[], judged: ReadonlyMap<string, number>): { readonly ndcg: number; readonly recall: number } {
  const ideal = dcg([...judged.values()].sort((a, b) => b - a));
  const relevant = [...judged].filter(([, g]) => g >= 2).map(([id]) => id);
  const top = ranked.slice(0, K);
  return {
    // A query with nothing relevant has no NDCG (TREC leaves such topics out of the mean).
    ndcg: ideal > 0 ? dcg(top.map((id) => judged.get(id) ?? 0)) / ideal : Number.NaN,
    recall: relevant.length > 0 ? relevant.filter((id) => top.includes(id)).length / relevant.length : Number.NaN,
  };
}

/** The mean of the finite values (NaN when there are none). */
export const mean = (values: readonly number[]): number => {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length === 0 ? Number.NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
};

/** A record's skill list as BM25 reads it: the texts, with their levels. */
export const skillText = (skills: unknown): string =>
  (Array.isArray(skills) ? (skills as SkillInput[]) : []).map((s) => (typeof s === 'string' ? s : `${s.skill} ${s.level ?? ''}`)).join(' ');

// Latin words whole, Chinese as overlapping character bigrams (single characters when alone):
// the usual way to run BM25 over Chinese without a word segmenter.
const HAN_RUN = /[\u3400-\u9fff]+|[a-z0-9+#.]+/giu;

/** BM25's tokens. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.toLowerCase().matchAll(HAN_RUN)) {
    if (!/[\u3400-\u9fff]/u.test(run)) out.push(run);
    else if (run.length === 1) out.push(run);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}
