import * as z from 'zod';
import { LEARNER_GROUPS } from '../domain/vocabulary.js';
import { RefSchema, RegionSchema, skillList, text } from './common.js';

export { LEARNER_GROUPS };
export const LearnerGroupSchema = z.enum(LEARNER_GROUPS);
export type LearnerGroup = z.infer<typeof LearnerGroupSchema>;

const fields = {
  summary: text(5_000).default(''),
  skills: skillList(1, 50),
  certificates: z.array(text(200).min(1)).max(30).default([]),
  region: RegionSchema,
  group: LearnerGroupSchema,
  education: text(100).optional(),
  yearsExperience: z.number().min(0).max(60).optional(),
  prefersOnline: z.boolean().optional(),
  consentToShare: z.boolean().meta({ description: 'May employers see this profile in their matches.' }),
};

/** A job seeker's profile, as submitted. */
export const LearnerInputSchema = z
  .strictObject({ ref: RefSchema, ...fields })
  .meta({ id: 'LearnerInput', description: "A job seeker's skill profile." });
export type LearnerInput = z.output<typeof LearnerInputSchema>;

export const LearnerPatchSchema = z
  .strictObject({
    summary: text(5_000).optional(),
    skills: skillList(1, 50).optional(),
    certificates: fields.certificates.optional(),
    region: RegionSchema.optional(),
    group: LearnerGroupSchema.optional(),
    education: text(100).nullable().optional(),
    yearsExperience: z.number().min(0).max(60).nullable().optional(),
    prefersOnline: z.boolean().nullable().optional(),
    consentToShare: z.boolean().optional(),
  })
  .meta({ id: 'LearnerPatch' });
export type LearnerPatch = z.output<typeof LearnerPatchSchema>;

export const LearnerBatchSchema = z.array(LearnerInputSchema).min(1).max(100, 'At most 100 records a batch.');
