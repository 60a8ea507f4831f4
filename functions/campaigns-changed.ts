import type { CampaignsChanged } from '#shared/use-cases/records.js';
import { getCampaignContainer } from './campaign-container.js';

/**
 * After a learner's deletion took results off campaigns, their summaries are brought up to date:
 * a `settle` message each on the campaign queue in AWS (the campaign worker recomputes them), or
 * at once in this process locally. Only completed campaigns change; a running one counts the
 * deletion when it finalises.
 */
export const campaignsChanged: CampaignsChanged = async (campaignIds) => {
  const container = getCampaignContainer();
  if (container.local) {
    for (const id of campaignIds) await container.runner.settle(id);
    return;
  }
  await (await container.queue()).send(campaignIds.map((campaignId) => ({ type: 'settle', campaignId })));
};
