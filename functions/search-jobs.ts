import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { makeSearchJobs } from '#shared/use-cases/jobs.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/search-jobs.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/** GET /jobs: open jobs matching the filters; for a job seeker with a profile, ranked by match with the reason. */
export const handler = httpHandler(route, async ({ query, caller, lang }) => {
  const page = await makeSearchJobs({ ...getActionDeps(), taxonomy: loadTaxonomy() })(caller, query, lang);
  return { body: page, headers: { 'content-language': lang === 'zh' ? 'zh-CN' : 'en', vary: 'Accept-Language' } };
});
