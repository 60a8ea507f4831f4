import * as z from 'zod';
import { lazy } from '../lazy.js';
import { CourseModeSchema } from '../course-mode.js';
import { LearnerGroupSchema } from '../groups.js';
import { CourseSubsidyTermsSchema, SubsidyRecordSchema } from '../subsidy.js';
import { LevelValueSchema, pageOf, ShareSchema, TimestampSchema } from './common.js';

/** One stored skill: the submitted text beside the taxonomy id it maps to (null when none). */
export const StoredSkillSchema = z.lazy(() =>
  z
    .object({
      text: z.string().meta({ description: 'What was submitted; phrases submitted for the same skill are joined with “；”.' }),
      skillId: z.string().nullable().meta({ description: 'The taxonomy id, or null when the text names no known skill.' }),
      level: LevelValueSchema.nullable(),
      confidence: ShareSchema.meta({ description: '1 for an id given as such, the extractor’s confidence for text, 0 when unmapped.' }),
      match: z.literal('fuzzy').optional().meta({ description: 'Linked to the nearest skill by likeness, not named: weaker evidence.' }),
    })
    .meta({ id: 'StoredSkill' })
);

/** What every record answers besides its own fields. */
const recordMeta = lazy(() => ({
  id: z.string().meta({ description: 'The service’s id, derived from (kind, owner, ref).', example: 'd_abcdefghijklmnopqrst' }),
  ref: z.string().meta({ description: 'The submitter’s own identifier.' }),
  owner: z.string().meta({ description: 'Subject id of whoever submitted it.' }),
  version: z.int().min(1).meta({ description: 'Raised by every change; the ETag is "v<version>".' }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
}));

/** A demand as the API answers it. */
export const DemandViewSchema = z.lazy(() =>
  z
    .object({
      ...recordMeta(),
      employer: z.string(),
      title: z.string(),
      description: z.string(),
      requiredSkills: z.array(StoredSkillSchema),
      preferredSkills: z.array(StoredSkillSchema),
      minLevel: LevelValueSchema.optional(),
      region: z.string().meta({ description: 'GB/T 2260 code or national.' }),
      headcount: z.int().min(1),
      salaryMin: z.number().optional(),
      salaryMax: z.number().optional(),
      expiresAt: z.string().optional(),
      status: z.enum(['open', 'closed']),
      groupPreferences: z.array(LearnerGroupSchema).optional(),
      remote: z.boolean().optional().meta({ description: "The work can be done from anywhere." }),
    })
    .meta({ id: 'Demand', description: "An employer's posting, as stored." })
);
export type DemandView = z.output<typeof DemandViewSchema>;

/** A learner profile as the API answers it. */
export const LearnerViewSchema = z.lazy(() =>
  z
    .object({
      ...recordMeta(),
      summary: z.string(),
      skills: z.array(StoredSkillSchema),
      wants: z.array(StoredSkillSchema).optional().meta({ description: 'What the person wants to learn or work in; never scored as held.' }),
      certificates: z.array(z.string()),
      region: z.string().meta({ description: 'GB/T 2260 code.' }),
      group: LearnerGroupSchema,
      groups: z.array(LearnerGroupSchema).optional(),
      insuredRegion: z.string().optional(),
      householdRegion: z.string().optional(),
      birthYear: z.int().optional(),
      subsidyHistory: z.array(SubsidyRecordSchema).optional().meta({ description: 'Subsidies received, as bureau staff recorded them.' }),
      consent: z
        .object({
          given: z.boolean(),
          by: z.enum(['self', 'bureau']),
          subject: z.string(),
          at: TimestampSchema,
          noticeVersion: z.string(),
        })
        .optional()
        .meta({ description: 'Who decided consentToShare, when, and under which privacy notice.' }),
      contact: z.object({ phone: z.string().optional(), email: z.string().optional() }).optional().meta({ description: 'Shown to an employer only after the seeker applies to its demand or accepts its invitation.' }),
      subject: z.string().optional().meta({ description: 'The account that claimed a profile bureau staff created.' }),
      education: z.string().optional(),
      yearsExperience: z.number().optional(),
      prefersOnline: z.boolean().optional(),
      consentToShare: z.boolean(),
    })
    .meta({ id: 'Learner', description: "A job seeker's skill profile, as stored." })
);
export type LearnerView = z.output<typeof LearnerViewSchema>;

/** A course as the API answers it. */
export const CourseViewSchema = z.lazy(() =>
  z
    .object({
      ...recordMeta(),
      title: z.string(),
      description: z.string(),
      skillsTaught: z.array(StoredSkillSchema),
      level: LevelValueSchema,
      hours: z.number(),
      mode: CourseModeSchema,
      provider: z.string(),
      region: z.string().meta({ description: 'GB/T 2260 code or national.' }),
      certificate: z.string().optional(),
      subsidyYuan: z.number().optional(),
      subsidyConditions: z.string().optional(),
      subsidyTerms: CourseSubsidyTermsSchema.optional(),
      priceYuan: z.number().optional(),
      seats: z.int().optional(),
    })
    .meta({ id: 'Course', description: 'A training course, as stored.' })
);
export type CourseView = z.output<typeof CourseViewSchema>;

export const DemandPageSchema = z.lazy(() => pageOf(DemandViewSchema, 'DemandPage', 'A page of demands.'));
export const LearnerPageSchema = z.lazy(() => pageOf(LearnerViewSchema, 'LearnerPage', 'A page of learners.'));
export const CoursePageSchema = z.lazy(() => pageOf(CourseViewSchema, 'CoursePage', 'A page of courses.'));

/** The answer of a batch: every stored record, in the order sent. */
export const DemandBatchResultSchema = z.lazy(() => z.object({ items: z.array(DemandViewSchema) }).meta({ id: 'DemandBatchResult' }));
export const LearnerBatchResultSchema = z.lazy(() => z.object({ items: z.array(LearnerViewSchema) }).meta({ id: 'LearnerBatchResult' }));
export const CourseBatchResultSchema = z.lazy(() => z.object({ items: z.array(CourseViewSchema) }).meta({ id: 'CourseBatchResult' }));
