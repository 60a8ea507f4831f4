/**
 * What a learner says they want to learn, read from their summary ("想学无人机航拍", "interested in
 * data analysis"): the taxonomy skills named right after an intent phrase, in the same clause; and
 * the skills the summary otherwise mentions (`mentionedSkills`). Both are weak extra targets of a
 * recommendation, never skills held (the matching scorer ignores the summary).
 *
 * Cheap: one regular expression over the summary; the extractor runs only on the clauses that
 * follow an intent phrase, so a summary without one costs a single regex test.
 */
import { extractSkills } from '../../taxonomy/extract.js';
import type { Level } from '../../taxonomy/levels.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { DEFAULT_NEEDED_LEVEL } from './gap.js';

/**
 * Phrases that introduce what someone wants to learn or work at, in Chinese and English: to learn
 * (想学…), to do or become (想做, 想当, 想成为), to try (想试试), to move toward (想往…发展).
 */
const INTENT =
  /想学|想要学|希望学|打算学|计划学|准备学|想从事|希望从事|想转行|想做|希望做|想当|想成为|希望成为|想试试|想尝试|想往|wants? to learn|would like to learn|hop(?:e|es|ing) to learn|plan(?:s|ning)? to learn|interested in|wants? to work (?:in|as)|wants? to become|would like to (?:work (?:in|as)|become)/giu;

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

/**
 * What a learner wishes to learn: the profile's wants and the wishes in their summary (想学…),
 * each skill once, leaving out what they already hold.
 */
export function wishedSkills(learner: { readonly summary?: string | undefined; readonly wants?: ReadonlyArray<{ readonly skillId?: string | null | undefined }> | undefined }, held: ReadonlySet<string>, taxonomy: Taxonomy): WantedSkill[] {
  const wanted: WantedSkill[] = [...(learner.wants ?? []).flatMap((w) => (w.skillId ? [{ skillId: w.skillId }] : [])), ...wantedSkills(learner.summary ?? '', taxonomy)];
  return [...new Map(wanted.filter((w) => !held.has(w.skillId)).map((w) => [w.skillId, w])).values()];
}

/** The needs of a wish: preferred (a wish weighs as a preferred skill does), at the level written or working knowledge. */
export const wishNeeds = (wanted: readonly WantedSkill[]) =>
  wanted.map((w) => ({ skillId: w.skillId, level: w.level ?? DEFAULT_NEEDED_LEVEL, role: 'preferred' as const }));

/** Extractor confidence from which a skill the summary mentions is read (a typo match is about 0.7). */
export const MENTION_MIN_CONFIDENCE = 0.85;
/** A negation just before a mention (不做数据分析, 没学过焊接, "no SQL", "not a welder"). */
const NEGATED_MENTION_ZH = /[不没]\S{0,2}$/u;
const NEGATED_MENTION_EN = /(?:\bnot|n't|\bno|\bnever)\s+(?:\S+\s+)?$/iu;

/**
 * The taxonomy skills a summary mentions outside any wish, not negated ("后转做无人机巡线三年" →
 * 无人机巡检): the field the learner's history points to, as they wrote it. Never read as held
 * (matching ignores the summary); a recommendation uses them as one more weak target that only
 * fills a short list. `except` leaves out skills already counted (held, or wished for).
 */
export function mentionedSkills(summary: string, taxonomy: Taxonomy, except: ReadonlySet<string> = new Set()): WantedSkill[] {
  if (summary.trim() === '') return [];
  const found = new Map<string, WantedSkill>();
  for (const item of extractSkills(summary, taxonomy).items) {
    if (item.confidence < MENTION_MIN_CONFIDENCE || except.has(item.skillId) || found.has(item.skillId)) continue;
    const before = summary.slice(Math.max(0, item.span[0] - 12), item.span[0]);
    if (NEGATED_MENTION_ZH.test(before) || NEGATED_MENTION_EN.test(before)) continue;
    found.set(item.skillId, { skillId: item.skillId });
  }
  return [...found.values()];
}
