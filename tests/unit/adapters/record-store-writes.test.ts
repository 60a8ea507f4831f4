import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoRecordStore } from '../../../shared/adapters/dynamodb/record-store.js';
import { systemClock } from '../../../shared/ports/clock.js';
import { course, learner } from '../recommend/fakes.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
const ddb = mockClient(client);
const failure = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });

beforeEach(() => ddb.reset());

describe('DynamoRecordStore: what follows a record write', () => {
  it('keeps a course write that succeeded when raising the catalogue version then fails, and says so', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    ddb.on(UpdateCommand).rejects(failure('InternalServerError'));
    const warnings: string[] = [];
    const store = new DynamoRecordStore(client, 't', systemClock, { warn: (message) => warnings.push(message) });

    await expect(store.save(course({ ref: 'C-1' }), undefined)).resolves.toBeUndefined();

    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/catalogue version was not raised/)]);
  });

  it('deletes a learner’s campaign results before the profile, so a failed deletion leaves none behind to be retried', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ pk: 'CAMPAIGN#x', sk: 'RESULT#l' }] });
    ddb.on(BatchWriteCommand).resolves({});
    ddb.on(TransactWriteCommand).rejects(failure('InternalServerError'));
    const store = new DynamoRecordStore(client, 't', systemClock);

    await expect(store.remove(learner({ ref: 'L-1' }))).rejects.toThrow();

    const deleted = ddb.commandCalls(BatchWriteCommand).flatMap((c) => c.args[0].input.RequestItems!.t!.map((r) => r.DeleteRequest?.Key));
    expect(deleted).toEqual([{ pk: 'CAMPAIGN#x', sk: 'RESULT#l' }]);
    const order = ddb.calls().map((c) => c.args[0].constructor.name);
    expect(order.indexOf('BatchWriteCommand')).toBeLessThan(order.indexOf('TransactWriteCommand'));
  });
});
