import { SCOPES } from '#shared/domain/scopes.js';
import { ShortageQuerySchema } from '#shared/schemas/queries.js';
import { ShortageRankingSchema } from '#shared/schemas/views/shortage.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-shortage.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/insights/shortage',
  handler: 'get-shortage',
  summary: 'Skills ranked by shortage index',
  scopes: [SCOPES.insights],
  query: ShortageQuerySchema,
  responses: {
    200: { description: 'Skills by shortage index, highest first', schema: ShortageRankingSchema },
  },
} as const satisfies RouteDef;
