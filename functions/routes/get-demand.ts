import { SCOPES } from '#shared/domain/scopes.js';
import { DemandViewSchema } from '#shared/schemas/views/records.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-demand.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/demands/{id}',
  handler: 'get-demand',
  summary: 'One demand',
  scopes: [SCOPES.demands],
  responses: {
    200: { description: 'The demand', schema: DemandViewSchema, headers: ['ETag'] },
  },
} as const satisfies RouteDef;
