import * as z from 'zod';
import { RegionSchema } from './common.js';
import { LearnerGroupSchema } from './groups.js';
import { NextTokenSchema, pageSize } from './paging.js';

export { ExtractBodySchema, SkillSearchQuerySchema } from './skills.js';

export const ListQuerySchema = z.strictObject({ region: RegionSchema.optional(), limit: pageSize(100, 20), nextToken: NextTokenSchema });
export type ListQuery = z.output<typeof ListQuerySchema>;

export const CourseQuerySchema = z.strictObject({
  skill: z.string().trim().min(1).max(200).optional().meta({ description: 'A taxonomy id or free text naming one skill.' }),
  region: RegionSchema.optional(),
  limit: pageSize(100, 20),
  nextToken: NextTokenSchema,
});
export type CourseQuery = z.output<typeof CourseQuerySchema>;

/** Kept here for existing imports; declared with the other answers in views/problem.ts. */
export { ProblemSchema } from './views/problem.js';

export const ShortageQuerySchema = z.strictObject({
  region: RegionSchema.optional().meta({ description: 'Region to rank (rolled up from everything inside it). Employers: any, default national; bureau staff: their region or inside it, default theirs.' }),
  limit: pageSize(100, 20),
});
export type ShortageQuery = z.output<typeof ShortageQuerySchema>;

/** `GET /demands/{id}/matches` and `GET /learners/{id}/matches`: how many ranked items, 1–50. */
export const MatchQuerySchema = z.strictObject({ limit: pageSize(50, 10) });
export type MatchQuery = z.output<typeof MatchQuerySchema>;

/** `GET /demands/{id}/matches`: as MatchQuerySchema, and (bureau staff only) a learner group to keep. */
export const DemandMatchQuerySchema = z.strictObject({
  limit: pageSize(50, 10),
  group: LearnerGroupSchema.optional().meta({ description: 'Bureau staff only: keep learners of this group (a filter; scores are unchanged).' }),
});
export type DemandMatchQuery = z.output<typeof DemandMatchQuerySchema>;

/** `GET /learners/{id}/recommendations`: how many ranked courses (1–50), and an optional target. */
export const RecommendQuerySchema = z.strictObject({
  limit: pageSize(50, 10),
  demandId: z.string().trim().min(1).max(64).optional().meta({ description: 'Aim at this open demand (its id) instead of the best ones nearby.' }),
  occupation: z.string().trim().min(1).max(100).optional().meta({ description: 'Aim at this taxonomy occupation (its id), e.g. data-annotator.' }),
});
export type RecommendQuery = z.output<typeof RecommendQuerySchema>;
