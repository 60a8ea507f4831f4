import { SCOPES } from '#shared/domain/scopes.js';
import { LearnerViewSchema } from '#shared/schemas/views/records.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-learner.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/learners/{id}',
  handler: 'get-learner',
  summary: 'One learner',
  scopes: [SCOPES.profile, SCOPES.bureau],
  responses: {
    200: { description: 'The learner', schema: LearnerViewSchema, headers: ['ETag'] },
  },
} as const satisfies RouteDef;
