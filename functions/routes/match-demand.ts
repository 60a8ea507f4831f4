import { SCOPES } from '#shared/domain/scopes.js';
import { DemandMatchQuerySchema } from '#shared/schemas/queries.js';
import { LearnerMatchListSchema } from '#shared/schemas/views/matching.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/match-demand.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/demands/{id}/matches',
  handler: 'match-demand',
  summary: 'Ranked learners who consented, with explanations',
  scopes: [SCOPES.demands],
  query: DemandMatchQuerySchema,
  responses: {
    200: { description: 'Ranked learners, explained in the language of Accept-Language', schema: LearnerMatchListSchema, headers: ['Content-Language'] },
  },
} as const satisfies RouteDef;
