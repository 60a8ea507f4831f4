import { SCOPES } from '#shared/domain/scopes.js';
import { LearnerPatchSchema } from '#shared/schemas/learner.js';
import { LearnerViewSchema } from '#shared/schemas/views/records.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/update-learner.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'PATCH',
  path: '/learners/{id}',
  handler: 'update-learner',
  summary: 'JSON merge patch of a learner',
  scopes: [SCOPES.profile, SCOPES.bureau],
  body: LearnerPatchSchema,
  responses: {
    200: { description: 'The updated learner (unchanged when the patch changes nothing)', schema: LearnerViewSchema, headers: ['ETag'] },
  },
} as const satisfies RouteDef;
