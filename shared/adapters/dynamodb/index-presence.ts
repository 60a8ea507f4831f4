import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Kind } from '../../domain/records.js';
import { mapPooled } from '../../async/pool.js';
import { batchGetAll } from './batch-get.js';
import { run } from './errors.js';
import type { Item } from './items.js';
import { keys, provinceOf } from './keys.js';
import { scanPages } from './query-all.js';

/**
 * Where each skill-index partition has entries, so that a match call skips a partition (or one
 * region scope of it) that holds nobody without sending a Query for it: one BatchGetItem answers
 * for up to 100 partitions. Most grams of a posting's words, and a profile's summary words, have
 * no entry of the other kind at all, or none in the subject's province.
 *
 * One small item per partition (`IDXP#<KIND>#<partition>`) holds `provinces`, a string set of the
 * two-digit province keys (`00` for `national`) any entry was ever written in. It only grows:
 *
 * - it is written (an idempotent `ADD` to a set, so retries never duplicate) *before* the index
 *   entries it covers, so an entry never exists in a province its partition's item lacks; a write
 *   that fails after it leaves a province too many, which costs a read, never a miss;
 * - deletes and moves leave it as it is: a province whose entries are all gone is still read
 *   (what the code did before), so it stays an upper bound without any clean-up.
 *
 * The items are trusted only once the table says they cover every entry (`markComplete` on an
 * empty table, or `backfill` over one written before them); until then `read` answers undefined
 * and matching reads every partition as before (a table found without the marker is asked again
 * after a minute, not on every call).
 */

type PresenceMap = ReadonlyMap<string, ReadonlySet<string>>;

/** A province key of the table (`11`, `00`) as the region code matching reads with (`110000`, `national`). */
const provinceCode = (key: string): string => (key === '00' ? 'national' : `${key}0000`);

/** Presence already written by this process: the items only grow, so each pair is written once. */
const MEMO_MAX = 100_000;
/** Presence updates in flight for one write. */
const IN_FLIGHT = 16;
/** How long a table found without the marker is not asked again (a backfill is seen within this). */
const RECHECK_MS = 60_000;

export class IndexPresence {
  private readonly written = new Set<string>();
  private complete = false;
  private incompleteUntil = 0;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Records, before they are written, the partitions and provinces of index entries (items with
   * `kind`, `skillId` and `region`, as the record store builds them).
   */
  async ensure(entries: ReadonlyArray<Item>): Promise<void> {
    const pending = new Map<string, { kind: Kind; skillId: string; province: string }>();
    for (const e of entries) {
      if (typeof e.kind !== 'string' || typeof e.skillId !== 'string' || typeof e.region !== 'string') continue;
      const province = provinceOf(e.region);
      const memo = `${e.kind}|${e.skillId}|${province}`;
      if (!this.written.has(memo)) pending.set(memo, { kind: e.kind as Kind, skillId: e.skillId, province });
    }
    if (pending.size === 0) return;
    await mapPooled([...pending], IN_FLIGHT, async ([memo, { kind, skillId, province }]) => {
      await run(
        () =>
          this.client.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: keys.skillIndexPresence(kind, skillId),
              UpdateExpression: 'ADD #p :p SET #e = :e',
              ExpressionAttributeNames: { '#p': 'provinces', '#e': 'entity' },
              ExpressionAttributeValues: { ':p': new Set([province]), ':e': 'INDEX_PRESENCE' },
            }),
          ),
        'Recording where the skill index has entries',
      );
      if (this.written.size >= MEMO_MAX) this.written.clear();
      this.written.add(memo);
    });
  }

  /**
   * The provinces (region codes; `national` for entries whose region is national) each partition
   * may hold entries in: every province that holds one now, perhaps more. A partition without an
   * item holds nobody. Undefined while the items are not known to be complete.
   */
  async read(kind: Kind, partitions: readonly string[]): Promise<PresenceMap | undefined> {
    // A table without the marker is not asked on every call: matching then reads every partition.
    if (!this.complete && Date.now() < this.incompleteUntil) return undefined;
    const wanted = [...new Set(partitions)].map((p) => keys.skillIndexPresence(kind, p));
    const marker = keys.skillIndexPresenceComplete();
    const items = await batchGetAll(this.client, this.tableName, this.complete ? wanted : [...wanted, marker], { projection: 'pk, sk, provinces', what: 'Reading where the skill index has entries' });
    if (!this.complete && !items.some((i) => i.pk === marker.pk && i.sk === marker.sk)) {
      this.incompleteUntil = Date.now() + RECHECK_MS;
      return undefined;
    }
    // Complete stays complete: the marker is never taken back.
    this.complete = true;
    const byPk = new Map(items.map((i) => [i.pk, i.provinces]));
    const out = new Map<string, ReadonlySet<string>>();
    for (const p of new Set(partitions)) {
      const provinces = byPk.get(keys.skillIndexPresence(kind, p).pk);
      out.set(p, new Set(provinces instanceof Set ? [...provinces].map((k) => provinceCode(String(k))) : []));
    }
    return out;
  }

  /** Says the presence items cover every index entry: for a table with no index entries yet. */
  async markComplete(): Promise<void> {
    await run(
      () => this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.skillIndexPresenceComplete(), entity: 'INDEX_PRESENCE', at: new Date().toISOString() } })),
      'Marking the skill index presence complete',
    );
  }

  /**
   * Makes the items trusted on any table: nothing to do when the marker is there; otherwise a
   * backfill (on a table with no index entries, a Scan that finds none, then the marker). Answers
   * the index entries recorded, or undefined when the table was complete already. For
   * `skillbridge index presence` and `npm start`.
   */
  async makeComplete(): Promise<number | undefined> {
    const marker = await run(
      () => this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.skillIndexPresenceComplete(), ConsistentRead: true })),
      'Reading the skill index presence marker',
    );
    return marker.Item ? undefined : this.backfill();
  }

  /**
   * For a table written before presence items existed: records every index entry's partition and
   * province (a Scan: a one-off migration, never on a request path), then marks them complete.
   * Entries written meanwhile record their own presence first, so none is missed.
   */
  async backfill(): Promise<number> {
    let entries = 0;
    const index = {
      FilterExpression: '#e = :index',
      ProjectionExpression: '#k, skillId, #r',
      ExpressionAttributeNames: { '#e': 'entity', '#k': 'kind', '#r': 'region' },
      ExpressionAttributeValues: { ':index': 'INDEX' },
    };
    for await (const page of scanPages(this.client, this.tableName, index, 'Backfilling the skill index presence')) {
      await this.ensure(page);
      entries += page.length;
    }
    await this.markComplete();
    return entries;
  }
}
