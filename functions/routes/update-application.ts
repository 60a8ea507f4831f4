import { SCOPES } from '#shared/domain/scopes.js';
import { ApplicationSchema, ApplicationStatusPatchSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/update-application.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'PATCH',
  path: '/applications/{id}',
  handler: 'update-application',
  summary: 'Answer an application (employer) or withdraw it (job seeker)',
  scopes: [SCOPES.read],
  body: ApplicationStatusPatchSchema,
  responses: { 200: { description: 'The application', schema: ApplicationSchema } },
} as const satisfies RouteDef;
