import { SCOPES } from '#shared/domain/scopes.js';
import { DemandBatchSchema } from '#shared/schemas/demand.js';
import { DemandBatchResultSchema } from '#shared/schemas/views/records.js';
import { BATCH_BODY_BYTES, type RouteDef } from '../http/route-def.js';

/** The route functions/batch-create-demands.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/demands/batch',
  handler: 'batch-create-demands',
  summary: 'Create or update up to 100 demands',
  scopes: [SCOPES.demands],
  body: DemandBatchSchema,
  maxBodyBytes: BATCH_BODY_BYTES,
  responses: {
    200: { description: 'Every demand, stored (created or updated by ref), in the order sent', schema: DemandBatchResultSchema },
  },
} as const satisfies RouteDef;
