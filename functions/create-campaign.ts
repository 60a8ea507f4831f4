import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { makeCreateCampaign } from '#shared/use-cases/campaign/manage.js';
import { getCampaignContainer } from './campaign-container.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/create-campaign.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/** POST /campaigns: a bureau starts a campaign in its region; 202 with the queued status while it runs. */
export const handler = httpHandler(route, async ({ body, caller }) => {
  const { campaigns, dispatcher } = getCampaignContainer();
  const status = await makeCreateCampaign({ campaigns, dispatcher, clock: getContainer().clock })(caller, body);
  return { status: 202, body: status, headers: { location: `/campaigns/${status.id}` } };
});
