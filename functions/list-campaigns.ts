import { DynamoFunnelStore } from '#shared/adapters/dynamodb/funnel-store.js';
import { campaignFunnel } from '#shared/domain/funnel.js';
import { campaignView, makeListCampaigns } from '#shared/use-cases/campaign/manage.js';
import { getCampaignStore } from './campaign-store.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/list-campaigns.js';

let funnel: DynamoFunnelStore | undefined;

/**
 * GET /campaigns: the campaigns of the bureau's region and of the regions inside it (`?region=`
 * narrows), newest first, each as GET /campaigns/{id} shows it (with the placements funnel of the
 * completed ones, one BatchGet a page); `nextToken` continues the list.
 */
export const handler = httpHandler(route, async ({ query, caller }) => {
  const page = await makeListCampaigns({ campaigns: getCampaignStore() })(caller, query);
  const reported = page.items.filter((c) => c.summary);
  const { client, config } = getContainer();
  funnel ??= new DynamoFunnelStore(client, config.TABLE_NAME);
  const counters = reported.length > 0 ? await funnel.campaigns(reported.map((c) => c.id)) : new Map();
  return {
    body: {
      items: page.items.map((c) => {
        const found = counters.get(c.id);
        return campaignView(c, c.summary && found ? campaignFunnel(c.summary, found) : undefined);
      }),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    },
    headers: { 'cache-control': 'no-store' },
  };
});
