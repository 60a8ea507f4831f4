import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent, S3Event, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { backgroundHandler, dynamoStreamRecords, s3Objects, sqsMessages } from '#functions/background/background-handler.js';
import { metrics } from '#functions/http/observability.js';

const context = { functionName: 'background-test', awsRequestId: 'test', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;

const sqsRecord = (messageId: string, body: string): SQSRecord =>
  ({ messageId, body, receiptHandle: messageId, attributes: {}, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:cn-north-1:1:q', awsRegion: 'cn-north-1' }) as SQSRecord;

const streamRecord = (sequence: string, eventID: string | undefined, image: Record<string, unknown> = { pk: { S: `ITEM#${sequence}` } }): DynamoDBRecord =>
  ({ eventID, eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { SequenceNumber: sequence, NewImage: image, StreamViewType: 'NEW_AND_OLD_IMAGES' } }) as DynamoDBRecord;

const s3Record = (key: string) => ({ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'imports-bucket' }, object: { key } } });

/** The counts the shell reported through Powertools metrics, by metric name. */
function countedMetrics() {
  const counted = new Map<string, number[]>();
  const addMetric = metrics.addMetric.bind(metrics);
  vi.spyOn(metrics, 'addMetric').mockImplementation((name, unit, value) => {
    counted.set(name, [...(counted.get(name) ?? []), value]);
    return addMetric(name, unit, value);
  });
  return counted;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('backgroundHandler on SQS', () => {
  const Message = z.strictObject({ n: z.int() });

  it('hands each parsed body to the handler and reports only the failed and the malformed messages', async () => {
    // Prepare
    const seen: number[] = [];
    const handler = backgroundHandler({ name: 'sqs-test', source: sqsMessages(Message) }, async (message) => {
      if (message.n === 2) throw new Error('message 2 failed');
      seen.push(message.n);
    });
    const event = {
      Records: [
        sqsRecord('m-1', '{"n":1}'),
        sqsRecord('m-2', '{"n":2}'),
        sqsRecord('m-not-json', '{"n":'),
        sqsRecord('m-bad-field', '{"n":"three"}'),
        sqsRecord('m-4', '{"n":4}'),
      ],
    } as SQSEvent;

    // Act
    const response = await handler(event, context);

    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['m-2', 'm-bad-field', 'm-not-json']);
    expect(seen.sort()).toEqual([1, 4]);
  });

  it('counts succeeded, failed and rejected records in its metrics', async () => {
    // Prepare
    const counted = countedMetrics();
    const handler = backgroundHandler({ name: 'sqs-test', source: sqsMessages(Message) }, async (message) => {
      if (message.n < 0) throw new Error('negative');
    });
    const event = { Records: [sqsRecord('a', '{"n":1}'), sqsRecord('b', '{"n":-1}'), sqsRecord('c', 'not json'), sqsRecord('d', '{"n":2}')] } as SQSEvent;

    // Act
    await handler(event, context);

    // Assess
    expect(Object.fromEntries(counted)).toEqual({ RecordsSucceeded: [2], RecordsFailed: [2], RecordsRejected: [1] });
  });

  it('throws when every message failed, so that Lambda retries the whole batch, and still counts them', async () => {
    // Prepare
    const counted = countedMetrics();
    const handler = backgroundHandler({ name: 'sqs-test', source: sqsMessages(Message) }, async () => {
      throw new Error('down');
    });
    const event = { Records: [sqsRecord('a', '{"n":1}'), sqsRecord('b', '{"x":1}')] } as SQSEvent;

    // Act
    const outcome = await handler(event, context).then(
      () => undefined,
      (err: unknown) => err,
    );

    // Assess
    expect(outcome).toBeInstanceOf(FullBatchFailureError);
    expect(Object.fromEntries(counted)).toEqual({ RecordsSucceeded: [0], RecordsFailed: [2], RecordsRejected: [1] });
  });
});

describe('backgroundHandler on DynamoDB Streams', () => {
  it('runs records one after another in stream order and reports a failed or malformed one by its sequence number', async () => {
    // Prepare
    const order: string[] = [];
    const handler = backgroundHandler({ name: 'stream-test', source: dynamoStreamRecords, inOrder: true }, async (record, meta) => {
      order.push(`start ${meta.id}`);
      // Yield, so that records run side by side would interleave their starts and ends.
      for (let i = 0; i < 3; i++) await Promise.resolve();
      order.push(`end ${meta.id}`);
      if (record.eventID === 'ev-2') throw new Error('record 2 failed');
    });
    const event: DynamoDBStreamEvent = {
      Records: [
        streamRecord('001', 'ev-1'),
        streamRecord('002', 'ev-2'),
        streamRecord('003', undefined),
        streamRecord('004', 'ev-4', { pk: 'not an attribute value' }),
        streamRecord('005', 'ev-5'),
      ],
    };

    // Act
    const response = await handler(event, context);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '002' }, { itemIdentifier: '003' }, { itemIdentifier: '004' }]);
    expect(order).toEqual(['start 001', 'end 001', 'start 002', 'end 002', 'start 005', 'end 005']);
  });

  it('gives the handler the record’s images as DynamoDB attribute values', async () => {
    // Prepare
    const images: unknown[] = [];
    const handler = backgroundHandler({ name: 'stream-test', source: dynamoStreamRecords, inOrder: true }, async (record) => {
      images.push(record.dynamodb.NewImage);
    });

    // Act
    await handler({ Records: [streamRecord('001', 'ev-1', { pk: { S: 'DEMAND#d_1' }, headcount: { N: '3' } })] }, context);

    // Assess
    expect(images).toEqual([{ pk: { S: 'DEMAND#d_1' }, headcount: { N: '3' } }]);
  });
});

describe('backgroundHandler on S3 notifications', () => {
  it('decodes each object key, skips a malformed record and goes on after a failed object, then throws its error', async () => {
    // Prepare
    const counted = countedMetrics();
    const seen: string[] = [];
    const handler = backgroundHandler({ name: 's3-test', source: s3Objects }, async ({ bucket, key }) => {
      if (key.includes('broken')) throw new Error('cannot read');
      seen.push(`${bucket}/${key}`);
      return key.length;
    });
    const event = { Records: [s3Record('imports/courses/2026-11%E6%89%B9+a.csv'), { s3: { bucket: { name: 'imports-bucket' } } }, s3Record('imports/broken.csv'), s3Record('imports/b.csv')] } as unknown as S3Event;

    // Act
    const outcome = await handler(event, context).then(
      (results) => results,
      (err: Error) => err.message,
    );

    // Assess
    expect(outcome).toBe('cannot read');
    expect(seen).toEqual(['imports-bucket/imports/courses/2026-11批 a.csv', 'imports-bucket/imports/b.csv']);
    expect(Object.fromEntries(counted)).toEqual({ RecordsSucceeded: [2], RecordsFailed: [2], RecordsRejected: [1] });
  });

  it('answers what the handler returned for each object, leaving out the objects it skipped', async () => {
    // Prepare
    const handler = backgroundHandler({ name: 's3-test', source: s3Objects }, async ({ key }) => (key.endsWith('.csv') ? key : undefined));

    // Act
    const results = await handler({ Records: [s3Record('a.csv'), s3Record('a.csv.summary.json'), s3Record('b.csv')] } as unknown as S3Event, context);

    // Assess
    expect(results).toEqual(['a.csv', 'b.csv']);
  });
});
