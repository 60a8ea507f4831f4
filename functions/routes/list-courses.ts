import { SCOPES } from '#shared/domain/scopes.js';
import { CourseQuerySchema } from '#shared/schemas/queries.js';
import { CoursePageSchema } from '#shared/schemas/views/records.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/list-courses.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/courses',
  handler: 'list-courses',
  summary: 'Courses by skill and region',
  scopes: [SCOPES.read],
  query: CourseQuerySchema,
  responses: {
    200: { description: 'A page of courses', schema: CoursePageSchema },
  },
} as const satisfies RouteDef;
