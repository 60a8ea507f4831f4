import { SCOPES } from '#shared/domain/scopes.js';
import { ListQuerySchema } from '#shared/schemas/queries.js';
import { CampaignPageSchema } from '#shared/schemas/views/campaign.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/list-campaigns.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/campaigns',
  handler: 'list-campaigns',
  summary: 'Campaigns of the bureau’s region and the regions inside it, newest first',
  scopes: [SCOPES.bureau],
  query: ListQuerySchema,
  responses: {
    200: { description: 'A page of campaigns, newest first', schema: CampaignPageSchema },
  },
} as const satisfies RouteDef;
