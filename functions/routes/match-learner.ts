import { SCOPES } from '#shared/domain/scopes.js';
import { MatchQuerySchema } from '#shared/schemas/queries.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/match-learner.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/learners/{id}/matches',
  handler: 'match-learner',
  summary: 'Ranked open demands for a learner, with explanations',
  scopes: [SCOPES.profile, SCOPES.bureau],
  query: MatchQuerySchema,
} as const satisfies RouteDef;
