import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { translateDynamoError } from './errors.js';
import type { Item, Key } from './items.js';

/** Keys in one BatchGetItem at most (DynamoDB's limit). */
const BATCH_KEYS = 100;
/** Rounds of UnprocessedKeys retried before giving up as throttled. */
const MAX_ROUNDS = 8;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface BatchGetOptions {
  /** Strongly consistent reads. @default false */
  readonly consistent?: boolean;
  /** A ProjectionExpression of plain attribute names (`sk`). */
  readonly projection?: string;
  /** What the caller was doing, for the error it gets. */
  readonly what: string;
}

/**
 * Every item of these keys that exists, in no particular order: 100 keys a BatchGetItem, the
 * requests in parallel, UnprocessedKeys retried after a jittered, growing pause (throttled after
 * 8 rounds). Errors come translated (see errors.ts).
 */
export async function batchGetAll(client: DynamoDBDocumentClient, tableName: string, wanted: readonly Key[], options: BatchGetOptions): Promise<Item[]> {
  const { consistent = false, projection, what } = options;
  const items: Item[] = [];
  const chunks = Array.from({ length: Math.ceil(wanted.length / BATCH_KEYS) }, (_, i) => wanted.slice(i * BATCH_KEYS, (i + 1) * BATCH_KEYS));
  try {
    await Promise.all(
      chunks.map(async (chunk) => {
        let pending: readonly Key[] = chunk;
        for (let round = 0; pending.length > 0; round++) {
          if (round > MAX_ROUNDS) throw Object.assign(new Error('Unprocessed keys remained after retries'), { name: 'ThrottlingException' });
          if (round > 0) await sleep(Math.random() * 50 * 2 ** Math.min(round, 6));
          const request = { Keys: [...pending], ...(consistent ? { ConsistentRead: true } : {}), ...(projection ? { ProjectionExpression: projection } : {}) };
          const out = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: request } }));
          items.push(...(out.Responses?.[tableName] ?? []));
          pending = (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
        }
      }),
    );
  } catch (err) {
    throw translateDynamoError(err, what);
  }
  return items;
}
