import { SCOPES } from '#shared/domain/scopes.js';
import { CourseInputSchema } from '#shared/schemas/course.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-course.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/courses',
  handler: 'create-course',
  summary: 'Create or update (by ref) a course',
  scopes: [SCOPES.bureau],
  body: CourseInputSchema,
  success: 201,
} as const satisfies RouteDef;
