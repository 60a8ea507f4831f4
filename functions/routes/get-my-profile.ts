import { SCOPES } from '#shared/domain/scopes.js';
import { ProfileSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-my-profile.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/me/profile',
  handler: 'get-my-profile',
  summary: 'The caller’s own learner profile',
  scopes: [SCOPES.profile],
  responses: { 200: { description: 'The profile', schema: ProfileSchema, headers: ['ETag'] } },
} as const satisfies RouteDef;
