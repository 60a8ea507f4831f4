import type { RouteDef } from '../http/route-def.js';

/** The route functions/get-openapi.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/openapi.json',
  handler: 'get-openapi',
  summary: 'This OpenAPI document',
  scopes: [],
} as const satisfies RouteDef;
