import { gramsOf } from '../text/grams.js';
import { hasNegationOrWish } from '../text/cues.js';
import type { IndexedSkill } from '../records.js';

/**
 * Lexical evidence: what the taxonomy cannot name still counts, by the words themselves.
 *
 * - A demand phrase that maps to no skill (电池PACK/模组装配) becomes a *lexical need*: its grams
 *   (Chinese character pairs, Latin words), written as one vector entry `~电池+pack+模组+组装+装配`.
 * - A learner holds the grams of every skill and certificate phrase (`~万用 ~用表 …`), except
 *   phrases that say the skill is lacking or wished for (不会CAD, 想学叉车).
 * - A lexical need is met in the share of its grams the learner holds, at most
 *   {@link LEXICAL_CREDIT}: words are weaker evidence than a skill the taxonomy recognises.
 *
 * Every gram is also an index partition (`IDX#<KIND>#~<gram>`), so retrieval finds what lexical
 * evidence scores: the top k stay exact.
 */

/** Credit of a lexical need whose every gram the learner holds. */
export const LEXICAL_CREDIT = 0.7;
/** Prefix of lexical entries in skill vectors and of their index partitions. */
export const LEXICAL_PREFIX = '~';
/** Grams one phrase may contribute, and one record in all (each gram is an index item). */
const MAX_PHRASE_GRAMS = 10;
const MAX_RECORD_GRAMS = 40;

export const isLexical = (skillId: string): boolean => skillId.startsWith(LEXICAL_PREFIX);

/** The grams a lexical entry stands for (`~电池+pack` → [电池, pack]; a held `~电池` → [电池]). */
export const gramsOfEntry = (skillId: string): string[] => skillId.slice(LEXICAL_PREFIX.length).split('+');

/** The grams of one phrase as evidence, or none when the phrase negates or wishes. */
export function phraseGrams(text: string): string[] {
  return hasNegationOrWish(text) ? [] : gramsOf(text).slice(0, MAX_PHRASE_GRAMS);
}

interface Phrase {
  readonly text: string;
  readonly skillId: string | null;
}

/** A demand's lexical needs: one per phrase that maps to no skill. */
export function lexicalNeeds(required: readonly Phrase[], preferred: readonly Phrase[]): IndexedSkill[] {
  return lexicalPhrases(required, preferred).map((p) => p.need);
}

/**
 * The phrase a demand's poster wrote for each of its lexical needs, by need id: explanations name
 * the need with it where the demand is at hand, since its grams alone can read oddly (熟悉本地路线
 * keeps 悉本 and 路线).
 */
export function lexicalNeedTexts(required: readonly Phrase[], preferred: readonly Phrase[]): Map<string, string> {
  return new Map(lexicalPhrases(required, preferred).map((p) => [p.need.skillId, p.text]));
}

function lexicalPhrases(required: readonly Phrase[], preferred: readonly Phrase[]): Array<{ readonly need: IndexedSkill; readonly text: string }> {
  const out: Array<{ readonly need: IndexedSkill; readonly text: string }> = [];
  let budget = MAX_RECORD_GRAMS;
  const add = (phrases: readonly Phrase[], role: 'required' | 'preferred') => {
    for (const p of phrases) {
      if (p.skillId !== null) continue;
      const grams = phraseGrams(p.text).slice(0, budget);
      if (grams.length === 0) continue;
      budget -= grams.length;
      out.push({ need: { skillId: `${LEXICAL_PREFIX}${grams.join('+')}`, level: null, role }, text: p.text });
    }
  };
  add(required, 'required');
  add(preferred, 'preferred');
  return out;
}

/**
 * A demand's skill needs with the grams of the phrases that named them: credit for a need is the
 * better of the skill held and the words shared, so 电池模组/PACK装配 (power-battery-systems) is
 * also met by someone who wrote 能独立完成模组装配 and 电池PACK without naming the skill.
 */
export function withPhraseGrams(needs: readonly IndexedSkill[], phrases: readonly Phrase[]): IndexedSkill[] {
  return needs.map((need) => {
    const grams = new Set<string>();
    // A skill given by its id says nothing in words.
    for (const p of phrases) if (p.skillId === need.skillId && p.text !== p.skillId) for (const g of phraseGrams(p.text)) grams.add(g);
    return grams.size === 0 ? need : { ...need, grams: [...grams].slice(0, MAX_PHRASE_GRAMS) };
  });
}

/** What a learner (or course) holds lexically: the grams of every phrase, each once. */
export function lexicalHaves(texts: readonly string[], role: 'held' | 'taught'): IndexedSkill[] {
  const grams = new Set<string>();
  for (const text of texts) {
    for (const g of phraseGrams(text)) {
      if (grams.size >= MAX_RECORD_GRAMS) break;
      grams.add(g);
    }
  }
  return [...grams].map((g) => ({ skillId: `${LEXICAL_PREFIX}${g}`, level: null, role }));
}

/** The index partitions of a vector: each skill once, and each gram of lexical entries once. */
export function partitionsOf(entries: readonly IndexedSkill[]): string[] {
  const out = new Set<string>();
  for (const e of entries) {
    if (isLexical(e.skillId)) for (const g of gramsOfEntry(e.skillId)) out.add(`${LEXICAL_PREFIX}${g}`);
    else out.add(e.skillId);
    for (const g of e.grams ?? []) out.add(`${LEXICAL_PREFIX}${g}`);
  }
  return [...out];
}

/**
 * Credit of a lexical need against the grams a learner holds: the share of its grams held, times
 * {@link LEXICAL_CREDIT}; also the grams that matched, for the explanation.
 */
export function lexicalCredit(needId: string, held: ReadonlySet<string>, phrase?: readonly string[]): { credit: number; matched: string[] } {
  const grams = phrase ?? gramsOfEntry(needId);
  const matched = grams.filter((g) => held.has(`${LEXICAL_PREFIX}${g}`));
  return { credit: grams.length === 0 ? 0 : (LEXICAL_CREDIT * matched.length) / grams.length, matched };
}
