import type { CampaignInput } from '#shared/schemas/campaign.js';
import { makeCreateCampaign } from '#shared/use-cases/campaign/manage.js';
import { getCampaignContainer } from './campaign-container.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes.js';

/** POST /campaigns: a bureau starts a campaign in its region; 202 with the queued status while it runs. */
export const handler = httpHandler(route('create-campaign'), async ({ body, caller }) => {
  const { campaigns, dispatcher } = getCampaignContainer();
  const status = await makeCreateCampaign({ campaigns, dispatcher, clock: getContainer().clock })(caller, body as CampaignInput);
  return { status: 202, body: status, headers: { location: `/campaigns/${status.id}` } };
});
