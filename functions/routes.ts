import type { z } from 'zod';
import { CampaignInputSchema, CampaignResultsQuerySchema } from '#shared/schemas/campaign.js';
import { CourseBatchSchema, CourseInputSchema } from '#shared/schemas/course.js';
import { DemandBatchSchema, DemandInputSchema, DemandPatchSchema } from '#shared/schemas/demand.js';
import { LearnerBatchSchema, LearnerInputSchema, LearnerPatchSchema } from '#shared/schemas/learner.js';
import { CourseQuerySchema, ExtractBodySchema, ListQuerySchema, MatchQuerySchema, ShortageQuerySchema, SkillSearchQuerySchema, RecommendQuerySchema } from '#shared/schemas/queries.js';
import { SCOPES, type Scope } from '#shared/domain/scopes.js';

export { ROLE_SCOPES, SCOPES, type Scope } from '#shared/domain/scopes.js';

/**
 * The route table: the local server, the CDK stack and the OpenAPI document all read it, so a
 * route exists in exactly one place. `handler` names the file `functions/<handler>.ts`.
 */

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteDef {
  readonly method: Method;
  readonly path: string;
  readonly handler: string;
  readonly summary: string;
  /** Empty for public routes. */
  readonly scopes: readonly Scope[];
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  /** Larger than the default 256 KiB only for batches. */
  readonly maxBodyBytes?: number;
  /** Status of a successful answer. @default 200 */
  readonly success?: number;
}

const BATCH_BYTES = 4_194_304;
const { read, profile, demands, bureau } = SCOPES;

export const ROUTES = [
  { method: 'GET', path: '/health', handler: 'get-health', summary: 'Liveness', scopes: [] },
  { method: 'GET', path: '/openapi.json', handler: 'get-openapi', summary: 'This OpenAPI document', scopes: [] },

  { method: 'POST', path: '/demands', handler: 'create-demand', summary: 'Create or update (by ref) a demand', scopes: [demands], body: DemandInputSchema, success: 201 },
  { method: 'POST', path: '/demands/batch', handler: 'batch-create-demands', summary: 'Create or update up to 100 demands', scopes: [demands], body: DemandBatchSchema, maxBodyBytes: BATCH_BYTES },
  { method: 'GET', path: '/demands', handler: 'list-demands', summary: 'Own demands, or a bureau region’s', scopes: [demands], query: ListQuerySchema },
  { method: 'GET', path: '/demands/{id}', handler: 'get-demand', summary: 'One demand', scopes: [demands] },
  { method: 'PATCH', path: '/demands/{id}', handler: 'update-demand', summary: 'JSON merge patch of a demand', scopes: [demands], body: DemandPatchSchema },
  { method: 'DELETE', path: '/demands/{id}', handler: 'delete-demand', summary: 'Delete a demand', scopes: [demands], success: 204 },

  { method: 'POST', path: '/learners', handler: 'create-learner', summary: 'Create or update (by ref) a learner profile', scopes: [profile, bureau], body: LearnerInputSchema, success: 201 },
  { method: 'POST', path: '/learners/batch', handler: 'batch-create-learners', summary: 'Create or update up to 100 learners', scopes: [profile, bureau], body: LearnerBatchSchema, maxBodyBytes: BATCH_BYTES },
  { method: 'GET', path: '/learners', handler: 'list-learners', summary: 'Learners of a bureau region', scopes: [bureau], query: ListQuerySchema },
  { method: 'GET', path: '/learners/{id}', handler: 'get-learner', summary: 'One learner', scopes: [profile, bureau] },
  { method: 'PATCH', path: '/learners/{id}', handler: 'update-learner', summary: 'JSON merge patch of a learner', scopes: [profile, bureau], body: LearnerPatchSchema },
  { method: 'DELETE', path: '/learners/{id}', handler: 'delete-learner', summary: 'Delete a learner profile and all derived data', scopes: [profile, bureau], success: 204 },

  { method: 'POST', path: '/courses', handler: 'create-course', summary: 'Create or update (by ref) a course', scopes: [bureau], body: CourseInputSchema, success: 201 },
  { method: 'POST', path: '/courses/batch', handler: 'batch-create-courses', summary: 'Create or update up to 100 courses', scopes: [bureau], body: CourseBatchSchema, maxBodyBytes: BATCH_BYTES },
  { method: 'GET', path: '/courses', handler: 'list-courses', summary: 'Courses by skill and region', scopes: [read], query: CourseQuerySchema },

  { method: 'GET', path: '/skills', handler: 'search-skills', summary: 'Taxonomy autocomplete, Chinese and English', scopes: [read], query: SkillSearchQuerySchema },
  { method: 'POST', path: '/skills/extract', handler: 'extract-skills', summary: 'Skills found in a text', scopes: [read], body: ExtractBodySchema },

  { method: 'GET', path: '/insights/shortage', handler: 'get-shortage', summary: 'Skills ranked by shortage index', scopes: [SCOPES.insights], query: ShortageQuerySchema },

  { method: 'GET', path: '/demands/{id}/matches', handler: 'match-demand', summary: 'Ranked learners who consented, with explanations', scopes: [demands], query: MatchQuerySchema },
  { method: 'GET', path: '/learners/{id}/matches', handler: 'match-learner', summary: 'Ranked open demands for a learner, with explanations', scopes: [profile, bureau], query: MatchQuerySchema },
  { method: 'GET', path: '/learners/{id}/recommendations', handler: 'recommend-courses', summary: 'Ranked courses closing the learner’s skill gap, and a pathway', scopes: [profile, bureau], query: RecommendQuerySchema },

  { method: 'POST', path: '/campaigns', handler: 'create-campaign', summary: 'Start a bureau campaign in the background (202 with its status)', scopes: [bureau], body: CampaignInputSchema, success: 202 },
  { method: 'GET', path: '/campaigns/{id}', handler: 'get-campaign', summary: 'Campaign status and progress; the report once completed', scopes: [bureau] },
  { method: 'GET', path: '/campaigns/{id}/results', handler: 'get-campaign-results', summary: 'Campaign results, one per learner: JSON, or CSV (UTF-8 with BOM)', scopes: [bureau], query: CampaignResultsQuerySchema },
  { method: 'POST', path: '/campaigns/{id}/cancel', handler: 'cancel-campaign', summary: 'Cancel a queued or running campaign (an addition to CONTRACT.md §4)', scopes: [bureau] },
] as const satisfies readonly RouteDef[];

export type HandlerName = (typeof ROUTES)[number]['handler'];

/** The route a handler serves. */
export function route(handler: HandlerName): RouteDef {
  const found = ROUTES.find((r) => r.handler === handler);
  if (!found) throw new Error(`No route for handler ${handler}`);
  return found;
}

