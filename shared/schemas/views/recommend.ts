import * as z from 'zod';
import { CourseModeSchema } from '../course-mode.js';
import { LabelSchema, LevelValueSchema, ShareSchema } from './common.js';

const RoleSchema = z.enum(['required', 'preferred']);
const RelationSchema = z.enum(['child', 'parent', 'related']);

/** A gap skill a course closes (or closes in part), as an explanation shows it. */
export const ClosedSkillSchema = z.lazy(() =>
  z
    .object({
      skillId: z.string(),
      label: z.string(),
      role: RoleSchema,
      from: z.number(),
      to: z.number(),
      needed: z.number(),
      shortageIndex: z.number(),
      via: z.object({ skillId: z.string(), label: z.string(), relation: RelationSchema, credit: ShareSchema, level: z.number() }).optional(),
      share: ShareSchema.optional(),
      attested: z.literal(true).optional(),
    })
    .meta({ id: 'ClosedSkill' })
);

export const SubsidyLineSchema = z.lazy(() =>
  z
    .object({
      name: z.string(),
      kind: z.string(),
      status: z.enum(['eligible', 'to_confirm']).meta({ description: 'eligible: every condition known and met; to_confirm: a condition is still unknown (named in condition).' }),
      amountYuan: z.number(),
      paid: z.enum(['upfront', 'after_certificate']),
      when: z.string().meta({ description: 'When it is paid, in words.' }),
      why: z.string(),
      condition: LabelSchema.optional().meta({ description: 'For to_confirm: the condition still unknown.' }),
      note: z.string().optional(),
      example: z.boolean().meta({ description: 'The amount is a configurable example, not a quoted policy.' }),
      source: z.string(),
      payerRegion: z.string(),
      providerWording: z.string().optional(),
    })
    .meta({ id: 'SubsidyLine' })
);

export const RecommendedCourseSchema = z.lazy(() =>
  z
    .object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      provider: z.string(),
      level: LevelValueSchema,
      hours: z.number(),
      mode: CourseModeSchema,
      region: z.string(),
      certificate: z.string().optional(),
      score: ShareSchema,
      scope: z.enum(['target', 'broader', 'related']),
      explanation: z.object({
        summary: z.string(),
        closes: z.array(ClosedSkillSchema),
        partly: z.array(ClosedSkillSchema),
        levelFit: z.string(),
        access: z.string(),
        subsidies: z.array(SubsidyLineSchema),
        priceYuan: z.number().nullable(),
        subsidyYuan: z.number().meta({ description: 'Eligible subsidy lines only.' }),
        toConfirmYuan: z.number().meta({ description: 'What the to-confirm lines would add at most: never in a total.' }),
        netCostYuan: z.number().nullable().meta({ description: 'Price less eligible subsidies (自付约).' }),
        payFirstYuan: z.number().nullable().meta({ description: 'Paid at enrolment: subsidies after certification are advanced first (先垫后补).' }),
        cost: z.string(),
      }),
    })
    .meta({ id: 'RecommendedCourse' })
);

const TargetDemandSchema = z.lazy(() => z.object({ id: z.string(), ref: z.string(), title: z.string(), employer: z.string(), region: z.string(), matchScore: ShareSchema }));

/** The answer of GET /learners/{id}/recommendations. */
export const RecommendationsSchema = z.lazy(() =>
  z
    .object({
      learner: z.object({ id: z.string(), ref: z.string() }),
      target: z.object({
        kind: z.enum(['demand', 'nearby-demands', 'occupation', 'upskilling']),
        summary: z.string(),
        demands: z.array(TargetDemandSchema),
        occupation: z.object({ id: z.string(), code: z.string().nullable(), label: z.string() }).optional(),
        wants: z.array(z.object({ skillId: z.string(), label: z.string() })).optional(),
      }),
      gap: z.array(
        z.object({ skillId: z.string(), label: z.string(), role: RoleSchema, needed: z.number(), held: z.number(), shortageIndex: z.number(), weight: z.number() }),
      ),
      items: z.array(RecommendedCourseSchema),
      pathway: z.object({
        courses: z.array(
          z.object({
            id: z.string(),
            ref: z.string(),
            title: z.string(),
            level: LevelValueSchema,
            hours: z.number(),
            mode: CourseModeSchema,
            certificate: z.string().optional(),
            netCostYuan: z.number().nullable(),
            raises: z.array(
              z.object({
                skillId: z.string(),
                label: z.string(),
                from: z.number(),
                to: z.number(),
                via: z.object({ skillId: z.string(), label: z.string(), relation: RelationSchema }).optional(),
              }),
            ),
            after: z.array(z.string()),
          }),
        ),
        totalHours: z.number(),
        totalNetCostYuan: z.number(),
        unpricedCourses: z.int(),
        certificate: z.string().nullable(),
        opens: z.array(
          z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('demand'), id: z.string(), ref: z.string(), title: z.string(), employer: z.string(), alreadyQualified: z.boolean() }),
            z.object({ kind: z.literal('occupation'), id: z.string(), label: z.string(), alreadyQualified: z.boolean() }),
          ]),
        ),
        coverage: ShareSchema,
        summary: z.string(),
      }),
      subsidyRules: z.object({ version: z.string(), notice: z.string() }),
    })
    .meta({ id: 'Recommendations' })
);
export type RecommendationsView = z.output<typeof RecommendationsSchema>;

