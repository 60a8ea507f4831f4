import { DynamoCampaignStore } from '#shared/adapters/dynamodb/campaign-store.js';
import type { CampaignStore } from '#shared/ports/campaign-store.js';
import { getContainer } from './container.js';

let campaigns: CampaignStore | undefined;

/**
 * The process-wide campaign store, created on first use. Apart from campaign-container.ts so that
 * the handlers that only read or cancel campaigns bundle neither the campaign engine nor the SQS
 * client, and apart from container.ts so that no other handler bundles it.
 */
export function getCampaignStore(): CampaignStore {
  if (!campaigns) {
    const { client, config } = getContainer();
    campaigns = new DynamoCampaignStore(client, config.TABLE_NAME);
  }
  return campaigns;
}
