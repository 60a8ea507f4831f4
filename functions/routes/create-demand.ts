import { SCOPES } from '#shared/domain/scopes.js';
import { DemandInputSchema } from '#shared/schemas/demand.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-demand.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/demands',
  handler: 'create-demand',
  summary: 'Create or update (by ref) a demand',
  scopes: [SCOPES.demands],
  body: DemandInputSchema,
  success: 201,
} as const satisfies RouteDef;
