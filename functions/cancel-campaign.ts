import { makeCancelCampaign } from '#shared/use-cases/campaign/manage.js';
import { getCampaignStore } from './campaign-store.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/cancel-campaign.js';

/** POST /campaigns/{id}/cancel: stops a queued or running campaign at its next page (409 once finished). */
export const handler = httpHandler(route, async ({ params, caller }) => {
  const status = await makeCancelCampaign({ campaigns: getCampaignStore(), clock: getContainer().clock })(caller, params.id ?? '');
  return { body: status };
});
