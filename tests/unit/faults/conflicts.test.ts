import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordFromInput } from '../../../shared/use-cases/records.js';
import { keys } from '../../../shared/adapters/dynamodb/keys.js';
import { DemandInputSchema } from '../../../shared/schemas/demand.js';
import { demandBody } from '../../support/bodies.js';
import { context, httpEvent, sdkError, unitEnvironment } from './lambda-event.js';

/** A transaction cancelled because another writer changed the record first. */
const lostRace = () => sdkError('TransactionCanceledException', { CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] });

const employer = { sub: 'emp-unit', 'cognito:groups': '[employer]' };
const stored = recordFromInput('demand', 'emp-unit', DemandInputSchema.parse(demandBody()), undefined, new Date('2026-01-01T00:00:00Z'));
const storedItem = { ...keys.record('demand', stored.id), entity: 'DEMAND', ...stored };

describe('lost conditional writes (aws-sdk-client-mock)', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  let updateDemand: typeof import('../../../functions/update-demand.js').handler;
  let createDemand: typeof import('../../../functions/create-demand.js').handler;
  let deleteDemand: typeof import('../../../functions/delete-demand.js').handler;

  beforeAll(async () => {
    unitEnvironment();
    ({ handler: updateDemand } = await import('../../../functions/update-demand.js'));
    ({ handler: createDemand } = await import('../../../functions/create-demand.js'));
    ({ handler: deleteDemand } = await import('../../../functions/delete-demand.js'));
  });
  beforeEach(() => ddb.reset());
  afterAll(() => ddb.restore());

  it('answers 409 to a patch whose version condition failed, after one attempt', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem });
    ddb.on(TransactWriteCommand).rejects(lostRace());

    const res = await updateDemand(httpEvent({ claims: employer, pathParameters: { id: stored.id }, body: { headcount: 9 } }), context);

    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body!)).toMatchObject({ status: 409, type: '/problems/conflict' });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    const put = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!;
    expect(put).toMatchObject({ ConditionExpression: '#v = :v', ExpressionAttributeValues: { ':v': 1 } });
  });

  it('re-reads and retries an upsert that lost a race, then answers 409 after four attempts', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem });
    ddb.on(TransactWriteCommand).rejects(lostRace());

    const res = await createDemand(httpEvent({ claims: employer, body: demandBody({ headcount: 5 }) }), context);

    expect(res.statusCode).toBe(409);
    expect(ddb.commandCalls(GetCommand)).toHaveLength(4);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(4);
  });

  it('stores the upsert when a retry after a lost race succeeds', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem });
    ddb.on(TransactWriteCommand).rejectsOnce(lostRace()).resolves({});

    const res = await createDemand(httpEvent({ claims: employer, body: demandBody({ headcount: 5 }) }), context);

    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toMatchObject({ headcount: 5, version: 2 });
  });

  it('answers 409 to a delete whose version condition failed', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem });
    ddb.on(TransactWriteCommand).rejects(lostRace());

    const res = await deleteDemand(httpEvent({ claims: employer, pathParameters: { id: stored.id } }), context);

    expect(res.statusCode).toBe(409);
  });

  it('answers 412, without writing, to a patch whose If-Match is stale', async () => {
    ddb.on(GetCommand).resolves({ Item: { ...storedItem, version: 3 } });

    const res = await updateDemand(httpEvent({ claims: employer, pathParameters: { id: stored.id }, body: { headcount: 9 }, headers: { 'if-match': '"v2"' } }), context);

    expect(res.statusCode).toBe(412);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
