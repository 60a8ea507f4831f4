import type { Level } from '../../taxonomy/levels.js';

/**
 * Shared vocabulary of matching, shortage and recommendations. Scores are built from evidence
 * only: nothing missing is ever counted as agreement.
 */

/** A skill a demand (or occupation) needs. Required skills weigh more than preferred ones. */
export interface Need {
  /** A taxonomy skill id, or a lexical need (`~电池+pack`, see lexical.ts). */
  readonly skillId: string;
  readonly level: Level | null;
  readonly role: 'required' | 'preferred';
  /** Linked by likeness rather than named: credited less. */
  readonly fuzzy?: boolean;
  /** The grams of the phrase that named it: shared words earn lexical credit when the skill is not held. */
  readonly grams?: readonly string[];
  /** Named by the posting's title, not its skill lists (`IndexedSkill.fromTitle`). */
  readonly fromTitle?: true;
}

/** A skill a learner holds. */
export interface Have {
  /** A taxonomy skill id, or a gram the learner's words hold (`~万用`). */
  readonly skillId: string;
  readonly level: Level | null;
  readonly fuzzy?: boolean;
  /** The credential that attests it, when the learner does not name the skill (`IndexedSkill.attestedBy`). */
  readonly attestedBy?: string;
}

/** How one needed skill was met, partly met or missed, with the evidence a person can check. */
export interface SkillEvidence {
  readonly skillId: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly role: Need['role'];
  readonly needed: Level | null;
  readonly held: Level | null;
  /** 0–1: 1 fully met; between for a lower level or a related/parent/child skill; 0 missing. */
  readonly credit: number;
  /** Set for a lexical need: the words of the need the learner's own words share. */
  readonly lexical?: { readonly matched: readonly string[] };
  /** Set when the skill was linked by likeness on either side (credited less). */
  readonly fuzzy?: boolean;
  /** Set when the learner holds the skill through a credential that attests it (叉车证 → 叉车操作), not by naming it. */
  readonly attestedBy?: { readonly skillId: string; readonly label: { readonly zh: string; readonly en: string } };
  /** Set when the need is one the posting's title names, not its skill lists. */
  readonly fromTitle?: true;
  /** Set when the credit comes from another skill the learner holds. */
  readonly via?: { readonly skillId: string; readonly relation: 'parent' | 'child' | 'related'; readonly label: { readonly zh: string; readonly en: string } };
}

export interface RegionFit {
  /** 0 same district, 1 same city, 2 same province, 3 elsewhere. */
  readonly distance: 0 | 1 | 2 | 3;
  /** 0–1 share of the region component. */
  readonly credit: number;
  /** Plain words, e.g. "同在北京市延庆区" / "both in Yanqing District, Beijing". */
  readonly reason: { readonly zh: string; readonly en: string };
}

export interface MatchBreakdown {
  /** 0–1. */
  readonly score: number;
  /** 0–1: the skill part of the score, before the region scales it. */
  readonly skillScore?: number;
  readonly matched: readonly SkillEvidence[];
  readonly partial: readonly SkillEvidence[];
  readonly missing: readonly SkillEvidence[];
  readonly region: RegionFit;
  readonly requiredMet: number;
  readonly requiredTotal: number;
}

/** One ranked item of a match list, as the API answers it. */
export interface RankedMatch {
  readonly id: string;
  readonly ref: string;
  readonly score: number;
  readonly explanation: {
    readonly summary: string;
    readonly matched: readonly SkillEvidence[];
    readonly partial: readonly SkillEvidence[];
    readonly missing: readonly SkillEvidence[];
    readonly region: string;
  };
}
