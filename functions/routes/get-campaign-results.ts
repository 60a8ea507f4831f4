import { SCOPES } from '#shared/domain/scopes.js';
import { CampaignResultsQuerySchema } from '#shared/schemas/campaign.js';
import { CampaignResultsSchema } from '#shared/schemas/views/campaign.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-campaign-results.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/campaigns/{id}/results',
  handler: 'get-campaign-results',
  summary: 'Campaign results, one per learner: JSON, or CSV (UTF-8 with BOM)',
  scopes: [SCOPES.bureau],
  query: CampaignResultsQuerySchema,
  responses: {
    200: {
      description: 'One item per learner (JSON), or one row per learner (?format=csv: UTF-8 with a BOM)',
      schema: CampaignResultsSchema,
      text: { contentType: 'text/csv', description: 'One row per learner; more rows continue through X-Next-Token' },
      headers: ['X-Next-Token', 'Content-Disposition'],
    },
  },
} as const satisfies RouteDef;
