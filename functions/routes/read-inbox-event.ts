import { SCOPES } from '#shared/domain/scopes.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/read-inbox-event.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/inbox/{id}/read',
  handler: 'read-inbox-event',
  summary: 'Mark an event read',
  scopes: [SCOPES.read],
  success: 204,
  responses: { 204: { description: 'Marked read' } },
} as const satisfies RouteDef;
