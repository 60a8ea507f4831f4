import { BatchGetCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { PointReads, pointReads } from '../../../shared/adapters/dynamodb/point-reads.js';
import { ServiceBusyError } from '../../../shared/domain/errors.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
const ddb = mockClient(client);
const key = (n: number) => ({ pk: `P#${n}`, sk: 'S' });
const item = (n: number) => ({ ...key(n), n });
type BatchInput = { RequestItems: Record<string, { Keys: Array<{ pk: string; sk: string }>; ConsistentRead?: boolean }> };
/** Answers a BatchGetItem with the asked items whose number is even (odd ones do not exist). */
const evenOnly = (input: BatchInput) => ({
  Responses: { t: input.RequestItems.t!.Keys.filter((k) => Number(k.pk.slice(2)) % 2 === 0).map((k) => item(Number(k.pk.slice(2)))) },
});

beforeEach(() => ddb.reset());

describe('PointReads', () => {
  it('sends a read asked for alone as one strongly consistent GetItem', async () => {
    ddb.on(GetCommand).resolves({ Item: item(2) });

    const found = await new PointReads(client, 't').get(key(2));

    expect(found).toEqual(item(2));
    expect(ddb.commandCalls(GetCommand).map((c) => c.args[0].input)).toEqual([{ TableName: 't', Key: key(2), ConsistentRead: true }]);
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(0);
  });

  it('sends reads asked for together (across awaits in one turn) as one strongly consistent BatchGetItem, each getting its own item', async () => {
    ddb.on(BatchGetCommand).callsFake(evenOnly);
    const reads = new PointReads(client, 't');
    const later = async () => {
      await Promise.resolve();
      return reads.get(key(4));
    };

    const found = await Promise.all([reads.get(key(2)), reads.get(key(3)), later(), reads.get(key(2))]);

    expect(found).toEqual([item(2), undefined, item(4), item(2)]);
    const calls = ddb.commandCalls(BatchGetCommand).map((c) => (c.args[0].input as BatchInput).RequestItems.t!);
    expect(calls).toEqual([{ Keys: [key(2), key(3), key(4)], ConsistentRead: true }]);
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('reads apart in time are not held back for each other', async () => {
    ddb.on(GetCommand).resolves({});
    const reads = new PointReads(client, 't');

    await reads.get(key(1));
    await reads.get(key(2));

    expect(ddb.commandCalls(GetCommand)).toHaveLength(2);
  });

  it('splits more than 100 keys into BatchGetItem requests of 100', async () => {
    ddb.on(BatchGetCommand).callsFake(evenOnly);
    const reads = new PointReads(client, 't');

    const found = await Promise.all(Array.from({ length: 150 }, (_, n) => reads.get(key(n))));

    expect(found.filter(Boolean)).toHaveLength(75);
    const sizes = ddb.commandCalls(BatchGetCommand).map((c) => (c.args[0].input as BatchInput).RequestItems.t!.Keys.length);
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 50]);
  });

  it('retries UnprocessedKeys until every key is answered', async () => {
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { t: [item(2)] }, UnprocessedKeys: { t: { Keys: [key(4)] } } })
      .resolves({ Responses: { t: [item(4)] } });
    const reads = new PointReads(client, 't');

    const found = await Promise.all([reads.get(key(2)), reads.get(key(4))]);

    expect(found).toEqual([item(2), item(4)]);
    const calls = ddb.commandCalls(BatchGetCommand).map((c) => (c.args[0].input as BatchInput).RequestItems.t!.Keys);
    expect(calls).toEqual([[key(2), key(4)], [key(4)]]);
  });

  it('rejects every read of a failed batch with the error, as busy when DynamoDB throttled', async () => {
    ddb.on(BatchGetCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    const reads = new PointReads(client, 't');

    const outcomes = await Promise.allSettled([reads.get(key(1)), reads.get(key(2))]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    for (const o of outcomes) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(ServiceBusyError);
  });

  it('is shared per client and table', () => {
    expect(pointReads(client, 't')).toBe(pointReads(client, 't'));
    expect(pointReads(client, 'other')).not.toBe(pointReads(client, 't'));
  });
});
