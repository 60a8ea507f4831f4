import { SCOPES } from '#shared/domain/scopes.js';
import { ClaimBodySchema, ProfileSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/claim-profile.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/me/profile/claim',
  handler: 'claim-profile',
  summary: 'Claim a profile bureau staff created, with its one-time code',
  scopes: [SCOPES.profile],
  body: ClaimBodySchema,
  responses: { 200: { description: 'The claimed profile', schema: ProfileSchema, headers: ['ETag'] } },
} as const satisfies RouteDef;
