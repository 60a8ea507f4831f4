import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/search-skills.js';

const taxonomy = loadTaxonomy();

/** GET /skills?q=: autocomplete over the taxonomy in Chinese and English. */
export const handler = httpHandler(route, async ({ query }) => {
  const { q, limit } = query;
  return { body: { items: taxonomy.search(q, limit), taxonomyVersion: taxonomy.version } };
});
