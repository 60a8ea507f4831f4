import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { batchGetAll } from '../../../../shared/adapters/dynamodb/batch-get.js';
import { DynamoCampaignStore } from '../../../../shared/adapters/dynamodb/campaign-store.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
const ddb = mockClient(client);
const cancelled = (...codes: string[]) => new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
const id = 'cp_aaaaaaaaaaaaaaaaaaaa';

beforeEach(() => ddb.reset());

describe('campaign transactions through the toolkit (fault injection)', () => {
  it('retries a page mark that lost to a concurrent transaction, and marks it once', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'TransactionConflict')).resolves({});
    const store = new DynamoCampaignStore(client, 't');

    // Act
    const marked = await store.completePage(id, 3);

    // Assess
    expect(marked).toBe(true);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('does not retry a page marked before: it only moves the cursor on', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None'));
    ddb.on(UpdateCommand).resolves({});
    const store = new DynamoCampaignStore(client, 't');

    const marked = await store.completePage(id, 3, { page: 4, end: true });

    expect(marked).toBe(false);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(ddb.commandCalls(UpdateCommand)[0]?.args[0].input.ExpressionAttributeValues).toEqual({ ':cursor': { page: 4, end: true } });
  });
});

describe('batchGetAll (fault injection)', () => {
  it('resends unprocessed keys until every item is read', async () => {
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { t: [{ pk: 'A', sk: 'S' }] }, UnprocessedKeys: { t: { Keys: [{ pk: 'B', sk: 'S' }] } } })
      .resolves({ Responses: { t: [{ pk: 'B', sk: 'S' }] } });

    const items = await batchGetAll(client, 't', [{ pk: 'A', sk: 'S' }, { pk: 'B', sk: 'S' }], { what: 'Reading' });

    expect(items.map((i) => i.pk).sort()).toEqual(['A', 'B']);
    expect(ddb.commandCalls(BatchGetCommand)[1]?.args[0].input.RequestItems?.t?.Keys).toEqual([{ pk: 'B', sk: 'S' }]);
  });
});
