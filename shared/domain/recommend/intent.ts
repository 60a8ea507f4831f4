/**
 * What a learner says they want to learn, read from their summary ("想学无人机航拍", "interested in
 * data analysis"): the taxonomy skills named right after an intent phrase, in the same clause. They
 * are weak extra targets of a recommendation, never skills held (the matching scorer ignores the
 * summary, and so does this for anything but wishes).
 *
 * Cheap: one regular expression over the summary; the extractor runs only on the clauses that
 * follow an intent phrase, so a summary without one costs a single regex test.
 */
import { extractSkills } from '../../taxonomy/extract.js';
import type { Level } from '../../taxonomy/levels.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { DEFAULT_NEEDED_LEVEL } from './gap.js';

/** Phrases that introduce what someone wants to learn or work at, in Chinese and English. */
const INTENT =
  /想学|想要学|希望学|打算学|计划学|想从事|希望从事|想转行|wants? to learn|would like to learn|hop(?:e|es|ing) to learn|plan(?:s|ning)? to learn|interested in|wants? to work (?:in|as)/giu;

/** What ends the clause a wish reaches over (an enumeration comma 、 does not: 想学A、B wants both). */
const CLAUSE_END = /[。；;！!？?\n，,]|\.(?:\s|$)/u;

/** A negation right before the phrase (不想学, 没打算学, "not interested in", "don't want to learn"). */
const NEGATED_ZH = /[不没无]$/u;
const NEGATED_EN = /(?:\bnot|n't|\bnever|\bno longer)\s*$/iu;

/** One skill the learner wants, with the level written near it when there is one. */
export interface WantedSkill {
  readonly skillId: string;
  readonly level?: Level;
}

/** The clauses of `text` that follow an intent phrase (not negated), in order. */
export function intentClauses(text: string): string[] {
  const clauses: string[] = [];
  for (const match of text.matchAll(INTENT)) {
    const at = match.index ?? 0;
    const before = text.slice(Math.max(0, at - 12), at);
    if (NEGATED_ZH.test(before) || NEGATED_EN.test(before)) continue;
    const rest = text.slice(at + match[0].length);
    const end = rest.search(CLAUSE_END);
    const clause = (end < 0 ? rest : rest.slice(0, end)).trim();
    if (clause !== '') clauses.push(clause);
  }
  return clauses;
}

/** The taxonomy skills a summary says the learner wants to learn, each once, in text order. */
export function wantedSkills(summary: string, taxonomy: Taxonomy): WantedSkill[] {
  if (summary.search(INTENT) < 0) return [];
  const found = new Map<string, WantedSkill>();
  for (const clause of intentClauses(summary)) {
    for (const item of extractSkills(clause, taxonomy).items) {
      if (!found.has(item.skillId)) found.set(item.skillId, item.level === undefined ? { skillId: item.skillId } : { skillId: item.skillId, level: item.level });
    }
  }
  return [...found.values()];
}

/** The needs of a wish: preferred (a wish weighs as a preferred skill does), at the level written or working knowledge. */
export const wishNeeds = (wanted: readonly WantedSkill[]) =>
  wanted.map((w) => ({ skillId: w.skillId, level: w.level ?? DEFAULT_NEEDED_LEVEL, role: 'preferred' as const }));
