import { SCOPES } from '#shared/domain/scopes.js';
import { ExtractBodySchema } from '#shared/schemas/skills.js';
import { ExtractionSchema } from '#shared/schemas/views/skills.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/extract-skills.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'POST',
  path: '/skills/extract',
  handler: 'extract-skills',
  summary: 'Skills found in a text',
  scopes: [SCOPES.read],
  body: ExtractBodySchema,
  responses: {
    200: { description: 'The skills found, with spans and confidence, and the text no skill covers', schema: ExtractionSchema },
  },
} as const satisfies RouteDef;
