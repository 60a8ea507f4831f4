import { SCOPES } from '#shared/domain/scopes.js';
import { InvitationBodySchema, InvitationSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-invitation.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/invitations',
  handler: 'create-invitation',
  summary: 'Invite a consenting match to apply to one’s demand',
  scopes: [SCOPES.demands],
  body: InvitationBodySchema,
  responses: { 200: { description: 'The invitation, already sent', schema: InvitationSchema }, 201: { description: 'The invitation, sent', schema: InvitationSchema, headers: ['Location'] } },
  limitedPerDay: true,
} as const satisfies RouteDef;
