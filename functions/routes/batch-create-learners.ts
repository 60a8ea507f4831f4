import { SCOPES } from '#shared/domain/scopes.js';
import { LearnerBatchSchema } from '#shared/schemas/learner.js';
import { LearnerBatchResultSchema } from '#shared/schemas/views/records.js';
import { BATCH_BODY_BYTES, type RouteDef } from '../http/route-def.js';

/** The route functions/batch-create-learners.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/learners/batch',
  handler: 'batch-create-learners',
  summary: 'Create or update up to 100 learners',
  scopes: [SCOPES.profile, SCOPES.bureau],
  body: LearnerBatchSchema,
  maxBodyBytes: BATCH_BODY_BYTES,
  responses: {
    200: { description: 'Every learner, stored (created or updated by ref), in the order sent', schema: LearnerBatchResultSchema },
  },
} as const satisfies RouteDef;
