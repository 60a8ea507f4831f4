import { SCOPES } from '#shared/domain/scopes.js';
import { ListQuerySchema } from '#shared/schemas/queries.js';
import { DemandPageSchema } from '#shared/schemas/views/records.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/list-demands.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/demands',
  handler: 'list-demands',
  summary: 'Own demands, or a bureau region’s',
  scopes: [SCOPES.demands],
  query: ListQuerySchema,
  responses: {
    200: { description: 'A page of demands', schema: DemandPageSchema },
  },
} as const satisfies RouteDef;
