import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mapPooled } from '../../async/pool.js';
import { ServiceBusyError } from '../../domain/errors.js';
import { translateDynamoError } from './errors.js';
import type { Item, Key } from './items.js';
import { drain } from './toolkit/retry.js';

/** Keys in one BatchGetItem at most (DynamoDB's limit). */
const BATCH_KEYS = 100;
/** Rounds of UnprocessedKeys retried before giving up as throttled. */
const MAX_ROUNDS = 8;
/** BatchGetItem calls in flight for one read. */
const IN_FLIGHT = 8;

export interface BatchGetOptions {
  /** Strongly consistent reads. @default false */
  readonly consistent?: boolean;
  /** A ProjectionExpression of plain attribute names (`sk`). */
  readonly projection?: string;
  /** What the caller was doing, for the error it gets. */
  readonly what: string;
}

/**
 * Every item of these keys that exists, in no particular order: 100 keys a BatchGetItem, up to 8
 * requests in flight, UnprocessedKeys retried after a full-jitter, growing pause (busy after 8
 * rounds). Errors come translated (see errors.ts).
 */
export async function batchGetAll(client: DynamoDBDocumentClient, tableName: string, wanted: readonly Key[], options: BatchGetOptions): Promise<Item[]> {
  const { consistent = false, projection, what } = options;
  const items: Item[] = [];
  const chunks = Array.from({ length: Math.ceil(wanted.length / BATCH_KEYS) }, (_, i) => wanted.slice(i * BATCH_KEYS, (i + 1) * BATCH_KEYS));
  try {
    await mapPooled(chunks, IN_FLIGHT, (chunk) =>
      drain(
        chunk,
        async (pending) => {
          const request = { Keys: [...pending], ...(consistent ? { ConsistentRead: true } : {}), ...(projection ? { ProjectionExpression: projection } : {}) };
          const out = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: request } }));
          items.push(...(out.Responses?.[tableName] ?? []));
          return (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
        },
        { maxRounds: MAX_ROUNDS, giveUp: (n) => new ServiceBusyError(`${what}: ${n} keys stayed unprocessed; the database is busy.`, 2) },
      ),
    );
  } catch (err) {
    throw translateDynamoError(err, what);
  }
  return items;
}
