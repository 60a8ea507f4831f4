import { SCOPES } from '#shared/domain/scopes.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/delete-my-profile.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'DELETE',
  path: '/me/profile',
  handler: 'delete-my-profile',
  summary: 'Erase the caller’s profile and withdraw its open applications',
  scopes: [SCOPES.profile],
  success: 204,
  responses: { 204: { description: 'Erased' } },
} as const satisfies RouteDef;
