import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { makeMatchDemand } from '#shared/use-cases/match.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/match-demand.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/**
 * GET /demands/{id}/matches?limit=&group=: learners who consented to be shown, ranked for the demand,
 * each with the skill evidence and a sentence in the caller's language (Accept-Language).
 */
export const handler = httpHandler(route, async ({ params, query, caller, lang }) => {
  const { limit, group } = query;
  const { store, clock, candidates } = getContainer();
  const list = await makeMatchDemand({ store, clock, candidates, taxonomy: loadTaxonomy() })(caller, params.id ?? '', { limit, lang, group });
  return { body: list, headers: { 'content-language': lang === 'zh' ? 'zh-CN' : 'en', vary: 'Accept-Language' } };
});
