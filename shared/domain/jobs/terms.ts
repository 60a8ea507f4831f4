import type { Demand } from '../records.js';

/**
 * Search terms of the job index (docs/jobs.md). Chinese has no spaces and `Intl.Segmenter` splits
 * domain words (无人机驾驶员 → 无人|机|驾驶|员), so Han text is indexed as overlapping character
 * bigrams (无人 人机 机驾 驾驶 驶员) and a query matches when every one of its bigrams is present:
 * 无人机 finds 无人机驾驶员 whatever the segmenter would have made of either. Latin words and
 * numbers are indexed whole, lower-cased. Taxonomy skills are terms of their own (`s:<skillId>`),
 * so a skill filter reads one partition.
 */

/**
 * The query "every open demand of the region" (no words, no skill): answered from the region's
 * browse list, newest first, rather than from a term partition.
 */
export const ALL_TERM = '*';

/**
 * Most terms one demand is indexed under (each is one index item written with the demand, beside
 * at most 4 browse-list entries). With at most 60 skill-index entries a demand, a region move
 * deletes at most 94 entries: all of them still fit the record's own transaction, so a write cut
 * short never leaves a stale entry.
 */
export const MAX_TERMS_PER_DEMAND = 30;

/** Most bigrams a query is cut to: each is one Query. */
export const MAX_QUERY_TERMS = 6;

const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** The terms of a free text: Han bigrams (a lone character as itself) and latin/digit words of two characters or more. */
export function textTerms(text: string): string[] {
  const out = new Set<string>();
  for (const [run] of text.matchAll(HAN_RUN)) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  const latin = text.replace(HAN_RUN, ' ');
  for (const [word] of latin.matchAll(WORD)) if (word.length >= 2) out.add(word.toLowerCase());
  return [...out];
}

/** The term of a taxonomy skill. */
export const skillTerm = (skillId: string): string => `s:${skillId}`;

/**
 * The terms a demand is indexed under, most telling first and cut to {@link MAX_TERMS_PER_DEMAND}:
 * the title's terms, its required then preferred taxonomy skills, the
 * submitted skill texts' terms, then the description's.
 */
export function demandTerms(demand: Pick<Demand, 'title' | 'description' | 'requiredSkills' | 'preferredSkills'>): string[] {
  const skills = [...demand.requiredSkills, ...demand.preferredSkills];
  const ordered = [
    ...textTerms(demand.title),
    ...skills.flatMap((s) => (s.skillId ? [skillTerm(s.skillId)] : [])),
    ...skills.flatMap((s) => textTerms(s.text)),
    ...textTerms(demand.description.slice(0, 500)),
  ];
  return [...new Set(ordered)].slice(0, MAX_TERMS_PER_DEMAND);
}

/**
 * The terms a query must all match. Longer texts are cut to {@link MAX_QUERY_TERMS} terms spread
 * over the text, so a long query costs no more Queries than a short one.
 */
export function queryTerms(q: string): string[] {
  const all = textTerms(q);
  if (all.length <= MAX_QUERY_TERMS) return all;
  const step = all.length / MAX_QUERY_TERMS;
  return Array.from({ length: MAX_QUERY_TERMS }, (_, i) => all[Math.floor(i * step)]!);
}
