import { SCOPES } from '#shared/domain/scopes.js';
import { MatchQuerySchema } from '#shared/schemas/queries.js';
import { DemandMatchListSchema } from '#shared/schemas/views/matching.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/match-learner.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/learners/{id}/matches',
  handler: 'match-learner',
  summary: 'Ranked open demands for a learner, with explanations',
  scopes: [SCOPES.profile, SCOPES.bureau],
  query: MatchQuerySchema,
  responses: {
    200: { description: 'Ranked open demands, explained in the language of Accept-Language', schema: DemandMatchListSchema, headers: ['Content-Language'] },
  },
} as const satisfies RouteDef;
