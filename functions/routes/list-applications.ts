import { SCOPES } from '#shared/domain/scopes.js';
import { ApplicationPageSchema, EngagementListQuerySchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/list-applications.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/applications',
  handler: 'list-applications',
  summary: 'Own applications; an employer’s to its demands; a bureau region’s',
  scopes: [SCOPES.read],
  // Marks what the other side sent `viewed`, and logs contact reveals.
  writes: true,
  query: EngagementListQuerySchema,
  responses: { 200: { description: 'A page of applications', schema: ApplicationPageSchema } },
} as const satisfies RouteDef;
