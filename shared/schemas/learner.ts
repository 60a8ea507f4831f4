import * as z from 'zod';
import type { StoredSkill } from '../taxonomy/normalise.js';
import { RefSchema, RegionSchema, skillList, text } from './common.js';

export const LEARNER_GROUPS = ['graduate', 'migrant_worker', 'laid_off', 'veteran', 'disabled', 'employed_upskilling', 'other'] as const;
export const LearnerGroupSchema = z.enum(LEARNER_GROUPS);
export type LearnerGroup = z.infer<typeof LearnerGroupSchema>;

const fields = {
  summary: text(5_000).default(''),
  skills: skillList(1, 50, { splitWants: true }),
  wants: skillList(0, 30)
    .optional()
    .meta({ description: 'What the person wants to learn or work in. Wishes written among the skills (想学…, 希望从事…) land here too; never scored as held.' }),
  certificates: z.array(text(200).min(1)).max(30).default([]),
  region: RegionSchema,
  group: LearnerGroupSchema,
  education: text(100).optional(),
  yearsExperience: z.number().min(0).max(60).optional(),
  prefersOnline: z.boolean().optional(),
  consentToShare: z.boolean().meta({ description: 'May employers see this profile in their matches.' }),
};

/**
 * Wishes found among the skills move to `wants` (beside any given as such), so that `skills` holds
 * only what the person has.
 */
function splitWants<T extends { skills?: StoredSkill[] | undefined; wants?: StoredSkill[] | undefined }>(learner: T): T {
  if (learner.skills === undefined) return learner;
  const wished = learner.skills.filter((s) => s.intent === 'want');
  if (wished.length === 0 && learner.wants === undefined) return learner;
  const wants = [...(learner.wants ?? []), ...wished].map(({ intent: _want, ...s }) => s);
  return { ...learner, skills: learner.skills.filter((s) => s.intent !== 'want'), wants };
}

/** A job seeker's profile, as submitted. */
export const LearnerInputSchema = z
  .strictObject({ ref: RefSchema, ...fields })
  .transform(splitWants)
  .meta({ id: 'LearnerInput', description: "A job seeker's skill profile." });
export type LearnerInput = z.output<typeof LearnerInputSchema>;

export const LearnerPatchSchema = z
  .strictObject({
    summary: text(5_000).optional(),
    skills: fields.skills.optional(),
    wants: skillList(0, 30).nullable().optional(),
    // Not fields.certificates: its default would turn a patch that leaves them out into an erase.
    certificates: z.array(text(200).min(1)).max(30).optional(),
    region: RegionSchema.optional(),
    group: LearnerGroupSchema.optional(),
    education: text(100).nullable().optional(),
    yearsExperience: z.number().min(0).max(60).nullable().optional(),
    prefersOnline: z.boolean().nullable().optional(),
    consentToShare: z.boolean().optional(),
  })
  .transform((patch) => (patch.wants === null ? patch : splitWants({ ...patch, wants: patch.wants })))
  .meta({ id: 'LearnerPatch' });
export type LearnerPatch = z.output<typeof LearnerPatchSchema>;

export const LearnerBatchSchema = z.array(LearnerInputSchema).min(1).max(100, 'At most 100 records a batch.');
