import { campaignView, makeGetCampaign } from '#shared/use-cases/campaign/manage.js';
import { getCampaignStore } from './campaign-store.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/get-campaign.js';

/** GET /campaigns/{id}: status and progress (learners done / total, failures); the summary once completed. */
export const handler = httpHandler(route, async ({ params, caller }) => {
  const campaign = await makeGetCampaign({ campaigns: getCampaignStore() })(caller, params.id ?? '');
  return { body: campaignView(campaign), headers: { 'cache-control': 'no-store' } };
});
