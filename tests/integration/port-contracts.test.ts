import { DynamoCampaignStore } from '#shared/adapters/dynamodb/campaign-store.js';
import { DynamoRecordStore } from '#shared/adapters/dynamodb/record-store.js';
import { recordIndex } from '#shared/use-cases/record-index.js';
import { campaignStoreContract } from '../support/contracts/campaign-store.js';
import { CONTRACT_NOW, recordStoreContract } from '../support/contracts/record-store.js';
import { freshTable } from './table.js';

// The DynamoDB adapters, held to the same port contracts as the in-memory fakes the unit tests
// use (tests/unit/contracts): a fresh table for each test.
recordStoreContract('DynamoDB adapter', async () => {
  const table = await freshTable();
  return { store: new DynamoRecordStore(table.client, table.tableName, { now: () => CONTRACT_NOW }, { index: recordIndex }), dispose: table.drop };
});

campaignStoreContract('DynamoDB adapter', async () => {
  const table = await freshTable();
  return { store: new DynamoCampaignStore(table.client, table.tableName), dispose: table.drop };
});
