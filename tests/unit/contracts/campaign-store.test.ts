import { campaignStoreContract } from '../../support/contracts/campaign-store.js';
import { MemoryCampaignStore } from '../campaign/fakes.js';

// The in-memory fake the campaign tests run on, held to the same port contract as the DynamoDB
// adapter (tests/integration/port-contracts.test.ts).
campaignStoreContract('in-memory fake', async () => ({ store: new MemoryCampaignStore() }));
