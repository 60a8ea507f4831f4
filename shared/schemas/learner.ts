import * as z from 'zod';
import { RefSchema, RegionSchema, skillList, text } from './common.js';

export const LEARNER_GROUPS = ['graduate', 'migrant_worker', 'laid_off', 'veteran', 'disabled', 'employed_upskilling', 'other'] as const;
export const LearnerGroupSchema = z.enum(LEARNER_GROUPS);
export type LearnerGroup = z.infer<typeof LearnerGroupSchema>;

/**
 * Contact details a job seeker chooses to share. No employer sees them until the seeker applies to
 * that employer's demand or accepts its invitation (docs/action-loop.md).
 */
export const ContactSchema = z
  .strictObject({
    phone: z
      .string()
      .trim()
      .regex(/^(\+?86[\s-]?)?1[3-9]\d([\s-]?\d{4}){2}$/, 'A mainland mobile number, e.g. 13800138000.')
      .optional(),
    email: z.email('An e-mail address, e.g. name@example.cn.').max(254).optional(),
  })
  .meta({ id: 'Contact', description: 'Shown to an employer only after the seeker applies to its demand or accepts its invitation.' });
export type Contact = z.output<typeof ContactSchema>;

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
  contact: ContactSchema.optional(),
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
    contact: ContactSchema.nullable().optional(),
  })
  .meta({ id: 'LearnerPatch' });
export type LearnerPatch = z.output<typeof LearnerPatchSchema>;

export const LearnerBatchSchema = z.array(LearnerInputSchema).min(1).max(100, 'At most 100 records a batch.');
