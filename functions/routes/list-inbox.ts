import { SCOPES } from '#shared/domain/scopes.js';
import { InboxPageSchema, InboxQuerySchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/list-inbox.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/inbox',
  handler: 'list-inbox',
  summary: 'The caller’s events, newest first, with the unread count',
  scopes: [SCOPES.read],
  query: InboxQuerySchema,
  responses: { 200: { description: 'A page of events', schema: InboxPageSchema } },
} as const satisfies RouteDef;
