import { SCOPES } from '#shared/domain/scopes.js';
import { SkillSearchQuerySchema } from '#shared/schemas/skills.js';
import { SkillSuggestionsSchema } from '#shared/schemas/views/skills.js';
import type { RouteDef } from '../http/route-def.js';

/** The route functions/search-skills.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/skills',
  handler: 'search-skills',
  summary: 'Taxonomy autocomplete, Chinese and English',
  scopes: [SCOPES.read],
  query: SkillSearchQuerySchema,
  responses: {
    200: { description: 'Skills whose labels or synonyms match, best first', schema: SkillSuggestionsSchema },
  },
} as const satisfies RouteDef;
