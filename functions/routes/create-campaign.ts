import { SCOPES } from '#shared/domain/scopes.js';
import { CampaignInputSchema } from '#shared/schemas/campaign.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/create-campaign.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/campaigns',
  handler: 'create-campaign',
  summary: 'Start a bureau campaign in the background (202 with its status)',
  scopes: [SCOPES.bureau],
  body: CampaignInputSchema,
  success: 202,
} as const satisfies RouteDef;
