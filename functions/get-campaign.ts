import { campaignView, makeGetCampaign } from '#shared/use-cases/campaign/manage.js';
import { getCampaignContainer } from './campaign-container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes.js';

/** GET /campaigns/{id}: status and progress (learners done / total, failures); the summary once completed. */
export const handler = httpHandler(route('get-campaign'), async ({ params, caller }) => {
  const campaign = await makeGetCampaign(getCampaignContainer())(caller, params.id ?? '');
  return { body: campaignView(campaign), headers: { 'cache-control': 'no-store' } };
});
