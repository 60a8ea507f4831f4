import { GetCommand, DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeDocumentClient } from '../../../shared/adapters/dynamodb/client.js';
import { DynamoRecordStore } from '../../../shared/adapters/dynamodb/record-store.js';
import { ServiceBusyError } from '../../../shared/domain/errors.js';
import { systemClock } from '../../../shared/ports/clock.js';
import { learnerBody } from '../../support/bodies.js';
import { dynamoError, dynamoOk, interceptDynamo } from '../../support/dynamo-wire.js';
import { context, httpEvent, sdkError, unitEnvironment } from './lambda-event.js';
import { recordIndex } from '../../../shared/use-cases/record-index.js';

const throttled = () => dynamoError('ProvisionedThroughputExceededException', 'Rate of requests exceeds the allowed throughput.');

describe('throttling under the SDK’s own retries (no network: a fake HTTP handler answers)', () => {
  it('retries a throttled read and returns the item once DynamoDB answers', async () => {
    const client = makeDocumentClient({ endpoint: 'http://127.0.0.1:9' });
    let attempts = 0;
    interceptDynamo(client, async () => (++attempts <= 2 ? throttled() : dynamoOk({})));
    const store = new DynamoRecordStore(client, 'unit-table', systemClock, { index: recordIndex });

    const found = await store.get('learner', 'l_aaaaaaaaaaaaaaaaaaaa');

    expect(found).toBeUndefined();
    expect(attempts).toBe(3);
  });

  it('gives up after five attempts with ServiceBusyError carrying a retry hint', async () => {
    const client = makeDocumentClient({ endpoint: 'http://127.0.0.1:9' });
    let attempts = 0;
    interceptDynamo(client, async () => (attempts++, throttled()));
    const store = new DynamoRecordStore(client, 'unit-table', systemClock, { index: recordIndex });

    const failure = await store.get('learner', 'l_aaaaaaaaaaaaaaaaaaaa').catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(ServiceBusyError);
    expect((failure as ServiceBusyError).retryAfterSeconds).toBeGreaterThan(0);
    expect(attempts).toBe(5);
  });
});

describe('throttling that outlasted the retries, at the handler (aws-sdk-client-mock)', () => {
  // Mocked only while these tests run: the tests above need the real client.
  let ddb: ReturnType<typeof mockClient>;
  let createLearner: typeof import('../../../functions/create-learner.js').handler;
  let getLearner: typeof import('../../../functions/get-learner.js').handler;

  beforeAll(async () => {
    ddb = mockClient(DynamoDBDocumentClient);
    unitEnvironment();
    ({ handler: createLearner } = await import('../../../functions/create-learner.js'));
    ({ handler: getLearner } = await import('../../../functions/get-learner.js'));
  });
  beforeEach(() => ddb.reset());
  afterAll(() => ddb.restore());

  const seeker = { sub: 'js-unit', 'cognito:groups': '[jobseeker]' };

  it('answers a write 503 with Retry-After and problem JSON that names no internals', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).rejects(sdkError('ProvisionedThroughputExceededException'));

    const res = await createLearner(httpEvent({ claims: seeker, body: learnerBody() }), context);

    expect(res.statusCode).toBe(503);
    expect(res.headers).toMatchObject({ 'retry-after': '2', 'content-type': 'application/problem+json' });
    expect(JSON.parse(res.body!)).toMatchObject({ status: 503, type: '/problems/service-busy' });
    expect(res.body).not.toMatch(/Provisioned|Exception|unit-table/);
  });

  it('answers a read 503 with Retry-After when the table stays throttled', async () => {
    ddb.on(GetCommand).rejects(sdkError('ThrottlingException'));

    const res = await getLearner(httpEvent({ claims: seeker, pathParameters: { id: 'l_aaaaaaaaaaaaaaaaaaaa' } }), context);

    expect(res.statusCode).toBe(503);
    expect(res.headers?.['retry-after']).toBe('2');
  });

  it('answers 503 when a transaction is cancelled for throttling', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).rejects(sdkError('TransactionCanceledException', { CancellationReasons: [{ Code: 'ThrottlingError' }, { Code: 'None' }] }));

    const res = await createLearner(httpEvent({ claims: seeker, body: learnerBody({ ref: 'tx-throttled' }) }), context);

    expect(res.statusCode).toBe(503);
  });
});
