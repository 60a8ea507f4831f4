import { SCOPES } from '#shared/domain/scopes.js';
import { ListQuerySchema } from '#shared/schemas/queries.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/list-demands.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/demands',
  handler: 'list-demands',
  summary: 'Own demands, or a bureau region’s',
  scopes: [SCOPES.demands],
  query: ListQuerySchema,
} as const satisfies RouteDef;
