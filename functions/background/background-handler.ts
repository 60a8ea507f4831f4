import { BatchProcessor, EventType, FullBatchFailureError, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent, S3Event, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { z } from 'zod';
import { ValidationError, type FieldIssue } from '#shared/domain/errors.js';
import { toFieldIssues } from '#shared/schemas/issues.js';
import { logger, metrics } from '../http/observability.js';
import { DynamoDBStreamRecordSchema, S3EventRecordSchema, sqsRecordSchema, type DynamoDBStreamRecordInput, type S3ObjectRef } from './envelopes.js';

/** A record's payload once its envelope is checked, or every bad field of it. */
type Read<P> = { readonly payload: P } | { readonly issues: readonly FieldIssue[] };

/** Where a batch of records comes from, and how one record's payload is read. */
export interface BatchSource<K extends 'sqs' | 'stream', P> {
  readonly kind: K;
  readonly eventType: (typeof EventType)['SQS' | 'DynamoDBStreams'];
  read(record: unknown): Read<P>;
  /** The id Lambda expects back in `batchItemFailures` (message id, sequence number), for the logs. */
  idOf(record: unknown): string | undefined;
}

/** S3 event notifications: one call per object named. */
export interface ObjectSource {
  readonly kind: 's3';
}

/** A property of a value not yet checked, or undefined. */
const prop = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function reader<T, P>(schema: z.ZodType<T>, pick: (value: T) => P): (record: unknown) => Read<P> {
  return (record) => {
    const parsed = schema.safeParse(record);
    return parsed.success ? { payload: pick(parsed.data) } : { issues: toFieldIssues(parsed.error) };
  };
}

/** SQS messages whose JSON body `body` describes; the handler gets the parsed body. */
export function sqsMessages<S extends z.ZodType>(body: S): BatchSource<'sqs', z.output<S>> {
  return { kind: 'sqs', eventType: EventType.SQS, read: reader(sqsRecordSchema(body), (r) => r.body), idOf: (r) => text(prop(r, 'messageId')) };
}

/** DynamoDB Streams records; the handler gets the checked record (event id, kind, images). */
export const dynamoStreamRecords: BatchSource<'stream', DynamoDBStreamRecordInput> = {
  kind: 'stream',
  eventType: EventType.DynamoDBStreams,
  read: reader(DynamoDBStreamRecordSchema, (r) => r),
  idOf: (r) => text(prop(prop(r, 'dynamodb'), 'SequenceNumber')),
};

/** S3 ObjectCreated notifications; the handler gets bucket and decoded key. */
export const s3Objects: ObjectSource = { kind: 's3' };

export interface BatchSpec<K extends 'sqs' | 'stream', P> {
  /** The function's name, as the `handler` dimension of its metrics. */
  readonly name: string;
  readonly source: BatchSource<K, P>;
  /**
   * One record after another, in the order delivered (stream order), instead of side by side.
   * @default false
   */
  readonly inOrder?: boolean;
}

export interface ObjectSpec {
  /** The function's name, as the `handler` dimension of its metrics. */
  readonly name: string;
  readonly source: ObjectSource;
}

/** What a record handler is told besides the payload. */
export interface RecordMeta {
  /** The record's id in `batchItemFailures` (SQS message id, stream sequence number). */
  readonly id: string | undefined;
}

export type BackgroundLambda<E, R> = (event: E, context: Context) => Promise<R>;

/**
 * Counts one invocation's records: done, failed, and (among the failed) rejected because their
 * envelope or payload did not parse: a poison record, which retrying will not mend.
 */
function countRecords(total: number, failed: number, rejected: number): void {
  metrics.addMetric('RecordsSucceeded', MetricUnit.Count, total - failed);
  metrics.addMetric('RecordsFailed', MetricUnit.Count, failed);
  metrics.addMetric('RecordsRejected', MetricUnit.Count, rejected);
}

function batchLambda<P>(spec: BatchSpec<'sqs' | 'stream', P>, fn: (payload: P, meta: RecordMeta) => Promise<void>) {
  const processor = new BatchProcessor(spec.source.eventType, { logger });
  return async (event: { Records: unknown[] }, context: Context) => {
    metrics.addDimension('handler', spec.name);
    let rejected = 0;
    const recordHandler = async (record: unknown): Promise<void> => {
      const id = spec.source.idOf(record);
      const read = spec.source.read(record);
      if ('issues' in read) {
        rejected++;
        logger.error('Record rejected: it is not valid', { recordId: id, issues: read.issues });
        throw new ValidationError('The record is not valid.', read.issues);
      }
      try {
        await fn(read.payload, { id });
      } catch (err) {
        logger.error('Record failed', { recordId: id, error: err as Error });
        throw err;
      }
    };
    const total = event.Records.length;
    try {
      const response = await processPartialResponse(event as SQSEvent, recordHandler, processor, { context, processInParallel: !spec.inOrder });
      countRecords(total, response.batchItemFailures.length, rejected);
      return response;
    } catch (err) {
      // Powertools throws when every record failed: Lambda then retries the whole batch.
      if (err instanceof FullBatchFailureError) countRecords(total, total, rejected);
      throw err;
    }
  };
}

function objectLambda<R>(spec: ObjectSpec, fn: (object: S3ObjectRef) => Promise<R | undefined>) {
  return async (event: S3Event, _context: Context): Promise<R[]> => {
    metrics.addDimension('handler', spec.name);
    const results: R[] = [];
    const errors: unknown[] = [];
    let rejected = 0;
    for (const record of event.Records as unknown[]) {
      const parsed = S3EventRecordSchema.safeParse(record);
      if (!parsed.success) {
        // Retrying the same notification cannot mend it: counted and logged, not retried.
        rejected++;
        logger.error('Record rejected: it is not valid', { issues: toFieldIssues(parsed.error) });
        continue;
      }
      const object: S3ObjectRef = { bucket: parsed.data.s3.bucket.name, key: parsed.data.s3.object.key };
      try {
        const result = await fn(object);
        if (result !== undefined) results.push(result);
      } catch (err) {
        errors.push(err);
        logger.error('Record failed', { key: object.key, error: err as Error });
      }
    }
    countRecords(event.Records.length, errors.length + rejected, rejected);
    // Lambda retries a failed asynchronous invocation as a whole; the objects already done are
    // imported again as updates of the same refs, which leaves them unchanged.
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} of ${event.Records.length} objects failed.`);
    return results;
  };
}

/**
 * The one shell every background Lambda runs (the HTTP ones run `httpHandler`): Powertools logger
 * context and metrics like the HTTP stack, each record's envelope and payload checked by zod
 * (functions/background/envelopes.ts), and for SQS and DynamoDB Streams Powertools batch
 * processing with partial batch responses: a record that fails, or does not parse, is reported
 * in `batchItemFailures` by its id and the others go on.
 *
 * Metrics, by `handler` dimension: `RecordsSucceeded`, `RecordsFailed` and `RecordsRejected`
 * (failed because they did not parse).
 */
export function backgroundHandler<P>(spec: BatchSpec<'sqs', P>, fn: (payload: P, meta: RecordMeta) => Promise<void>): BackgroundLambda<SQSEvent, SQSBatchResponse>;
export function backgroundHandler<P>(spec: BatchSpec<'stream', P>, fn: (payload: P, meta: RecordMeta) => Promise<void>): BackgroundLambda<DynamoDBStreamEvent, DynamoDBBatchResponse>;
export function backgroundHandler<R>(spec: ObjectSpec, fn: (object: S3ObjectRef) => Promise<R | undefined>): BackgroundLambda<S3Event, R[]>;
export function backgroundHandler(
  spec: BatchSpec<'sqs' | 'stream', unknown> | ObjectSpec,
  fn: ((payload: unknown, meta: RecordMeta) => Promise<void>) | ((object: S3ObjectRef) => Promise<unknown>),
): BackgroundLambda<never, unknown> {
  const base =
    spec.source.kind === 's3'
      ? objectLambda(spec as ObjectSpec, fn as (object: S3ObjectRef) => Promise<unknown>)
      : batchLambda(spec as BatchSpec<'sqs' | 'stream', unknown>, fn as (payload: unknown, meta: RecordMeta) => Promise<void>);
  return middy(base as (event: unknown, context: Context) => Promise<unknown>)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}
