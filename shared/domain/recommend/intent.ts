/**
 * What a learner's summary says beyond what they hold: the skills they want ("想学无人机航拍",
 * "希望以后能转行做数据分析", "interested in data analysis"), as extraction reads wishes; and the
 * skills it otherwise mentions, their history or what they say they lack ("没做过BIM")
 * (`mentionedSkills`). Both are weak extra targets of a recommendation, never skills held
 * (matching reads a summary's held skills itself, as weaker evidence: `matchingSkills`).
 */
import { extractSkills, type Extraction } from '../../taxonomy/extract.js';
import type { Level } from '../../taxonomy/levels.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { DEFAULT_NEEDED_LEVEL } from './gap.js';

/** One skill the learner wants, with the level written near it when there is one. */
export interface WantedSkill {
  readonly skillId: string;
  readonly level?: Level;
}

/**
 * The taxonomy skills a summary says the learner wants, each once, in text order: those extraction
 * reads as wishes (想学…, 希望以后能转行做…, "would like to learn …"; cues.ts), with the level
 * written near each when there is one. A caller that also reads the summary's mentions passes the
 * one extraction to both.
 */
export function wantedSkills(summary: string, taxonomy: Taxonomy, extraction: Extraction = extractSkills(summary, taxonomy)): WantedSkill[] {
  return extraction.wants.map((w) => (w.level === undefined ? { skillId: w.skillId } : { skillId: w.skillId, level: w.level }));
}

/**
 * What a learner wishes to learn: the profile's wants and the wishes in their summary, each skill
 * once, leaving out what they already hold.
 */
export function wishedSkills(
  learner: { readonly summary?: string | undefined; readonly wants?: ReadonlyArray<{ readonly skillId?: string | null | undefined }> | undefined },
  held: ReadonlySet<string>,
  taxonomy: Taxonomy,
  summary: Extraction = extractSkills(learner.summary ?? '', taxonomy),
): WantedSkill[] {
  const wanted: WantedSkill[] = [...(learner.wants ?? []).flatMap((w) => (w.skillId ? [{ skillId: w.skillId }] : [])), ...wantedSkills(learner.summary ?? '', taxonomy, summary)];
  return [...new Map(wanted.filter((w) => !held.has(w.skillId)).map((w) => [w.skillId, w])).values()];
}

/** The needs of a wish: preferred (a wish weighs as a preferred skill does), at the level written or working knowledge. */
export const wishNeeds = (wanted: readonly WantedSkill[]) =>
  wanted.map((w) => ({ skillId: w.skillId, level: w.level ?? DEFAULT_NEEDED_LEVEL, role: 'preferred' as const }));

/** Extractor confidence from which a skill the summary mentions is read (a typo match is about 0.7). */
export const MENTION_MIN_CONFIDENCE = 0.85;

/**
 * The taxonomy skills a summary mentions outside any wish ("后转做无人机巡线三年" → 无人机巡检),
 * and those it says the learner cannot do yet ("没做过BIM"), in text order: the field the learner's
 * history points to, as they wrote it. What they turn down ("不做数据分析", "不想学焊接") is no
 * mention: extraction reads it as refused, as it reads lacks and wishes apart (one reading of
 * negation for matching and recommendations). A recommendation uses them as one more weak target
 * that only fills a short list. `except` leaves out skills already counted (held, or wished for).
 */
export function mentionedSkills(summary: string, taxonomy: Taxonomy, except: ReadonlySet<string> = new Set(), extraction: Extraction = extractSkills(summary, taxonomy)): WantedSkill[] {
  const named = extraction.items.filter((item) => item.confidence >= MENTION_MIN_CONFIDENCE);
  // What someone says they cannot do yet (不会CAD, 没做过BIM, 没碰过PLC) is a skill of their path
  // that they know they lack: it is mentioned, never held.
  const mentions = [...named, ...extraction.negated].sort((a, b) => a.span[0] - b.span[0]);
  const ids = new Set(mentions.map((m) => m.skillId).filter((id) => !except.has(id)));
  return [...ids].map((skillId) => ({ skillId }));
}
