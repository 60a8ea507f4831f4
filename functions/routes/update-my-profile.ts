import { SCOPES } from '#shared/domain/scopes.js';
import { MeProfilePatchSchema, ProfileSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/update-my-profile.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'PATCH',
  path: '/me/profile',
  handler: 'update-my-profile',
  summary: 'Merge into the caller’s profile, or create it from a whole profile',
  scopes: [SCOPES.profile],
  body: MeProfilePatchSchema,
  responses: { 200: { description: 'The updated profile', schema: ProfileSchema, headers: ['ETag'] }, 201: { description: 'The profile, created', schema: ProfileSchema, headers: ['ETag', 'Location'] } },
} as const satisfies RouteDef;
