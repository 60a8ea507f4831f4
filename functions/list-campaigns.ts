import { campaignView, makeListCampaigns } from '#shared/use-cases/campaign/manage.js';
import { getCampaignStore } from './campaign-store.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/list-campaigns.js';

/**
 * GET /campaigns: the campaigns of the bureau's region and of the regions inside it (`?region=`
 * narrows), newest first, each as GET /campaigns/{id} shows it; `nextToken` continues the list.
 */
export const handler = httpHandler(route, async ({ query, caller }) => {
  const page = await makeListCampaigns({ campaigns: getCampaignStore() })(caller, query);
  return {
    body: { items: page.items.map((c) => campaignView(c)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) },
    headers: { 'cache-control': 'no-store' },
  };
});
