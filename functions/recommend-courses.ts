import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { makeRecommendCourses } from '#shared/use-cases/recommend.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/recommend-courses.js';
import { getSubsidyRules } from './subsidy-rules.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/**
 * GET /learners/{id}/recommendations?limit=&demandId=&occupation=: courses ranked by how much of
 * the learner's skill gap they close, with a pathway and subsidies, explained in the caller's
 * language (Accept-Language). The learner themself or the bureau of their region only.
 */
export const handler = httpHandler(route, async ({ params, query, caller, lang }) => {
  const { limit, demandId, occupation } = query;
  const answer = await makeRecommendCourses({ ...getContainer(), subsidyRules: getSubsidyRules, taxonomy: loadTaxonomy() })(caller, params.id ?? '', {
    limit,
    lang,
    demandId,
    occupationId: occupation,
  });
  return { body: answer, headers: { 'content-language': lang === 'zh' ? 'zh-CN' : 'en', vary: 'Accept-Language' } };
});
