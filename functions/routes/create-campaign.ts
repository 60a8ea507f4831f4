import { SCOPES } from '#shared/domain/scopes.js';
import { CampaignInputSchema } from '#shared/schemas/campaign.js';
import { CampaignViewSchema } from '#shared/schemas/views/campaign.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-campaign.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/campaigns',
  handler: 'create-campaign',
  summary: 'Start a bureau campaign in the background (202 with its status)',
  scopes: [SCOPES.bureau],
  body: CampaignInputSchema,
  responses: {
    202: { description: 'Accepted: the queued campaign (or the unfinished one with the same request, resumed)', schema: CampaignViewSchema, headers: ['Location'] },
  },
} as const satisfies RouteDef;
