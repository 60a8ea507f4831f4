import { SCOPES } from '#shared/domain/scopes.js';
import { CourseBatchSchema } from '#shared/schemas/course.js';
import { CourseBatchResultSchema } from '#shared/schemas/views/records.js';
import { BATCH_BODY_BYTES, type RouteDef } from '../http/route-def.js';

/** The route functions/batch-create-courses.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/courses/batch',
  handler: 'batch-create-courses',
  summary: 'Create or update up to 100 courses',
  scopes: [SCOPES.bureau],
  body: CourseBatchSchema,
  maxBodyBytes: BATCH_BODY_BYTES,
  responses: {
    200: { description: 'Every course, stored (created or updated by ref), in the order sent', schema: CourseBatchResultSchema },
  },
} as const satisfies RouteDef;
