import { SCOPES } from '#shared/domain/scopes.js';
import { EngagementListQuerySchema, InvitationPageSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/list-invitations.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/invitations',
  handler: 'list-invitations',
  summary: 'Invitations received (job seeker), sent (employer), or a bureau region’s',
  scopes: [SCOPES.read],
  // Marks what the other side sent `viewed`, and logs contact reveals.
  writes: true,
  query: EngagementListQuerySchema,
  responses: { 200: { description: 'A page of invitations', schema: InvitationPageSchema } },
} as const satisfies RouteDef;
