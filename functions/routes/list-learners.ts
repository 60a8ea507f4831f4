import { SCOPES } from '#shared/domain/scopes.js';
import { ListQuerySchema } from '#shared/schemas/queries.js';
import { LearnerPageSchema } from '#shared/schemas/views/records.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/list-learners.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/learners',
  handler: 'list-learners',
  summary: 'Learners of a bureau region',
  scopes: [SCOPES.bureau],
  query: ListQuerySchema,
  responses: {
    200: { description: 'A page of learners', schema: LearnerPageSchema },
  },
} as const satisfies RouteDef;
