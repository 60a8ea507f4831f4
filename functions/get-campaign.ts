import { DynamoFunnelStore } from '#shared/adapters/dynamodb/funnel-store.js';
import { campaignFunnel, type FunnelReport } from '#shared/domain/funnel.js';
import { campaignView, makeGetCampaign } from '#shared/use-cases/campaign/manage.js';
import { getCampaignStore } from './campaign-store.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/get-campaign.js';

let funnel: DynamoFunnelStore | undefined;

/**
 * GET /campaigns/{id}: status and progress (learners done / total, failures); once completed the
 * summary, and the placements funnel of the learners it matched (one more item read).
 */
export const handler = httpHandler(route, async ({ params, caller }) => {
  const campaign = await makeGetCampaign({ campaigns: getCampaignStore() })(caller, params.id ?? '');
  let placements: FunnelReport | undefined;
  if (campaign.summary) {
    const { client, config } = getContainer();
    funnel ??= new DynamoFunnelStore(client, config.TABLE_NAME);
    placements = campaignFunnel(campaign.summary, await funnel.campaign(campaign.id));
  }
  return { body: campaignView(campaign, placements), headers: { 'cache-control': 'no-store' } };
});
