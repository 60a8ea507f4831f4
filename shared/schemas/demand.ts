import * as z from 'zod';
import { LEARNER_GROUPS } from '../domain/vocabulary.js';
import { LearnerGroupSchema } from './groups.js';
import { IsoDateTimeSchema, LevelSchema, RefSchema, RegionSchema, text, yuan } from './common.js';
import { lazy } from './lazy.js';
import { skillList } from './skill-list.js';

const fields = lazy(() => ({
  employer: text(200).min(1).meta({ example: '延庆区低空物流有限公司' }),
  title: text(200).min(1).meta({ example: '无人机驾驶员（多旋翼）' }),
  description: text(10_000).default(''),
  requiredSkills: skillList(1, 30),
  preferredSkills: skillList(0, 30).default([]),
  minLevel: LevelSchema.optional(),
  region: RegionSchema,
  headcount: z.int().min(1).max(100_000),
  salaryMin: yuan().optional().meta({ description: 'Yuan a month.' }),
  salaryMax: yuan().optional().meta({ description: 'Yuan a month.' }),
  expiresAt: IsoDateTimeSchema.optional(),
  groupPreferences: z
    .array(LearnerGroupSchema)
    .max(LEARNER_GROUPS.length)
    .optional()
    .meta({ description: 'Groups the employer prefers (退役军人优先: ["veteran"]). Never changes a score; bureau staff can filter matches by group.' }),
  remote: z.boolean().optional().meta({ description: 'The work can be done from anywhere (GET /jobs?remote=true).' }),
}));

const salaryOrder = (d: { salaryMin?: number | null | undefined; salaryMax?: number | null | undefined }, ctx: z.RefinementCtx) => {
  if (d.salaryMin != null && d.salaryMax != null && d.salaryMin > d.salaryMax) {
    ctx.addIssue({ code: 'custom', path: ['salaryMax'], message: 'salaryMax must not be below salaryMin.' });
  }
};

/** An employer's posting, as submitted. */
export const DemandInputSchema = z.lazy(() =>
  z
    .strictObject({ ref: RefSchema, ...fields() })
    .superRefine(salaryOrder)
    .meta({ id: 'DemandInput', description: "An employer's posting of skills they need." })
);
export type DemandInput = z.output<typeof DemandInputSchema>;

/** A JSON merge patch of a demand: fields given replace, `null` clears an optional field. */
export const DemandPatchSchema = z.lazy(() =>
  z
    .strictObject({
      employer: fields().employer.optional(),
      title: fields().title.optional(),
      description: text(10_000).optional(),
      requiredSkills: skillList(1, 30).optional(),
      preferredSkills: skillList(0, 30).optional(),
      minLevel: LevelSchema.nullable().optional(),
      region: RegionSchema.optional(),
      headcount: fields().headcount.optional(),
      salaryMin: yuan().nullable().optional(),
      salaryMax: yuan().nullable().optional(),
      expiresAt: IsoDateTimeSchema.nullable().optional(),
      groupPreferences: fields().groupPreferences.nullable(),
      remote: z.boolean().nullable().optional(),
      status: z.enum(['open', 'closed']).optional().meta({ description: 'Close a posting without deleting it.' }),
    })
    .superRefine(salaryOrder)
    .meta({ id: 'DemandPatch' })
);
export type DemandPatch = z.output<typeof DemandPatchSchema>;

export const DemandBatchSchema = z.lazy(() => z.array(DemandInputSchema).min(1).max(100, 'At most 100 records a batch.'));
