import { SCOPES } from '#shared/domain/scopes.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/delete-learner.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'DELETE',
  path: '/learners/{id}',
  handler: 'delete-learner',
  summary: 'Delete a learner profile and all derived data',
  scopes: [SCOPES.profile, SCOPES.bureau],
  responses: {
    204: { description: 'Deleted' },
  },
} as const satisfies RouteDef;
