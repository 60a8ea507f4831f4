import { HealthSchema } from '#shared/schemas/views/common.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-health.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/health',
  handler: 'get-health',
  summary: 'Liveness',
  scopes: [],
  responses: {
    200: { description: 'The service is up', schema: HealthSchema },
  },
} as const satisfies RouteDef;
