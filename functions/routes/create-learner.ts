import { SCOPES } from '#shared/domain/scopes.js';
import { LearnerInputSchema } from '#shared/schemas/learner.js';
import { LearnerViewSchema } from '#shared/schemas/views/records.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-learner.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/learners',
  handler: 'create-learner',
  summary: 'Create or update (by ref) a learner profile',
  scopes: [SCOPES.profile, SCOPES.bureau],
  body: LearnerInputSchema,
  responses: {
    201: { description: 'Created: the stored learner', schema: LearnerViewSchema, headers: ['ETag', 'Location'] },
    200: { description: 'The caller already had a learner with this ref: updated (or unchanged when identical)', schema: LearnerViewSchema, headers: ['ETag', 'Location'] },
  },
} as const satisfies RouteDef;
