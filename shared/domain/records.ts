import { createHash } from 'node:crypto';
import type { Level } from '../taxonomy/levels.js';
import type { StoredSkill } from '../taxonomy/normalise.js';
import type { DemandInput } from '../schemas/demand.js';
import type { LearnerInput } from '../schemas/learner.js';
import type { CourseInput } from '../schemas/course.js';
import type { SubsidyRecord } from '../schemas/subsidy.js';
import type { ConsentRecord } from './consent.js';

export const KINDS = ['demand', 'learner', 'course'] as const;
export type Kind = (typeof KINDS)[number];

/** What every stored record carries besides its own fields. */
export interface RecordMeta {
  readonly id: string;
  readonly ref: string;
  /** Subject id of whoever submitted it (an employer, a job seeker, or bureau staff). */
  readonly owner: string;
  /** Increases by one on every change; the ETag is derived from it. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Hash of the record's own fields: an identical resubmission changes nothing. */
  readonly contentHash: string;
}

export type Demand = RecordMeta & Omit<DemandInput, 'ref'> & { readonly kind: 'demand'; readonly status: 'open' | 'closed' };
export type Learner = RecordMeta &
  Omit<LearnerInput, 'ref'> & {
    readonly kind: 'learner';
    /** Subsidies received, as bureau staff recorded them (POST /learners/{id}/subsidies); kept across profile updates. */
    readonly subsidyHistory?: readonly SubsidyRecord[];
    /** Who decided `consentToShare`, when, under which notice (absent on profiles stored before it was recorded). */
    readonly consent?: ConsentRecord;
    /** The job seeker's account that claimed a profile bureau staff created (`POST /me/profile/claim`). */
    readonly subject?: string;
  };
export type Course = RecordMeta & Omit<CourseInput, 'ref'> & { readonly kind: 'course' };
export type AnyRecord = Demand | Learner | Course;
export type RecordOf<K extends Kind> = Extract<AnyRecord, { kind: K }>;

/** The fields a submitter controls: a record minus its meta. */
export type RecordFields<K extends Kind> = Omit<RecordOf<K>, keyof RecordMeta | 'kind'>;

const ID_PREFIX: Record<Kind, string> = { demand: 'd', learner: 'l', course: 'c' };
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * The id of a record is derived from (kind, owner, ref), so resubmitting the same ref can only
 * ever address the same record: retries and re-imports cannot create duplicates.
 */
export function recordId(kind: Kind, owner: string, ref: string): string {
  const digest = createHash('sha256').update(`${kind}\u0000${owner}\u0000${ref}`).digest();
  let out = '';
  for (let i = 0; i < 20; i++) out += BASE32[digest[i]! & 31];
  return `${ID_PREFIX[kind]}_${out}`;
}

/** The kind an id belongs to, or undefined when the id is not one of ours. */
export function kindOfId(id: string): Kind | undefined {
  const match = /^([dlc])_[a-z2-7]{20}$/.exec(id);
  if (!match) return undefined;
  return ({ d: 'demand', l: 'learner', c: 'course' } as const)[match[1] as 'd' | 'l' | 'c'];
}

/** JSON with object keys sorted, so equal content always hashes equally. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export const contentHash = (fields: object): string => createHash('sha256').update(stableStringify(fields)).digest('base64url').slice(0, 22);

/** A skill a record needs, holds or teaches, as the inverted index stores it. */
export interface IndexedSkill {
  readonly skillId: string;
  readonly level: Level | null;
  /** `required` and `preferred` for demands; `held` for learners; `taught` for courses. */
  readonly role: 'required' | 'preferred' | 'held' | 'taught';
  /** The skill was linked by likeness (the fuzzy link), not named: matching credits it less. */
  readonly fuzzy?: boolean;
  /**
   * Demands: the grams of the phrase that named the need (lexical.ts), so that a learner who
   * wrote the same words without naming the skill still earns lexical credit for it.
   */
  readonly grams?: readonly string[];
  /**
   * Learners: the credential that attests this skill (叉车证 → 叉车操作, the taxonomy's `attests`),
   * when the person does not name the skill themselves; explanations say so.
   */
  readonly attestedBy?: string;
  /** Demands: a need the posting's title names and its skill lists do not (外卖骑手); explanations say so. */
  readonly fromTitle?: true;
}

const mapped = (skills: readonly StoredSkill[], role: IndexedSkill['role']): IndexedSkill[] =>
  skills.flatMap((s) => (s.skillId ? [{ skillId: s.skillId, level: s.level, role, ...(s.match === 'fuzzy' ? { fuzzy: true } : {}) }] : []));

/**
 * The taxonomy skills a record is indexed under, one entry per skill id (a required skill wins
 * over the same skill listed as preferred; the highest level wins).
 */
export function indexedSkills(record: AnyRecord): IndexedSkill[] {
  const all =
    record.kind === 'demand'
      ? [...mapped(record.requiredSkills, 'required'), ...mapped(record.preferredSkills, 'preferred')]
      : record.kind === 'learner'
        ? mapped(record.skills, 'held')
        : mapped(record.skillsTaught, 'taught');
  const bySkill = new Map<string, IndexedSkill>();
  for (const s of all) {
    const seen = bySkill.get(s.skillId);
    if (!seen || (seen.role === 'preferred' && s.role === 'required') || (seen.role === s.role && (s.level ?? 0) > (seen.level ?? 0))) {
      // A skill named anywhere is named: one fuzzy link does not weaken it.
      const named = (seen && !seen.fuzzy) || !s.fuzzy;
      bySkill.set(s.skillId, named ? { skillId: s.skillId, level: s.level, role: s.role } : s);
    } else if (seen.fuzzy && !s.fuzzy) {
      bySkill.set(s.skillId, { skillId: seen.skillId, level: seen.level, role: seen.role });
    }
  }
  return [...bySkill.values()];
}

/** Whether a record should be findable by matching: open, unexpired demands only. */
export function isActive(record: AnyRecord, now: Date): boolean {
  if (record.kind !== 'demand') return true;
  return record.status === 'open' && (!record.expiresAt || Date.parse(record.expiresAt) > now.getTime());
}
