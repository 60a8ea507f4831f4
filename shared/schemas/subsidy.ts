import * as z from 'zod';
import { IsoDateTimeSchema, LevelSchema, RefSchema, RegionSchema, text, yuan } from './common.js';
import { LearnerGroupSchema } from './groups.js';

/**
 * Kinds of subsidy. Two subsidies of one kind never both pay for the same training unless a rule
 * says so, and a person receives one of a kind a year (see shared/domain/subsidy/rules.ts).
 */
export const SUBSIDY_KINDS = ['training', 'skill_upgrade', 'assessment', 'living_allowance', 'other'] as const;
export const SubsidyKindSchema = z.lazy(() =>
  z.enum(SUBSIDY_KINDS).meta({
    description:
      'training: 职业培训补贴; skill_upgrade: 技能提升补贴 (insured employees obtaining a certificate); assessment: 职业技能评价补贴; living_allowance: 生活费补贴; other.',
  })
);
export type SubsidyKind = z.infer<typeof SubsidyKindSchema>;

/** When the money reaches the learner. */
export const SubsidyPaidSchema = z.lazy(() =>
  z.enum(['upfront', 'after_certificate']).meta({
    description: 'upfront: deducted from the fee at enrolment; after_certificate: the learner pays first and claims it after certification (先垫后补).',
  })
);
export type SubsidyPaid = z.infer<typeof SubsidyPaidSchema>;

/** A day (2026-03-01) or an ISO 8601 timestamp with offset. */
const PaidAtSchema = z.lazy(() => z.union([z.iso.date(), IsoDateTimeSchema]).meta({ description: 'The day the subsidy was paid (YYYY-MM-DD) or an ISO 8601 timestamp.', example: '2026-03-01' }));

/** One subsidy a learner received, as bureau staff record it. */
export const SubsidyRecordInputSchema = z.lazy(() =>
  z
    .strictObject({
      ref: RefSchema.meta({ description: "The bureau's own reference of this payment: recording it again updates the entry, never duplicates it.", example: 'YQ-BT-2026-0007' }),
      kind: SubsidyKindSchema,
      occupation: text(100).min(1).optional().meta({ description: 'The occupation (工种) it paid for: a taxonomy occupation id or its name.', example: '无人机驾驶员' }),
      level: LevelSchema.optional(),
      amountYuan: yuan(),
      paidAt: PaidAtSchema,
      payerRegion: RegionSchema.meta({ description: 'The paying bureau\u2019s region (GB/T 2260 code or name).' }),
      note: text(500).optional(),
    })
    .meta({ id: 'SubsidyRecordInput', description: 'A subsidy the learner received (bureau staff of the learner\u2019s region record it).' })
);
export type SubsidyRecordInput = z.output<typeof SubsidyRecordInputSchema>;

/** An entry of a learner's subsidy history, as stored and shown. */
export const SubsidyRecordSchema = z.lazy(() =>
  z
    .object({
      ref: z.string(),
      kind: SubsidyKindSchema,
      occupation: z.string().optional(),
      level: z.int().min(1).max(5).optional(),
      amountYuan: z.number(),
      paidAt: z.string(),
      payerRegion: z.string(),
      note: z.string().optional(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    })
    .meta({ id: 'SubsidyRecord' })
);
export type SubsidyRecord = z.infer<typeof SubsidyRecordSchema>;

/** The answer of recording a subsidy: the learner's whole history after it. */
export const SubsidyHistoryResponseSchema = z.lazy(() =>
  z
    .object({ learnerId: z.string(), subsidyHistory: z.array(SubsidyRecordSchema) })
    .meta({ id: 'SubsidyHistory' })
);

const PatternSchema = z.lazy(() =>
  z.string().refine(
    (source) => {
      try {
        new RegExp(source, 'iu');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'Not a valid regular expression.' },
  )
);

/** A certificate by name: any at all, one of a list (exact, case- and width-insensitive), or matching a pattern. */
export const CertificateMatchSchema = z.lazy(() =>
  z.strictObject({
    any: z.boolean().optional(),
    anyOf: z.array(z.string().min(1)).optional(),
    patterns: z.array(PatternSchema).optional(),
    /** How the condition reads to a learner ("持有CAAC视距内驾驶员执照"); derived from the list when absent. */
    label: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }).optional(),
  })
);
export type CertificateMatch = z.infer<typeof CertificateMatchSchema>;

/**
 * Who qualifies. Every condition given must hold; one the learner's record does not tell (no
 * insurance region, no birth year) makes the subsidy "to confirm", naming it.
 */
export const SubsidyWhoSchema = z.lazy(() =>
  z.strictObject({
    /** The learner belongs to at least one of these groups. */
    groups: z.array(LearnerGroupSchema).min(1).optional(),
    /** The learner pays unemployment insurance in the payer's region (失业保险参保地). */
    insuredWithPayer: z.boolean().optional(),
    /** The learner's household registration (户籍) lies in the payer's region. */
    householdWithPayer: z.boolean().optional(),
    /** Age in whole years on the day of evaluation, bounds included. */
    age: z.strictObject({ min: z.int().min(0).max(120).optional(), max: z.int().min(0).max(120).optional() }).optional(),
    /** The learner already holds a certificate like this (an upgrade subsidy, a 超视距 course needing 视距内). */
    holdsCertificate: CertificateMatchSchema.optional(),
  })
);
export type SubsidyWho = z.infer<typeof SubsidyWhoSchema>;

export type { SubsidyWhat } from './subsidy-rules.js';

/**
 * A course's own subsidy in structured form, beside the provider's wording (`subsidyConditions`).
 * Without it, the course's `subsidyYuan` is only ever shown "to confirm".
 */
export const CourseSubsidyTermsSchema = z.lazy(() =>
  z
    .strictObject({
      kind: SubsidyKindSchema.default('training'),
      payerRegion: RegionSchema.meta({ description: 'The paying bureau\u2019s region: it must cover the learner.' }),
      /** The course must be held in the payer's region (usually so for local training funds). */
      courseWithinPayer: z.boolean().default(true),
      who: SubsidyWhoSchema.default({}),
      paid: SubsidyPaidSchema.default('upfront'),
    })
    .meta({ id: 'CourseSubsidyTerms', description: 'Who the course\u2019s own subsidy (subsidyYuan) is for, and when it is paid.' })
);
export type CourseSubsidyTerms = z.output<typeof CourseSubsidyTermsSchema>;
