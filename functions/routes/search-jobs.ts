import { SCOPES } from '#shared/domain/scopes.js';
import { JobPageSchema, JobsQuerySchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/search-jobs.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/jobs',
  handler: 'search-jobs',
  summary: 'Search open jobs',
  scopes: [SCOPES.read],
  query: JobsQuerySchema,
  responses: { 200: { description: 'A page of jobs', schema: JobPageSchema, headers: ['Content-Language'] } },
} as const satisfies RouteDef;
