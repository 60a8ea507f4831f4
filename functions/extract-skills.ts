import { extractSkills, prepareExtraction } from '#shared/taxonomy/extract.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/extract-skills.js';

const taxonomy = loadTaxonomy();
// Build the extraction indexes during init rather than on the first request.
prepareExtraction(taxonomy);

/** POST /skills/extract: the skills found in a text, with spans and confidence. */
export const handler = httpHandler(route, async ({ body }) => {
  const { items, wants, unmapped } = extractSkills(body.text, taxonomy);
  return { body: { items, wants, unmapped } };
});
