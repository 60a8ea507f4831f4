import { SCOPES } from '#shared/domain/scopes.js';
import { LearnerInputSchema } from '#shared/schemas/learner.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-learner.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/learners',
  handler: 'create-learner',
  summary: 'Create or update (by ref) a learner profile',
  scopes: [SCOPES.profile, SCOPES.bureau],
  body: LearnerInputSchema,
  success: 201,
} as const satisfies RouteDef;
