import { SCOPES } from '#shared/domain/scopes.js';
import { ClaimCodeSchema } from '#shared/schemas/action.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-claim-code.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/learners/{id}/claim-code',
  handler: 'create-claim-code',
  summary: 'A one-time code with which the person claims this profile',
  scopes: [SCOPES.bureau],
  success: 201,
  responses: { 201: { description: 'The code (shown once)', schema: ClaimCodeSchema } },
} as const satisfies RouteDef;
