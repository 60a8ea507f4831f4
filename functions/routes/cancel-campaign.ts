import { SCOPES } from '#shared/domain/scopes.js';
import { CampaignViewSchema } from '#shared/schemas/views/campaign.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/cancel-campaign.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/campaigns/{id}/cancel',
  handler: 'cancel-campaign',
  summary: 'Cancel a queued or running campaign',
  scopes: [SCOPES.bureau],
  responses: {
    200: { description: 'The campaign, now cancelled (a queued one) or stopping at its next page', schema: CampaignViewSchema },
  },
} as const satisfies RouteDef;
