import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record,
  type AttributeValue as StreamAttributeValue,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { handler as updateShortage } from '#functions/update-shortage.js';
import { lambdaContext } from './apigw.js';

/** A stream-triggered Lambda handler, as the event source mapping invokes it. */
export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

/** Where the poller reads and what it invokes; the defaults mirror the event source mapping the CDK stack declares. */
export interface StreamPollerOptions {
  /** DynamoDB Local's URL (it serves the Streams API too). */
  readonly endpoint: string;
  readonly tableName: string;
  /** @default the update-shortage Lambda handler */
  readonly handler?: StreamHandler;
  /** Where to begin in the shards open at the first poll; shards that appear later are read from their start. @default 'trim-horizon' */
  readonly startAt?: 'trim-horizon' | 'latest';
  /** Records per invocation, as the event source mapping's batch size. @default 100 */
  readonly batchSize?: number;
  /** Invocations of a failing batch before its remaining records are skipped, as Lambda's retry attempts. @default 2 */
  readonly maxRetries?: number;
  /** Pause between polls while the stream is idle. @default 200 */
  readonly idleMs?: number;
  /** Where failures are reported. @default stderr */
  readonly log?: (line: string) => void;
}

/** Reads DynamoDB Local's stream and invokes a Lambda handler with it, as the event source mapping does in AWS. */
export interface StreamPoller {
  /** Polls until a pass over every shard finds no new record; resolves with the records delivered. */
  processUntilIdle(): Promise<number>;
  /** The same as `processUntilIdle`. */
  drain(): Promise<number>;
  /** Keeps polling in the background until `stop`. */
  start(): void;
  /** Stops polling, waits for the delivery in progress, and releases the clients. */
  stop(): Promise<void>;
}

interface ShardState {
  readonly parent: string | undefined;
  iterator: string | undefined;
  /** The last record delivered, to resume after an expired iterator. */
  lastSequence: string | undefined;
  /** The shard is closed and read to its end: its children may start. */
  done: boolean;
  readonly startAtLatest: boolean;
}

const STREAM_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The SDK's attribute value as the Lambda event carries it (binary values as base64). */
function toEventValue(value: StreamAttributeValue): AttributeValue {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.L !== undefined) return { L: value.L.map(toEventValue) };
  if (value.M !== undefined) return { M: toEventImage(value.M) };
  // S, N, BOOL, NULL, SS and NS have the same JSON shape in both.
  return value as AttributeValue;
}

const toEventImage = (image: Record<string, StreamAttributeValue>): Record<string, AttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toEventValue(value)]));

/** A Streams API record as the Lambda event source mapping delivers it. */
export function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const d = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource ?? 'aws:dynamodb',
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(d.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      ...(d.Keys ? { Keys: toEventImage(d.Keys) } : {}),
      ...(d.NewImage ? { NewImage: toEventImage(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: toEventImage(d.OldImage) } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
    ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
  };
}

class LocalStreamPoller implements StreamPoller {
  private readonly tables: DynamoDBClient;
  private readonly streams: DynamoDBStreamsClient;
  private readonly handler: StreamHandler;
  private readonly log: (line: string) => void;
  private readonly shards = new Map<string, ShardState>();
  private streamArn: string | undefined;
  private firstPass = true;
  /** Passes run one at a time: the background loop and `processUntilIdle` share the shard state. */
  private queue: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | undefined;
  private running = false;
  private wake: (() => void) | undefined;

  constructor(private readonly options: StreamPollerOptions) {
    const client = { endpoint: options.endpoint, region: 'cn-north-1', credentials: STREAM_CREDENTIALS };
    this.tables = new DynamoDBClient(client);
    this.streams = new DynamoDBStreamsClient(client);
    this.handler = options.handler ?? updateShortage;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  async processUntilIdle(): Promise<number> {
    let total = 0;
    for (;;) {
      const delivered = await this.exclusive(() => this.pass());
      total += delivered;
      if (delivered === 0) return total;
    }
  }

  drain(): Promise<number> {
    return this.processUntilIdle();
  }

  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let delivered = 0;
        try {
          delivered = await this.exclusive(() => this.pass());
        } catch (err) {
          this.log(`stream poller: ${(err as Error).message}`);
        }
        if (delivered === 0 && this.running) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, this.options.idleMs ?? 200);
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.queue.catch(() => undefined);
    this.tables.destroy();
    this.streams.destroy();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** One pass: discover shards, then read every readable shard to its current end, parents before children. */
  private async pass(): Promise<number> {
    const arn = await this.arn();
    await this.discoverShards(arn);
    this.firstPass = false;
    let delivered = 0;
    for (let progressed = true; progressed; ) {
      progressed = false;
      for (const [id, shard] of this.shards) {
        if (shard.done) continue;
        const parent = shard.parent === undefined ? undefined : this.shards.get(shard.parent);
        // A child's records follow its parent's: wait until the parent is read to its end (a parent trimmed from the stream is no longer listed).
        if (parent !== undefined && !parent.done) continue;
        delivered += await this.readShard(arn, id, shard);
        if (shard.done) progressed = true;
        if (!this.running && this.loop !== undefined) return delivered;
      }
    }
    return delivered;
  }

  private async arn(): Promise<string> {
    if (this.streamArn === undefined) {
      const table = await this.tables.send(new DescribeTableCommand({ TableName: this.options.tableName }));
      const arn = table.Table?.LatestStreamArn;
      if (!arn) throw new Error(`Table ${this.options.tableName} has no stream; it must be created from table-schema.ts.`);
      this.streamArn = arn;
    }
    return this.streamArn;
  }

  private async discoverShards(arn: string): Promise<void> {
    let start: string | undefined;
    do {
      const out = await this.streams.send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }));
      for (const shard of out.StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || this.shards.has(shard.ShardId)) continue;
        const open = shard.SequenceNumberRange?.EndingSequenceNumber === undefined;
        this.shards.set(shard.ShardId, {
          parent: shard.ParentShardId,
          iterator: undefined,
          lastSequence: undefined,
          done: false,
          startAtLatest: this.firstPass && open && this.options.startAt === 'latest',
        });
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
  }

  private async iteratorFor(arn: string, shardId: string, shard: ShardState): Promise<string | undefined> {
    const type: ShardIteratorType = shard.lastSequence ? 'AFTER_SEQUENCE_NUMBER' : shard.startAtLatest ? 'LATEST' : 'TRIM_HORIZON';
    const out = await this.streams.send(
      new GetShardIteratorCommand({ StreamArn: arn, ShardId: shardId, ShardIteratorType: type, ...(shard.lastSequence ? { SequenceNumber: shard.lastSequence } : {}) }),
    );
    return out.ShardIterator;
  }

  /** Reads a shard until it has nothing more for now (or is closed and finished). */
  private async readShard(arn: string, shardId: string, shard: ShardState): Promise<number> {
    let delivered = 0;
    shard.iterator ??= await this.iteratorFor(arn, shardId, shard);
    for (let refreshed = false; shard.iterator !== undefined; ) {
      let out: GetRecordsCommandOutput;
      try {
        out = await this.streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: this.options.batchSize ?? 100 }));
      } catch (err) {
        const name = (err as Error).name;
        if (refreshed || (name !== 'ExpiredIteratorException' && name !== 'TrimmedDataAccessException')) throw err;
        // Iterators last 15 minutes; resume after the last record delivered (or from the oldest one kept).
        if (name === 'TrimmedDataAccessException') shard.lastSequence = undefined;
        shard.iterator = await this.iteratorFor(arn, shardId, shard);
        refreshed = true;
        continue;
      }
      refreshed = false;
      const records = out.Records ?? [];
      if (records.length > 0) {
        await this.deliver(records.map((r) => toLambdaRecord(r, arn)));
        shard.lastSequence = records.at(-1)?.dynamodb?.SequenceNumber ?? shard.lastSequence;
        delivered += records.length;
      }
      shard.iterator = out.NextShardIterator;
      if (shard.iterator === undefined) shard.done = true;
      if (records.length === 0) break;
    }
    return delivered;
  }

  /**
   * Invokes the handler as the event source mapping would with ReportBatchItemFailures: after a
   * failure, again from the earliest failed record; after `maxRetries`, the rest is skipped (in
   * AWS it would go to the on-failure destination).
   */
  private async deliver(records: DynamoDBRecord[]): Promise<void> {
    const maxRetries = this.options.maxRetries ?? 2;
    let pending = records;
    for (let attempt = 0; pending.length > 0; attempt++) {
      let failed: string[];
      try {
        const result = await this.handler({ Records: pending }, lambdaContext('update-shortage'));
        failed = (result?.batchItemFailures ?? []).map((f) => f.itemIdentifier);
      } catch (err) {
        // A thrown handler (Powertools throws when every record failed) fails the whole batch.
        this.log(`stream poller: update-shortage failed: ${(err as Error).message}`);
        failed = [pending[0]!.dynamodb?.SequenceNumber ?? ''];
      }
      if (failed.length === 0) return;
      const first = Math.max(0, pending.findIndex((r) => failed.includes(r.dynamodb?.SequenceNumber ?? '')));
      if (attempt >= maxRetries) {
        this.log(`stream poller: skipping ${pending.length - first} stream records from ${pending[first]?.eventID ?? '?'} after ${attempt + 1} attempts`);
        return;
      }
      pending = pending.slice(first);
    }
  }
}

/** A poller that reads only when asked (`processUntilIdle`), for tests. */
export const createStreamPoller = (options: StreamPollerOptions): StreamPoller => new LocalStreamPoller(options);

/** A poller already polling in the background, for `npm start`. */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const poller = createStreamPoller(options);
  poller.start();
  return poller;
}
