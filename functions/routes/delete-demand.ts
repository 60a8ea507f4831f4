import { SCOPES } from '#shared/domain/scopes.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/delete-demand.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'DELETE',
  path: '/demands/{id}',
  handler: 'delete-demand',
  summary: 'Delete a demand',
  scopes: [SCOPES.demands],
  responses: {
    204: { description: 'Deleted' },
  },
} as const satisfies RouteDef;
