import { SCOPES } from '#shared/domain/scopes.js';
import { DemandPatchSchema } from '#shared/schemas/demand.js';
import { DemandViewSchema } from '#shared/schemas/views/records.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/update-demand.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'PATCH',
  path: '/demands/{id}',
  handler: 'update-demand',
  summary: 'JSON merge patch of a demand',
  scopes: [SCOPES.demands],
  body: DemandPatchSchema,
  responses: {
    200: { description: 'The updated demand (unchanged when the patch changes nothing)', schema: DemandViewSchema, headers: ['ETag'] },
  },
} as const satisfies RouteDef;
