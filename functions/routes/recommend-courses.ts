import { SCOPES } from '#shared/domain/scopes.js';
import { RecommendQuerySchema } from '#shared/schemas/queries.js';
import { RecommendationsSchema } from '#shared/schemas/views/recommend.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/recommend-courses.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/learners/{id}/recommendations',
  handler: 'recommend-courses',
  summary: 'Ranked courses closing the learner’s skill gap, and a pathway',
  scopes: [SCOPES.profile, SCOPES.bureau],
  query: RecommendQuerySchema,
  responses: {
    200: { description: 'Ranked courses, the skill gap and a pathway, explained in the language of Accept-Language', schema: RecommendationsSchema, headers: ['Content-Language'] },
  },
} as const satisfies RouteDef;
