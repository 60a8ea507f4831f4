import { extractSkills } from '#shared/taxonomy/extract.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes.js';

const taxonomy = loadTaxonomy();

/** POST /skills/extract: the skills found in a text, with spans and confidence. */
export const handler = httpHandler(route('extract-skills'), async ({ body }) => {
  const { text } = body as { text: string };
  return { body: extractSkills(text, taxonomy) };
});
