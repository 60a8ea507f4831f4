import { SCOPES } from '#shared/domain/scopes.js';
import { SubsidyHistoryResponseSchema, SubsidyRecordInputSchema } from '#shared/schemas/subsidy.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/record-subsidy.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/learners/{id}/subsidies',
  handler: 'record-subsidy',
  summary: "Record a subsidy the learner received (bureau staff of the learner's region)",
  scopes: [SCOPES.bureau],
  body: SubsidyRecordInputSchema,
  success: 201,
  responses: {
    201: { description: 'The entry was added; the learner’s whole subsidy history.', schema: SubsidyHistoryResponseSchema, headers: ['ETag'] },
    200: { description: 'An entry with this ref was replaced, or was already recorded as given; the whole history.', schema: SubsidyHistoryResponseSchema, headers: ['ETag'] },
  },
} as const satisfies RouteDef;
