import { SCOPES } from '#shared/domain/scopes.js';
import { CourseInputSchema } from '#shared/schemas/course.js';
import { CourseViewSchema } from '#shared/schemas/views/records.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-course.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/courses',
  handler: 'create-course',
  summary: 'Create or update (by ref) a course',
  scopes: [SCOPES.bureau],
  body: CourseInputSchema,
  responses: {
    201: { description: 'Created: the stored course', schema: CourseViewSchema, headers: ['ETag', 'Location'] },
    200: { description: 'The caller already had a course with this ref: updated (or unchanged when identical)', schema: CourseViewSchema, headers: ['ETag', 'Location'] },
  },
} as const satisfies RouteDef;
