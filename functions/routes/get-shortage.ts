import { SCOPES } from '#shared/domain/scopes.js';
import { ShortageQuerySchema } from '#shared/schemas/queries.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-shortage.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/insights/shortage',
  handler: 'get-shortage',
  summary: 'Skills ranked by shortage index',
  scopes: [SCOPES.insights],
  query: ShortageQuerySchema,
} as const satisfies RouteDef;
