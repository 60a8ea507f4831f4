import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoEngagementStore } from '../../../shared/adapters/dynamodb/engagement-store.js';
import { DynamoFunnelStore } from '../../../shared/adapters/dynamodb/funnel-store.js';
import type { Engagement } from '../../../shared/domain/engagement.js';
import type { FunnelStep } from '../../../shared/domain/funnel.js';
import { sdkError } from '../faults/lambda-event.js';

const cancelled = (...codes: string[]) => sdkError('TransactionCanceledException', { CancellationReasons: codes.map((Code) => ({ Code })) });

const engagement: Engagement = {
  id: 'a_0123456789abcdef01234567',
  kind: 'application',
  demandId: 'd_1',
  demandRef: 'UAV',
  title: '无人机驾驶员',
  employer: '延庆区低空物流有限公司',
  employerSub: 'emp-1',
  region: '110119',
  learnerId: 'l_1',
  learnerRef: 'me',
  learnerSub: 'js-1',
  learnerRegion: '110119',
  groups: ['veteran'],
  status: 'sent',
  timestamps: { sent: '2026-12-06T02:00:00.000Z' },
  createdAt: '2026-12-06T02:00:00.000Z',
  updatedAt: '2026-12-06T02:00:00.000Z',
  version: 1,
};
const step: FunnelStep = { stage: 'applied', learnerId: 'l_1', region: '110119', groups: ['veteran'], day: '2026-12-06' };

describe('funnel counters in the engagement transaction (aws-sdk-client-mock)', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
  const store = new DynamoEngagementStore(client, 'T');
  beforeEach(() => {
    ddb.reset();
    ddb.on(QueryCommand).resolves({ Items: [] });
  });
  afterAll(() => ddb.restore());

  it('raises the counters of the learner’s region and each region containing it in the same transaction as the create', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    const outcome = await store.create(engagement, undefined, step);

    expect(outcome).toBe('created');
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Put!.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(items.slice(5).map((i) => i.Update!.Key)).toEqual([
      { pk: 'FUNNEL#110119', sk: 'DAY#2026-12-06' },
      { pk: 'FUNNEL#110100', sk: 'DAY#2026-12-06' },
      { pk: 'FUNNEL#110000', sk: 'DAY#2026-12-06' },
      { pk: 'FUNNEL#000000', sk: 'DAY#2026-12-06' },
    ]);
    expect(Object.values(items[5]!.Update!.ExpressionAttributeNames!)).toEqual(expect.arrayContaining(['applied#all', 'applied#veteran']));
  });

  it('retries a transaction that met a concurrent one, so the count is made once and not lost', async () => {
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'None', 'None', 'None', 'None', 'TransactionConflict', 'None', 'None', 'None')).resolves({});

    const outcome = await store.create(engagement, undefined, step);

    expect(outcome).toBe('created');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('counts nothing and does not retry when the engagement is already there (a retried request)', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'None', 'None', 'None', 'None', 'None', 'None'));

    const outcome = await store.create(engagement, undefined, step);

    expect(outcome).toBe('exists');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('answers a conflict, without retrying, when a status change lost its version race', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'None', 'None'));

    await expect(store.update({ ...engagement, status: 'accepted', version: 2 }, 1, { ...step, stage: 'accepted' })).rejects.toMatchObject({ name: 'ConflictError' });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('marks a campaign result and raises the campaign’s counters only for a campaign that matched the learner and has no mark yet', async () => {
    ddb.on(QueryCommand).resolves({
      Items: [
        { sk: 'RESULT#l_1', campaignId: 'cp_matched' },
        { sk: 'RESULT#l_1', campaignId: 'cp_unmatched' },
        { sk: 'RESULT#l_1', campaignId: 'cp_counted' },
        { sk: 'ROSTER#l_1', campaignId: 'cp_matched' },
      ],
    });
    ddb.on(BatchGetCommand).resolves({
      Responses: {
        T: [
          { pk: 'CAMPAIGN#cp_matched', sk: 'RESULT#l_1', campaignId: 'cp_matched', learner: { group: 'veteran' }, matches: [{ id: 'd_1' }] },
          { pk: 'CAMPAIGN#cp_unmatched', sk: 'RESULT#l_1', campaignId: 'cp_unmatched', learner: { group: 'veteran' }, matches: [] },
          { pk: 'CAMPAIGN#cp_counted', sk: 'RESULT#l_1', campaignId: 'cp_counted', learner: { group: 'veteran' }, matches: [{ id: 'd_1' }], reached_applied: '2026-12-01' },
        ],
      },
    });
    ddb.on(TransactWriteCommand).resolves({});

    await store.create(engagement, undefined, step);

    const read = ddb.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems!.T!;
    expect(read.ConsistentRead).toBe(true);
    expect(read.Keys).toHaveLength(3);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.slice(9);
    expect(items.map((i) => i.Update!.Key)).toEqual([
      { pk: 'CAMPAIGN#cp_matched', sk: 'RESULT#l_1' },
      { pk: 'CAMPAIGN#cp_matched', sk: 'FUNNEL' },
      { pk: 'CAMPAIGN#cp_unmatched', sk: 'RESULT#l_1' },
    ]);
    expect(items[0]!.Update!.ConditionExpression).toBe('attribute_exists(pk) AND attribute_not_exists(#m)');
  });

  it('adds a campaign’s matched learners once: a second finalisation finds its marker and adds nothing', async () => {
    const funnel = new DynamoFunnelStore(client, 'T');
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'None', 'None'));

    await funnel.countMatched('cp_1', '2026-12-06', [{ region: '110119', groups: ['graduate'] }]);

    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!.Item).toMatchObject({ pk: 'CAMPAIGN#cp_1', sk: 'FUNNEL_COUNTED#0000' });
  });
});
