import { SCOPES } from '#shared/domain/scopes.js';
import { ApplicationBodySchema, ApplicationSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-application.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/applications',
  handler: 'create-application',
  summary: 'Apply to an open demand with one’s profile',
  scopes: [SCOPES.profile],
  body: ApplicationBodySchema,
  responses: { 200: { description: 'The application, already sent', schema: ApplicationSchema }, 201: { description: 'The application, sent', schema: ApplicationSchema, headers: ['Location'] } },
} as const satisfies RouteDef;
