/**
 * Turns the skills a person or a posting lists (ids, free text, with or without a level) into
 * what we store: taxonomy ids where the text maps, and the original text always.
 */
import { hasNegationOrWish } from '../domain/text/cues.js';
import { extractSkills } from './extract.js';
import { linkNearest } from './fuzzy.js';
import { parseLevel, unknownLevelMessage } from './levels.js';
import type { Level } from './levels.js';
import { loadTaxonomy } from './taxonomy.js';
import type { Taxonomy } from './taxonomy.js';

/** One stored skill. */
export interface StoredSkill {
  /** What was entered, kept so that nothing a person typed is lost to the mapping. */
  readonly text: string;
  /** The taxonomy id, or `null` when the text maps to no skill. */
  readonly skillId: string | null;
  readonly level: Level | null;
  /** 1 for an id given as such, the extractor's confidence for text, 0 when unmapped. */
  readonly confidence: number;
  /** Set when the skill id comes from the fuzzy link (a likeness, not a dictionary hit): weaker evidence. */
  readonly match?: 'fuzzy';
  /** Set on what a person wants to learn or do ("想学AI数据标注"): never scored as held. */
  readonly intent?: 'want';
}

export interface NormaliseOptions {
  /**
   * Read wishes as wishes: skills named after 想学/希望从事/want to … come back with
   * `intent: 'want'`. For what people hold (profiles); postings keep them as needs, because
   * "希望你会Python" asks for the skill. @default false
   */
  readonly splitWants?: boolean;
}

/** A skill as entered: free text or an id, alone or with a level (number or word). */
export type SkillInput = string | { readonly skill: string; readonly level?: string | number };

/** An input that could not be read; `index` points into the inputs. */
export interface SkillInputError {
  readonly index: number;
  readonly message: string;
}

/** The longest phrase a form takes for one skill. */
export const SKILL_TEXT_MAX = 200;

/** Between two phrases a person wrote for one skill. */
const TEXT_SEPARATOR = '；';

/**
 * Every phrase a person wrote for one skill, in their order ("3D点云标注；2D-3D联合标注"): no
 * phrase is lost to the merge. A phrase that would take the whole past what a form accepts for one
 * skill (`SKILL_TEXT_MAX`) is left out, so the profile can be sent back as it reads; sent back, the
 * phrases are read one by one again (`normaliseSkillInputs`), and the texts stay the same.
 */
function joinedText(previous: string, next: string): string {
  if (previous.split(TEXT_SEPARATOR).includes(next)) return previous;
  const joined = `${previous}${TEXT_SEPARATOR}${next}`;
  return joined.length > SKILL_TEXT_MAX ? previous : joined;
}

/**
 * Normalises a list of skill inputs.
 *
 * - An input that is exactly a taxonomy id maps directly, confidence 1 (a deprecated id to its
 *   `replacedBy`).
 * - Free text yields one entry per skill found in it, each with the same `text`; text in which no
 *   skill is found is kept as one entry with `skillId: null`.
 * - An explicit level beats level words in the text ("熟练使用Python" with level 5 → 5). A level
 *   `parseLevel` cannot read is an error for that input, which is then left out.
 * - Entries for the same skill merge into one, keeping the highest level (and the best confidence)
 *   and every phrase written for it (`joinedText`). Unmapped entries merge by their text.
 * - An input of several phrases joined with ； (as stored) is read phrase by phrase.
 */
export function normaliseSkillInputs(
  inputs: readonly SkillInput[],
  taxonomy: Taxonomy = loadTaxonomy(),
  options: NormaliseOptions = {},
): { skills: StoredSkill[]; errors: SkillInputError[] } {
  const errors: SkillInputError[] = [];
  const found: StoredSkill[] = [];

  const textOf = (input: SkillInput) => (typeof input === 'string' ? input : input.skill).trim();
  // The rest of the list, for words whose skill depends on the work around them (extract.ts, SENSES).
  const context = inputs.length > 1 ? inputs.map(textOf).join(TEXT_SEPARATOR) : undefined;
  inputs.forEach((input, index) => {
    const text = textOf(input);
    const rawLevel = typeof input === 'string' ? undefined : input.level;
    if (text === '') {
      errors.push({ index, message: 'skill is empty' });
      return;
    }
    let explicit: Level | undefined;
    if (rawLevel !== undefined && rawLevel !== '') {
      explicit = parseLevel(rawLevel);
      if (explicit === undefined) {
        errors.push({
          index,
          message: `level ${unknownLevelMessage(rawLevel)}`,
        });
        return;
      }
    }

    // Phrases stored together for one skill ("A；B") are read one by one, as they were written.
    for (const phrase of text.split(TEXT_SEPARATOR).map((p) => p.trim()).filter((p) => p !== '')) readPhrase(phrase, explicit);
  });

  function readPhrase(text: string, explicit: Level | undefined): void {
    const byId = taxonomy.getSkill(text);
    if (byId !== undefined) {
      // A retired id (stored before it was retired) moves to its replacement.
      const skillId = byId.deprecated?.replacedBy ?? byId.id;
      found.push({ text, skillId, level: explicit ?? null, confidence: 1 });
      return;
    }

    const extraction = extractSkills(text, taxonomy, context);
    const items = options.splitWants ? extraction.items : [...extraction.items, ...extraction.wants.map((w) => ({ skillId: w.skillId, confidence: 0.9, level: undefined }))];
    const wants = options.splitWants ? extraction.wants : [];
    for (const want of wants) found.push({ text, skillId: want.skillId, level: null, confidence: 0.9, intent: 'want' });
    for (const item of items) {
      found.push({ text, skillId: item.skillId, level: explicit ?? item.level ?? null, confidence: item.confidence });
    }
    if (items.length > 0 || wants.length > 0) return;
    // Nothing named: link the phrase to the nearest skill by likeness, unless it says the skill is
    // lacking or wished for; otherwise keep the text alone (it still counts as words).
    const link = extraction.negated.length > 0 || hasNegationOrWish(text) ? undefined : linkNearest(text, taxonomy);
    if (link !== undefined && options.splitWants !== false) {
      found.push({ text, skillId: link.skillId, level: explicit ?? null, confidence: link.confidence, match: 'fuzzy' });
      return;
    }
    found.push({ text, skillId: null, level: explicit ?? null, confidence: 0 });
  }

  const merged = new Map<string, StoredSkill>();
  for (const skill of found) {
    const key = skill.skillId === null ? `text:${skill.text}` : `${skill.intent ?? 'has'}:${skill.skillId}`;
    const previous = merged.get(key);
    if (previous === undefined) {
      merged.set(key, skill);
      continue;
    }
    const level = previous.level === null ? skill.level : skill.level === null ? previous.level : (Math.max(previous.level, skill.level) as Level);
    const kept = skill.confidence > previous.confidence ? skill : previous;
    const text = joinedText(previous.text, skill.text);
    // Named anywhere beats linked by likeness.
    const { match: _linked, ...named } = kept;
    merged.set(key, previous.match === 'fuzzy' && skill.match === 'fuzzy' ? { ...kept, text, level } : { ...named, text, level });
  }
  const all = [...merged.values()];
  const held = new Set(all.flatMap((s) => (s.intent === undefined && s.skillId ? [s.skillId] : [])));
  return { skills: all.filter((s) => s.intent === undefined || !held.has(s.skillId ?? '')), errors };
}
