import { SCOPES } from '#shared/domain/scopes.js';
import { CampaignResultsQuerySchema } from '#shared/schemas/campaign.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-campaign-results.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/campaigns/{id}/results',
  handler: 'get-campaign-results',
  summary: 'Campaign results, one per learner: JSON, or CSV (UTF-8 with BOM)',
  scopes: [SCOPES.bureau],
  query: CampaignResultsQuerySchema,
} as const satisfies RouteDef;
