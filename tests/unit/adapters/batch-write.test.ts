import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { batchWriteAll } from '../../../shared/adapters/dynamodb/batch-write.js';
import { ServiceBusyError } from '../../../shared/domain/errors.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
const ddb = mockClient(client);
const put = (n: number) => ({ PutRequest: { Item: { pk: `P#${n}`, sk: 'S' } } });
const noSleep = async () => undefined;

beforeEach(() => ddb.reset());

describe('batchWriteAll', () => {
  it('sends 25 requests a call', async () => {
    ddb.on(BatchWriteCommand).resolves({});

    await batchWriteAll(client, 't', Array.from({ length: 60 }, (_, i) => put(i)), { sleep: noSleep });

    const sizes = ddb.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems!.t!.length);
    expect(sizes.sort((a, b) => b - a)).toEqual([25, 25, 10]);
  });

  it('retries UnprocessedItems until none remain', async () => {
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { t: [put(1), put(2)] } })
      .resolvesOnce({ UnprocessedItems: { t: [put(2)] } })
      .resolves({});

    await batchWriteAll(client, 't', [put(1), put(2), put(3)], { sleep: noSleep });

    const calls = ddb.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems!.t!.length);
    expect(calls).toEqual([3, 2, 1]);
  });

  it('gives up as "busy" when items stay unprocessed', async () => {
    ddb.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => ({ UnprocessedItems: input.RequestItems }));

    await expect(batchWriteAll(client, 't', [put(1)], { sleep: noSleep, maxRounds: 3 })).rejects.toBeInstanceOf(ServiceBusyError);
    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(4);
  });
});
