import { SCOPES } from '#shared/domain/scopes.js';
import { DemandPatchSchema } from '#shared/schemas/demand.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/update-demand.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'PATCH',
  path: '/demands/{id}',
  handler: 'update-demand',
  summary: 'JSON merge patch of a demand',
  scopes: [SCOPES.demands],
  body: DemandPatchSchema,
} as const satisfies RouteDef;
