import { SCOPES } from '#shared/domain/scopes.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/cancel-campaign.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/campaigns/{id}/cancel',
  handler: 'cancel-campaign',
  summary: 'Cancel a queued or running campaign (an addition to CONTRACT.md §4)',
  scopes: [SCOPES.bureau],
} as const satisfies RouteDef;
