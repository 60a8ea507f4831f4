import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from './batch-get.js';
import { keyString, type Item, type Key } from './items.js';

interface Waiter {
  readonly key: Key;
  readonly resolve: (item: Item | undefined) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Strongly consistent reads of single items by key, coalesced: the reads asked for while one piece
 * of code runs (the `Promise.all` of a use case, say: a learner and the course catalogue's version)
 * go out as one BatchGetItem instead of one GetItem each, which saves requests without changing a
 * port. A read asked for alone is still one GetItem.
 *
 * Reads are gathered until the microtasks queued by the current task have run (as DataLoader does),
 * so the cost is no timer: only a later turn of the same task. A lone read fails with DynamoDB's
 * own error, for the caller to translate; every read of a failed batch with the error
 * `batchGetAll` translated (translating it again changes nothing).
 *
 * One reader per document client and table ({@link pointReads}), so every adapter on them shares it.
 */
export class PointReads {
  private queue: Waiter[] = [];

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
    for (const w of waiters) unique.set(keyString(w.key), w.key);
    try {
      const found = new Map((await batchGetAll(this.client, this.tableName, [...unique.values()], { consistent: true, what: 'Reading items' })).map((item) => [keyString(item as Key), item]));
      for (const w of waiters) w.resolve(found.get(keyString(w.key)));
    } catch (err) {
      for (const w of waiters) w.reject(err);
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
