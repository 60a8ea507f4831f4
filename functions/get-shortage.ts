import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { makeShortageRanking } from '#shared/use-cases/shortage.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/get-shortage.js';

/**
 * GET /insights/shortage?region=&limit=: skills ranked by shortage index. Employers may name any
 * region (national by default); bureau staff see their own region or one inside it.
 */
export const handler = httpHandler(route, async ({ query, caller }) => {
  const { clock, shortage } = getContainer();
  const ranking = await makeShortageRanking({ shortage, clock, taxonomy: loadTaxonomy() })(caller, query);
  return { body: ranking };
});
