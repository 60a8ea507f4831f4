import { SCOPES } from '#shared/domain/scopes.js';
import { InvitationSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/accept-invitation.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/invitations/{id}/accept',
  handler: 'accept-invitation',
  summary: 'Accept an invitation: the employer then sees one’s contact details',
  scopes: [SCOPES.profile],
  responses: { 200: { description: 'The invitation', schema: InvitationSchema } },
} as const satisfies RouteDef;
