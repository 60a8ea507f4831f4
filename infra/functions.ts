import { Duration } from 'aws-cdk-lib';

/**
 * Functions that no HTTP route calls. Each entry names `functions/<name>.ts`, what it may touch and
 * what invokes it; the stateless stack builds one `ServiceFunction` per entry. To add a kind of
 * trigger (SQS queue, Step Functions task, schedule) or of access, add a member to the unions
 * below: the stack's exhaustive switches then refuse to compile until it is wired.
 */

/** Access to the one table. */
export type TableAccess = 'none' | 'read' | 'read-write';

/** Object key patterns (IAM wildcards) in the import bucket the function may get or put. */
export interface BucketAccess {
  readonly read: readonly string[];
  readonly write: readonly string[];
}

/** What invokes a background function. */
export type FunctionTrigger =
  | {
      /** An object created in the import bucket under `prefix` (S3 event notification, asynchronous). */
      readonly kind: 'import-object-created';
      readonly prefix: string;
    }
  | {
      /**
       * The table's stream, in order per shard. Failed records are retried from the first failure
       * (the handler reports `batchItemFailures`) and, after `retryAttempts`, described in a dead-letter queue.
       */
      readonly kind: 'table-stream';
      readonly batchSize: number;
      readonly maxBatchingWindow: Duration;
      readonly retryAttempts: number;
    }
  | {
      /**
       * A work queue (SQS standard) the function consumes with partial batch responses; a message
       * received `maxReceiveCount` times moves to a dead-letter queue whose alarm notifies.
       */
      readonly kind: 'work-queue';
      /** Construct id of the queue (its dead-letter queue and alarm take it as prefix). */
      readonly queue: string;
      /** Environment variable carrying the queue URL, for this function and the senders. */
      readonly urlVariable: string;
      /** Route handlers, or background functions listed before this one (`functions/<name>.ts`), that send to the queue; the function itself may too. */
      readonly senders: readonly string[];
      readonly batchSize: number;
      readonly maxBatchingWindow: Duration;
      readonly maxReceiveCount: number;
      /** Concurrent invocations at most: bounds the load on the table. */
      readonly maxConcurrency: number;
    };

/** One background function. */
export interface BackgroundFunctionDef {
  /** File name under functions/, without `.ts`; also the construct id. */
  readonly name: string;
  readonly description: string;
  readonly table: TableAccess;
  /** @default - no access to the import bucket */
  readonly importBucket?: BucketAccess;
  readonly triggers: readonly FunctionTrigger[];
  /** @default ServiceFunction's default */
  readonly memorySize?: number;
  /** @default ServiceFunction's default */
  readonly timeout?: Duration;
  /**
   * Skip (with a synth warning) while the handler file does not exist yet, so that synth keeps
   * working when infrastructure lands before the code.
   * @default false
   */
  readonly optionalEntry?: boolean;
}

/** Uploads land under `imports/<demands|learners|courses>/`; the import function listens here. */
export const IMPORTS_PREFIX = 'imports/';

export const BACKGROUND_FUNCTIONS: readonly BackgroundFunctionDef[] = [
  {
    name: 'import-file',
    description: 'Imports a CSV, xlsx or JSONL file dropped under imports/ and writes <file>.summary.json and <file>.rejected.csv beside it',
    table: 'read-write',
    // It may write its two report files and nothing else: never overwrite an upload.
    importBucket: { read: [`${IMPORTS_PREFIX}*`], write: [`${IMPORTS_PREFIX}*.summary.json`, `${IMPORTS_PREFIX}*.rejected.csv`] },
    // Its own reports land under the prefix too; the handler recognises and skips them.
    triggers: [{ kind: 'import-object-created', prefix: IMPORTS_PREFIX }],
    // One full vCPU: parsing, validation and taxonomy normalisation of large files are CPU bound.
    memorySize: 1769,
    timeout: Duration.minutes(10),
  },
  {
    name: 'update-shortage',
    description: 'Table stream → skills-shortage counters (demand and learner changes become counter deltas); finishes learner deletions whose erasure job expired unfinished',
    table: 'read-write',
    triggers: [{ kind: 'table-stream', batchSize: 100, maxBatchingWindow: Duration.seconds(5), retryAttempts: 10 }],
    memorySize: 512,
    timeout: Duration.seconds(60),
  },
  {
    name: 'campaign-worker',
    description: 'Bureau campaigns (SQS fan-out): plans learner pages, runs one page of learners per message, finalises roster and report, settles summaries after deletions',
    table: 'read-write',
    triggers: [
      {
        kind: 'work-queue',
        queue: 'CampaignQueue',
        urlVariable: 'CAMPAIGN_QUEUE_URL',
        // Deleting a learner sends `settle` for the completed campaigns that held their result.
        // The stream handler too: finishing an interrupted deletion settles the campaigns that lost a result.
        senders: ['create-campaign', 'delete-learner', 'delete-my-profile', 'update-shortage'],
        // Pages take a second or two each; a plan or finalisation of a very large campaign takes minutes.
        batchSize: 5,
        maxBatchingWindow: Duration.seconds(1),
        maxReceiveCount: 5,
        maxConcurrency: 20,
      },
    ],
    // Matching is CPU bound and the engine and snapshot stay in memory between pages.
    memorySize: 3008,
    timeout: Duration.minutes(15),
  },
];
