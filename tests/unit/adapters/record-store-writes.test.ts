import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoRecordStore } from '../../../shared/adapters/dynamodb/record-store.js';
import { keys } from '../../../shared/adapters/dynamodb/keys.js';
import { systemClock } from '../../../shared/ports/clock.js';
import type { RecordIndexer } from '../../../shared/ports/record-store.js';
import { course, demand, learner, skill } from '../recommend/fakes.js';
import { recordIndex } from '../../../shared/use-cases/record-index.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
const ddb = mockClient(client);
const failure = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });

beforeEach(() => ddb.reset());

describe('DynamoRecordStore: what follows a record write', () => {
  it('keeps a course write that succeeded when raising the catalogue version then fails, and says so', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    // The index presence updates before the write succeed; the catalogue version's after it fails.
    const catalogue = keys.courseCatalogue();
    ddb.on(UpdateCommand).resolves({});
    ddb.on(UpdateCommand, { Key: catalogue }).rejects(failure('InternalServerError'));
    const warnings: string[] = [];
    const store = new DynamoRecordStore(client, 't', systemClock, { index: recordIndex, warn: (message) => warnings.push(message) });

    await expect(store.save(course({ ref: 'C-1' }), undefined)).resolves.toBeUndefined();

    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(ddb.commandCalls(UpdateCommand, { Key: catalogue })).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/catalogue version was not raised/)]);
  });

  it('deletes a learner’s campaign results before the profile, so a failed deletion leaves none behind to be retried', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ pk: 'CAMPAIGN#x', sk: 'RESULT#l' }] });
    ddb.on(BatchWriteCommand).resolves({});
    ddb.on(TransactWriteCommand).rejects(failure('InternalServerError'));
    const store = new DynamoRecordStore(client, 't', systemClock, { index: recordIndex });

    await expect(store.remove(learner({ ref: 'L-1' }))).rejects.toThrow();

    const deleted = ddb.commandCalls(BatchWriteCommand).flatMap((c) => c.args[0].input.RequestItems!.t!.map((r) => r.DeleteRequest?.Key));
    expect(deleted).toEqual([{ pk: 'CAMPAIGN#x', sk: 'RESULT#l' }]);
    const order = ddb.calls().map((c) => c.args[0].constructor.name);
    expect(order.indexOf('BatchWriteCommand')).toBeLessThan(order.indexOf('TransactWriteCommand'));
  });

  it('writes the skill vector and partitions the indexer hands it, deriving none itself', async () => {
    // Prepare: an indexer whose answer differs from anything the demand's own skills would give.
    ddb.on(TransactWriteCommand).resolves({});
    const asked: string[] = [];
    const index: RecordIndexer = (record) => {
      asked.push(record.id);
      return { skills: [{ skillId: 'given-skill', level: 3, role: 'required' }], partitions: ['given-skill', '~given+gram'] };
    };
    const store = new DynamoRecordStore(client, 't', systemClock, { index });
    const posted = demand({ ref: 'D-1', requiredSkills: [skill('uav-piloting', 2)] });

    // Act
    await store.save(posted, undefined);

    // Assess: one skill-index item per given partition, each carrying the given vector; job-search cards carry it too.
    const written = ddb.commandCalls(TransactWriteCommand).flatMap((c) => c.args[0].input.TransactItems!.flatMap((t) => (t.Put ? [t.Put.Item!] : [])));
    const indexItems = written.filter((i) => i.entity === 'INDEX');
    expect(asked).toEqual([posted.id]);
    expect(indexItems.map((i) => i.skillId).sort()).toEqual(['given-skill', '~given+gram']);
    expect(written.some((i) => i.entity === 'JOB')).toBe(true);
    expect(new Set(written.filter((i) => i.entity === 'INDEX' || i.entity === 'JOB').map((i) => i.skillVector))).toEqual(new Set(['given-skill:3:r']));
  });
});
