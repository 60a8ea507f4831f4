import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item, Key } from './items.js';

/** Keys in one BatchGetItem at most (DynamoDB's limit). */
const BATCH_KEYS = 100;
/** Rounds of UnprocessedKeys retried before giving up as throttled. */
const MAX_ROUNDS = 8;

interface Waiter {
  readonly key: Key;
  readonly resolve: (item: Item | undefined) => void;
  readonly reject: (err: unknown) => void;
}

const keyOf = (key: Key): string => `${key.pk}\u0000${key.sk}`;

/**
 * Strongly consistent reads of single items by key, coalesced: the reads asked for while one piece
 * of code runs (the `Promise.all` of a use case, say: a learner and the course catalogue's version)
 * go out as one BatchGetItem instead of one GetItem each, which saves requests without changing a
 * port. A read asked for alone is still one GetItem.
 *
 * Reads are gathered until the microtasks queued by the current task have run (as DataLoader does),
 * so the cost is no timer: only a later turn of the same task. Errors are DynamoDB's own; every
 * read of a failed batch is rejected with the error, for the caller to translate.
 *
 * One reader per document client and table ({@link pointReads}), so every adapter on them shares it.
 */
export class PointReads {
  private queue: Waiter[] = [];
  /** BatchGetItem requests sent (benchmarks and tests look at it). */
  batches = 0;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  get(key: Key): Promise<Item | undefined> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) void Promise.resolve().then(() => process.nextTick(() => void this.flush()));
      this.queue.push({ key, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const waiters = this.queue;
    this.queue = [];
    if (waiters.length === 1) {
      const [only] = waiters as [Waiter];
      try {
        const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: only.key, ConsistentRead: true }));
        only.resolve(out.Item);
      } catch (err) {
        only.reject(err);
      }
      return;
    }
    const unique = new Map<string, Key>();
    for (const w of waiters) unique.set(keyOf(w.key), w.key);
    const keys = [...unique.values()];
    const chunks = Array.from({ length: Math.ceil(keys.length / BATCH_KEYS) }, (_, i) => keys.slice(i * BATCH_KEYS, (i + 1) * BATCH_KEYS));
    try {
      const found = new Map<string, Item>();
      await Promise.all(chunks.map((chunk) => this.batchGet(chunk, found)));
      for (const w of waiters) w.resolve(found.get(keyOf(w.key)));
    } catch (err) {
      for (const w of waiters) w.reject(err);
    }
  }

  /** One BatchGetItem, with UnprocessedKeys retried after a jittered, growing pause. */
  private async batchGet(keys: readonly Key[], found: Map<string, Item>): Promise<void> {
    let pending = keys;
    for (let round = 0; pending.length > 0; round++) {
      if (round > MAX_ROUNDS) throw Object.assign(new Error('Unprocessed keys remained after retries'), { name: 'ThrottlingException' });
      if (round > 0) await new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** round));
      this.batches += 1;
      const out = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: [...pending], ConsistentRead: true } } }));
      for (const item of out.Responses?.[this.tableName] ?? []) found.set(keyOf(item as Key), item);
      pending = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Key[];
    }
  }
}

const readers = new WeakMap<DynamoDBDocumentClient, Map<string, PointReads>>();

/** The shared {@link PointReads} of a document client and table. */
export function pointReads(client: DynamoDBDocumentClient, tableName: string): PointReads {
  let byTable = readers.get(client);
  if (!byTable) readers.set(client, (byTable = new Map()));
  let reader = byTable.get(tableName);
  if (!reader) byTable.set(tableName, (reader = new PointReads(client, tableName)));
  return reader;
}
