import { SCOPES } from '#shared/domain/scopes.js';
import { DemandInputSchema } from '#shared/schemas/demand.js';
import { DemandViewSchema } from '#shared/schemas/views/records.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-demand.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/demands',
  handler: 'create-demand',
  summary: 'Create or update (by ref) a demand',
  scopes: [SCOPES.demands],
  body: DemandInputSchema,
  responses: {
    201: { description: 'Created: the stored demand', schema: DemandViewSchema, headers: ['ETag', 'Location'] },
    200: { description: 'The caller already had a demand with this ref: updated (or unchanged when identical)', schema: DemandViewSchema, headers: ['ETag', 'Location'] },
  },
} as const satisfies RouteDef;
