import { SCOPES } from '#shared/domain/scopes.js';
import { CampaignViewSchema } from '#shared/schemas/views/campaign.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-campaign.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/campaigns/{id}',
  handler: 'get-campaign',
  summary: 'Campaign status and progress; the report once completed',
  scopes: [SCOPES.bureau],
  responses: {
    200: { description: 'The campaign’s status and progress; the summary once completed', schema: CampaignViewSchema },
  },
} as const satisfies RouteDef;
