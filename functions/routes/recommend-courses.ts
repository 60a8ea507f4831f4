import { SCOPES } from '#shared/domain/scopes.js';
import { RecommendQuerySchema } from '#shared/schemas/queries.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/recommend-courses.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/learners/{id}/recommendations',
  handler: 'recommend-courses',
  summary: 'Ranked courses closing the learner’s skill gap, and a pathway',
  scopes: [SCOPES.profile, SCOPES.bureau],
  query: RecommendQuerySchema,
} as const satisfies RouteDef;
