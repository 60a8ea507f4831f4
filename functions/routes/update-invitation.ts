import { SCOPES } from '#shared/domain/scopes.js';
import { InvitationSchema, InvitationStatusPatchSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/update-invitation.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'PATCH',
  path: '/invitations/{id}',
  handler: 'update-invitation',
  summary: 'Withdraw an invitation or record a hire (employer)',
  scopes: [SCOPES.demands],
  body: InvitationStatusPatchSchema,
  responses: { 200: { description: 'The invitation', schema: InvitationSchema } },
} as const satisfies RouteDef;
