import { SCOPES } from '#shared/domain/scopes.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-learner.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/learners/{id}',
  handler: 'get-learner',
  summary: 'One learner',
  scopes: [SCOPES.profile, SCOPES.bureau],
} as const satisfies RouteDef;
