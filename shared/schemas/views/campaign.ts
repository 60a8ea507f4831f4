import * as z from 'zod';
import { CourseModeSchema } from '../course-mode.js';
import { LearnerGroupSchema } from '../groups.js';
import { LabelSchema, pageOf, ShareSchema, TimestampSchema } from './common.js';
import { FunnelSchema, PlacementDaysSchema } from './placements.js';
import { StoredSkillSchema } from './records.js';

const GroupReportSchema = z.lazy(() =>
  z.object({
    group: LearnerGroupSchema,
    learners: z.int(),
    matched: z.int(),
    matchRate: ShareSchema,
    assigned: z.int(),
    assignedToJobs: z.int(),
    assignedToCourses: z.int(),
    assignmentRate: ShareSchema,
    failed: z.int(),
  })
);

/** The report of a completed campaign. */
export const CampaignSummarySchema = z.lazy(() =>
  z
    .object({
      learners: z.int(),
      failed: z.int(),
      matched: z.int(),
      matchRate: ShareSchema,
      assigned: z.int(),
      assignedToJobs: z.int(),
      assignedToCourses: z.int(),
      byGroup: z.array(GroupReportSchema),
      shortageSkills: z.array(z.object({ skillId: z.string(), label: LabelSchema, learners: z.int(), required: z.int(), shortageIndex: z.number() })),
      courses: z.array(
        z.object({
          id: z.string(),
          ref: z.string(),
          title: z.string(),
          provider: z.string(),
          recommendedSeats: z.int(),
          recommendedSubsidyYuan: z.number(),
          recommendedToConfirmYuan: z.number(),
          seats: z.int().nullable(),
          assignedSeats: z.int().optional(),
          assignedSubsidyYuan: z.number().optional(),
          assignedToConfirmYuan: z.number().optional(),
        }),
      ),
      coursesNotListed: z.int(),
      subsidyBudgetYuan: z.object({ recommended: z.number(), assigned: z.number().optional() }).meta({ description: 'Eligible subsidies only.' }),
      subsidyToConfirmYuan: z.object({ recommended: z.number(), assigned: z.number().optional() }).meta({ description: 'Subsidies still to confirm, apart from the budget.' }),
      unfilled: z.object({
        demands: z.int(),
        places: z.int(),
        items: z.array(
          z.object({
            id: z.string(),
            ref: z.string(),
            title: z.string(),
            employer: z.string(),
            headcount: z.int(),
            filled: z.int(),
            unfilled: z.int(),
            reason: z.enum(['no-candidate', 'candidates-went-elsewhere', 'too-few-candidates']),
            why: LabelSchema,
          }),
        ),
        notListed: z.int(),
      }),
      demandsConsidered: z.int(),
      placesOffered: z.int(),
      coursesConsidered: z.int(),
      method: z.object({ assignment: z.enum(['greedy', 'none']), bound: z.string().optional() }),
    })
    .meta({ id: 'CampaignSummary' })
);

/** A campaign's status: progress as learners, the request, and the report once completed. */
export const CampaignViewSchema = z.lazy(() =>
  z
    .object({
      id: z.string(),
      name: z.string(),
      region: z.string(),
      status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
      progress: z.object({ done: z.int(), total: z.int(), failed: z.int() }),
      request: z.object({
        region: z.string(),
        groups: z.array(LearnerGroupSchema).optional(),
        occupations: z.array(z.string()).optional(),
        skills: z.array(StoredSkillSchema).optional(),
        limitPerLearner: z.int(),
        threshold: ShareSchema,
        assign: z.boolean(),
      }),
      createdAt: TimestampSchema,
      updatedAt: TimestampSchema,
      startedAt: TimestampSchema.optional(),
      finishedAt: TimestampSchema.optional(),
      error: z.string().optional(),
      summary: CampaignSummarySchema.optional(),
      placements: FunnelSchema.optional().meta({ description: 'Once completed: how many of the learners it matched went on to apply, be invited, accept, be hired (`matched` from the summary).' }),
    })
    .meta({ id: 'Campaign' })
);
export type CampaignViewBody = z.output<typeof CampaignViewSchema>;

export const CampaignPageSchema = z.lazy(() => pageOf(CampaignViewSchema, 'CampaignPage', 'Campaigns, newest first.'));

const ResultSkillSchema = z.lazy(() => z.object({ skillId: z.string(), label: LabelSchema.optional() }));

/** One learner's result in a campaign. */
export const CampaignResultSchema = z.lazy(() =>
  z
    .object({
      learner: z.object({ id: z.string(), ref: z.string(), group: LearnerGroupSchema, region: z.string() }),
      matches: z.array(
        z.object({
          id: z.string(),
          ref: z.string(),
          title: z.string(),
          employer: z.string(),
          region: z.string(),
          score: ShareSchema,
          explanation: z.object({ summary: z.string(), requiredMet: z.int(), requiredTotal: z.int(), partial: z.array(ResultSkillSchema), missing: z.array(ResultSkillSchema) }),
        }),
      ),
      recommendations: z.array(
        z.object({
          id: z.string(),
          ref: z.string(),
          title: z.string(),
          provider: z.string(),
          mode: CourseModeSchema,
          region: z.string(),
          hours: z.number(),
          score: ShareSchema,
          priceYuan: z.number().nullable(),
          subsidyYuan: z.number(),
          toConfirmSubsidyYuan: z.number().optional(),
          subsidyRules: z.array(z.string()),
          toConfirmSubsidyRules: z.array(z.string()).optional(),
          netCostYuan: z.number().nullable(),
          closes: z.array(z.string()),
        }),
      ),
      gap: z.array(z.object({ skillId: z.string(), role: z.enum(['required', 'preferred']), weight: z.number() })),
      assignment: z.object({ kind: z.enum(['demand', 'course']), id: z.string(), ref: z.string(), title: z.string(), score: ShareSchema }).optional(),
      error: z.string().optional().meta({ description: 'Set when computing this learner failed; the lists are then empty.' }),
      placement: PlacementDaysSchema.optional(),
    })
    .meta({ id: 'CampaignResult' })
);

/** GET /campaigns/{id}/results?format=json: one item per learner, the summary once completed. */
export const CampaignResultsSchema = z.lazy(() =>
  z
    .object({ items: z.array(CampaignResultSchema), summary: CampaignSummarySchema.optional(), nextToken: z.string().optional() })
    .meta({ id: 'CampaignResults' })
);
export type CampaignResultsView = z.output<typeof CampaignResultsSchema>;
