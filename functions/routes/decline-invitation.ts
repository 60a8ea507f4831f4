import { SCOPES } from '#shared/domain/scopes.js';
import { InvitationSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/decline-invitation.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/invitations/{id}/decline',
  handler: 'decline-invitation',
  summary: 'Decline an invitation',
  scopes: [SCOPES.profile],
  responses: { 200: { description: 'The invitation', schema: InvitationSchema } },
} as const satisfies RouteDef;
