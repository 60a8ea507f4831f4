import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mapPooled } from '../../async/pool.js';
import { ServiceBusyError } from '../../domain/errors.js';
import { drain } from './toolkit/retry.js';

type WriteRequest = NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string][number];

export interface BatchWriteOptions {
  /** Requests of 25 in flight at once. @default 4 */
  readonly concurrency?: number;
  /** Rounds of retrying UnprocessedItems before giving up. @default 8 */
  readonly maxRounds?: number;
  /** Base of the exponential backoff, in ms. @default 50 */
  readonly baseDelayMs?: number;
  readonly onProgress?: (written: number) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Writes every request with BatchWriteItem, 25 a call and `concurrency` calls in flight,
 * retrying UnprocessedItems with exponential backoff and full jitter until none remain.
 * Requests for the same key must not appear twice (DynamoDB rejects such a batch).
 */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
  options: BatchWriteOptions = {},
): Promise<void> {
  const { concurrency = 4, maxRounds = 8, baseDelayMs = 50, onProgress, sleep } = options;
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  await mapPooled(chunks, concurrency, async (chunk) => {
    await drain(
      chunk,
      async (pending) => {
        const out = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: [...pending] } }));
        return (out.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
      },
      { maxRounds, baseMs: baseDelayMs, ...(sleep ? { sleep } : {}), giveUp: (n, rounds) => new ServiceBusyError(`${n} writes stayed unprocessed after ${rounds} retries.`, 5) },
    );
    onProgress?.(chunk.length);
  });
}
