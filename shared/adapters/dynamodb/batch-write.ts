import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ServiceBusyError } from '../../domain/errors.js';

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

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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
  const { concurrency = 4, maxRounds = 8, baseDelayMs = 50, onProgress, sleep = defaultSleep } = options;
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));

  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++]!;
      const size = pending.length;
      for (let round = 0; pending.length > 0; round++) {
        if (round > 0) {
          if (round > maxRounds) throw new ServiceBusyError(`${pending.length} writes stayed unprocessed after ${maxRounds} retries.`, 5);
          await sleep(Math.random() * baseDelayMs * 2 ** round);
        }
        const out = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = (out.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
      }
      onProgress?.(size);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
}
