import {
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { isActive, type AnyRecord, type Kind, type RecordOf } from '../../domain/records.js';
import type { Clock } from '../../ports/clock.js';
import type { Page, PageRequest, RecordChange, RecordIndex, RecordIndexer, RecordStore, Removal } from '../../ports/record-store.js';
import { mapPooled } from '../../async/pool.js';
import { batchGetAll } from './batch-get.js';
import { batchWriteAll } from './batch-write.js';
import { removeLearnerCampaignResults, TOMBSTONE_DAYS } from './campaign-store.js';
import { erasureJobItem } from './erasure-jobs.js';
import { run, translateDynamoError } from './errors.js';
import { atVersion, keyString, toRecord, type Item, type Key, type TransactItem } from './items.js';
import { jobTermItems, jobTermKeys } from './job-index.js';
import { keys, PROVINCES, provinceOf, regionPrefix } from './keys.js';
import { TTL_ATTRIBUTE } from './table-schema.js';
import { decodePartitionCursor, encodePageToken } from './toolkit/page-token.js';
import { retrying } from './toolkit/retry.js';
import { isTransactionConflict } from './toolkit/sdk-errors.js';
import { pointReads } from './point-reads.js';
import { IndexPresence } from './index-presence.js';
import { encodeSkillVector } from './skill-vector.js';

/** Most index operations that ride in a record's own transaction (DynamoDB allows 100 items). */
const INDEX_OPS_IN_TRANSACTION = 99;

/**
 * Import transactions in flight at once. On DynamoDB Local 4,000 rows took 17.6 s with 4, 13.4 s
 * with 8 and 11.5 s with 16; 8 keeps a burst (800 items, 1,600 write units) well inside what a
 * fresh on-demand table absorbs.
 */
export const SAVE_MANY_CONCURRENCY = 8;

/** Attempts at an unconditional transaction that keeps losing to concurrent ones. */
const TRANSACTION_ATTEMPTS = 5;

const toItem = (record: AnyRecord): Item => ({
  ...keys.record(record.kind, record.id),
  ...keys.byOwner(record.kind, record.owner, record.ref),
  ...keys.byRegion(record.kind, record.region, record.id),
  entity: record.kind.toUpperCase(),
  ...record,
});


/** The inverted-index items of a record: one per partition, only while it is active. */
export function indexItems(record: AnyRecord, index: RecordIndex, now: Date): Item[] {
  if (!isActive(record, now)) return [];
  // Open demands are also findable by job search (docs/jobs.md), in the same transaction.
  const jobs = record.kind === 'demand' ? jobTermItems(record, index.skills) : [];
  return [...skillIndexItems(record, index), ...jobs];
}

function skillIndexItems(record: AnyRecord, { skills: entries, partitions }: RecordIndex): Item[] {
  if (partitions.length === 0) return [];
  const byId = new Map(entries.map((e) => [e.skillId, e]));
  // The whole skill vector (ids and levels, certificate skills included) rides on every entry so
  // the matcher scores candidates without reading records (no BatchGet); demands add what a match
  // list shows and what decides expiry. Nothing personal goes here: no summary, group,
  // certificate text or contact details.
  const skillVector = encodeSkillVector(entries);
  return partitions.map((partition) => ({
    ...keys.skillIndex(record.kind, partition, record.region, record.id),
    entity: 'INDEX',
    kind: record.kind,
    skillId: partition,
    recordId: record.id,
    ref: record.ref,
    region: record.region,
    level: byId.get(partition)?.level ?? null,
    role: byId.get(partition)?.role ?? (record.kind === 'demand' ? 'required' : record.kind === 'learner' ? 'held' : 'taught'),
    skillVector,
    ...(record.kind === 'learner' ? { consentToShare: record.consentToShare } : {}),
    ...(record.kind === 'demand'
      ? {
          headcount: record.headcount,
          title: record.title,
          employer: record.employer,
          ...(record.minLevel !== undefined ? { minLevel: record.minLevel } : {}),
          ...(record.expiresAt !== undefined ? { expiresAt: record.expiresAt } : {}),
        }
      : {}),
  }));
}

const keyOf = (item: Item): Key => ({ pk: item.pk as string, sk: item.sk as string });

type IndexOp = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };

/**
 * The index writes that take a record from `previous` to `next`, in the order that fails safe
 * when they cannot all ride in one transaction: deletes of entries the new state no longer has
 * first, then puts over existing entries, then puts of new entries. A write cut short after a
 * prefix of this list leaves the record under-indexed (missing from some match lists), never
 * findable through a stale entry carrying old skills, an old region or a withdrawn consent.
 */
function indexOps(next: AnyRecord | undefined, previous: AnyRecord | undefined, now: Date, indexOf: RecordIndexer): IndexOp[] {
  const puts = next ? indexItems(next, indexOf(next), now) : [];
  const keep = new Set(puts.map((p) => keyString(keyOf(p))));
  // Every entry the previous state may have written, active or not: an expired demand's entries
  // linger (they were written while it was active), and must go when its skills or region change.
  const had = previous
    ? [
        ...indexOf(previous).partitions.map((partition) => keys.skillIndex(previous.kind, partition, previous.region, previous.id)),
        ...(previous.kind === 'demand' ? jobTermKeys(previous) : []),
      ]
    : [];
  const hadKeys = new Set(had.map(keyString));
  const deletes = had.filter((k) => !keep.has(keyString(k)));
  const overwrites = puts.filter((p) => hadKeys.has(keyString(keyOf(p))));
  const fresh = puts.filter((p) => !hadKeys.has(keyString(keyOf(p))));
  return [...deletes.map((Key) => ({ DeleteRequest: { Key } })), ...[...overwrites, ...fresh].map((Item) => ({ PutRequest: { Item } }))];
}


export interface DynamoRecordStoreOptions {
  /**
   * A record's skill-index entry (skill vector and partitions), computed where the evidence and
   * extraction code lives (the composition root hands `recordIndex`): the store only encodes and
   * writes what it is given, so it carries no taxonomy.
   */
  readonly index: RecordIndexer;
  /**
   * Told when a course was written but the course catalogue's version could not be raised after
   * it. The write stands (reporting it as failed would make its retry fail with 412); containers
   * holding the catalogue pick the change up within their maximum age instead of at once.
   */
  readonly warn?: (message: string, error: unknown) => void;
}

/** The entries an index write puts, whose partitions and provinces must be in the presence items first. */
const putItems = (ops: readonly IndexOp[]): Item[] => ops.flatMap((op) => ('PutRequest' in op && op.PutRequest.Item.entity === 'INDEX' ? [op.PutRequest.Item] : []));

/** DynamoDB implementation of {@link RecordStore} on the single table. */
export class DynamoRecordStore implements RecordStore {
  private readonly presence: IndexPresence;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
    private readonly options: DynamoRecordStoreOptions,
  ) {
    this.presence = new IndexPresence(client, tableName);
  }

  async get<K extends Kind>(kind: K, id: string): Promise<RecordOf<K> | undefined> {
    // Coalesced with other point reads in flight (a use case's Promise.all) into one BatchGetItem.
    const item = await run(() => pointReads(this.client, this.tableName).get(keys.record(kind, id)), 'Reading a record');
    return item ? (toRecord(item) as RecordOf<K>) : undefined;
  }

  async getMany(kind: Kind, ids: readonly string[]): Promise<Map<string, AnyRecord>> {
    const wanted = [...new Set(ids)].map((id) => keys.record(kind, id));
    const found = new Map<string, AnyRecord>();
    for (const item of await batchGetAll(this.client, this.tableName, wanted, { what: 'Reading records' })) {
      const record = toRecord(item);
      found.set(record.id, record);
    }
    return found;
  }

  async save(next: AnyRecord, previous: AnyRecord | undefined): Promise<void> {
    const condition = previous
      ? atVersion(previous.version)
      : { ConditionExpression: 'attribute_not_exists(pk)' };
    const index = indexOps(next, previous, this.clock.now(), this.options.index);
    // Where the entries go is recorded before they exist (docs in index-presence.ts).
    await this.presence.ensure(putItems(index));
    await this.transact(
      { Put: { TableName: this.tableName, Item: toItem(next), ...condition } },
      index,
      `Saving ${next.kind} ${next.id}`,
      previous === undefined ? this.clearTombstone(next) : [],
    );
    if (next.kind === 'course') await this.courseCatalogueChanged();
  }

  /**
   * A learner created again under a deleted one's id (same owner and ref) is no longer erased: its
   * tombstone goes, and so does an unfinished clean-up of the deletion, which would otherwise
   * strip the new profile's engagements (they share the id).
   */
  private clearTombstone(record: AnyRecord): TransactItem[] {
    return record.kind === 'learner'
      ? [
          { Delete: { TableName: this.tableName, Key: keys.learnerTombstone(record.id) } },
          { Delete: { TableName: this.tableName, Key: keys.erasureJob(record.id) } },
        ]
      : [];
  }

  /**
   * What a learner's deletion writes in its transaction: the tombstone (campaigns check it before
   * writing a result; it names no one) and the erasure job, which the clean-up after the deletion
   * ends, and which a retried DELETE and the sweep find when that clean-up was cut short.
   */
  private tombstone(record: AnyRecord): TransactItem[] {
    if (record.kind !== 'learner') return [];
    const now = this.clock.now();
    const ttl = Math.floor(now.getTime() / 1000) + TOMBSTONE_DAYS * 86_400;
    const accounts = [record.owner, ...(record.subject !== undefined ? [record.subject] : [])];
    return [
      { Put: { TableName: this.tableName, Item: { ...keys.learnerTombstone(record.id), entity: 'TOMBSTONE', deletedAt: now.toISOString(), [TTL_ATTRIBUTE]: ttl } } },
      { Put: { TableName: this.tableName, Item: erasureJobItem({ learnerId: record.id, accounts, region: record.region, deletedAt: now.toISOString() }) } },
    ];
  }

  async remove(record: AnyRecord): Promise<Removal> {
    // A deleted profile leaves no per-person campaign result behind. They go first: should the
    // profile's deletion then fail, it can be retried, and a later campaign recomputes results; the
    // other order would leave results that no retry can reach once the profile is gone.
    const campaigns = new Set<string>();
    const sweep = async () => {
      if (record.kind !== 'learner') return;
      const touched = await run(() => removeLearnerCampaignResults(this.client, this.tableName, record.id), `Deleting ${record.id}'s campaign results`);
      for (const id of touched) campaigns.add(id);
    };
    await sweep();
    await this.transact(
      {
        Delete: { TableName: this.tableName, Key: keys.record(record.kind, record.id), ...atVersion(record.version) },
      },
      indexOps(undefined, record, this.clock.now(), this.options.index),
      `Deleting ${record.kind} ${record.id}`,
      this.tombstone(record),
    );
    // Results written between the first sweep and the tombstone: the tombstone refuses any later one.
    await sweep();
    if (record.kind === 'course') await this.courseCatalogueChanged();
    return { campaigns: [...campaigns] };
  }

  /**
   * Each record's main item and index writes go in one transaction, several records a
   * transaction (up to 100 items), a few transactions in flight: an import cut short (a Lambda
   * timeout, a crash) leaves every record whole, old or new, never a new main item beside old
   * index entries (which would keep a withdrawn consent visible to employers). Transactions cost
   * twice the write capacity of BatchWriteItem; imports pay that for this guarantee.
   */
  async saveMany(changes: readonly RecordChange[]): Promise<void> {
    const now = this.clock.now();
    // A later change to the same record replaces an earlier one.
    const latest = new Map<string, RecordChange>();
    for (const change of changes) latest.set(keyString(keys.record(change.next.kind, change.next.id)), change);
    const groups: TransactItem[][] = [];
    const oversized: Array<{ next: AnyRecord; index: IndexOp[] }> = [];
    const puts: Item[] = [];
    let group: TransactItem[] = [];
    for (const { next, previous } of latest.values()) {
      const index = indexOps(next, previous, now, this.options.index);
      puts.push(...putItems(index));
      if (index.length > INDEX_OPS_IN_TRANSACTION) {
        oversized.push({ next, index });
        continue;
      }
      const extra = previous === undefined ? this.clearTombstone(next) : [];
      if (group.length > 0 && group.length + 1 + extra.length + index.length > INDEX_OPS_IN_TRANSACTION + 1) {
        groups.push(group);
        group = [];
      }
      group.push({ Put: { TableName: this.tableName, Item: toItem(next) } }, ...extra, ...index.map((op) => this.transactItem(op)));
    }
    if (group.length > 0) groups.push(group);

    const courses = [...latest.values()].some((c) => c.next.kind === 'course');
    // Where the entries go is recorded before any of them exists (docs in index-presence.ts).
    await this.presence.ensure(puts);
    try {
      // After a failure the pool starts no other transaction: the caller has been told the write
      // failed, and must not find it still going on behind its back.
      await mapPooled(groups, SAVE_MANY_CONCURRENCY, (group) => this.transactRetrying(group, 'Writing records'));
      for (const { next, index } of oversized) await this.transact({ Put: { TableName: this.tableName, Item: toItem(next) } }, index, `Writing ${next.kind} ${next.id}`);
    } catch (err) {
      // Some courses may have been written before the failure; the failure is what the caller hears.
      if (courses) await this.courseCatalogueChanged();
      throw err;
    }
    if (courses) await this.courseCatalogueChanged();
  }

  listByOwner(kind: Kind, owner: string, page: PageRequest): Promise<Page<AnyRecord>> {
    return this.queryPartitions(
      [{ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.byOwnerPartition(kind, owner) } }],
      page,
    );
  }

  listByRegion(kind: Kind, region: string, page: PageRequest): Promise<Page<AnyRecord>> {
    const prefix = regionPrefix(region);
    const provinces = region === 'national' ? PROVINCES : [provinceOf(region)];
    return this.queryPartitions(
      provinces.map((p) => ({
        IndexName: 'gsi2',
        KeyConditionExpression: prefix ? 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)' : 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.byRegionPartition(kind, p), ...(prefix ? { ':prefix': prefix } : {}) },
      })),
      page,
    );
  }

  listBySkill(kind: Kind, skillId: string, page: PageRequest): Promise<Page<AnyRecord>> {
    return this.listBySkillWithin(kind, skillId, 'national', page);
  }

  /** One Query on the skill's index partition (`begins_with` the region's key prefix unless national), then one BatchGet. */
  async listBySkillWithin(kind: Kind, skillId: string, region: string, page: PageRequest): Promise<Page<AnyRecord>> {
    const prefix = regionPrefix(region);
    const entries = await this.queryPartitions(
      [
        {
          KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.skillIndexPartition(kind, skillId), ...(prefix ? { ':prefix': prefix } : {}) },
        },
      ],
      page,
      (item) => item,
    );
    const records = await this.getMany(kind, entries.items.map((e) => e.recordId as string));
    const items = entries.items.flatMap((e) => records.get(e.recordId as string) ?? []);
    return entries.nextToken ? { items, nextToken: entries.nextToken } : { items };
  }

  /**
   * Reads up to `page.limit` items across partitions in order, resuming where the token says.
   * Every query is a key condition on one partition: never a scan.
   */
  private async queryPartitions<T = AnyRecord>(
    queries: ReadonlyArray<Omit<QueryCommandInput, 'TableName'>>,
    page: PageRequest,
    map: (item: Item) => T = toRecord as (item: Item) => T,
  ): Promise<Page<T>> {
    const state = decodePartitionCursor(page.nextToken, queries.length);
    const items: T[] = [];
    let p = state.p;
    let startKey = state.k;
    while (p < queries.length && items.length < page.limit) {
      const input = { TableName: this.tableName, ...queries[p]!, Limit: page.limit - items.length, ExclusiveStartKey: startKey };
      const out = await run(() => this.client.send(new QueryCommand(input)), 'Listing records');
      items.push(...(out.Items ?? []).map(map));
      if (out.LastEvaluatedKey) {
        startKey = out.LastEvaluatedKey as Record<string, string>;
        if (items.length >= page.limit) return { items, nextToken: encodePageToken({ p, k: startKey }) };
      } else {
        p += 1;
        startKey = undefined;
      }
    }
    return p < queries.length ? { items, nextToken: encodePageToken({ p, ...(startKey ? { k: startKey } : {}) }) } : { items };
  }

  /**
   * One transaction with the record and as many index ops as fit; the rest follow in batches.
   * Only records with more than 99 index writes (a demand with over 50 skills moving region)
   * overflow, and {@link indexOps} orders them so that the overflow holds only puts of new
   * entries: a crash between the two leaves the record under-indexed, never stale.
   */
  private async transact(main: TransactItem, index: readonly IndexOp[], what: string, extra: readonly TransactItem[] = []): Promise<void> {
    const room = INDEX_OPS_IN_TRANSACTION - extra.length;
    const inline = index.slice(0, room).map((op) => this.transactItem(op));
    await run(() => this.client.send(new TransactWriteCommand({ TransactItems: [main, ...extra, ...inline] })), what);
    const rest = index.slice(room);
    if (rest.length > 0) {
      try {
        await batchWriteAll(this.client, this.tableName, rest);
      } catch (err) {
        throw translateDynamoError(err, what);
      }
    }
  }

  private transactItem(op: IndexOp): TransactItem {
    return 'PutRequest' in op ? { Put: { TableName: this.tableName, Item: op.PutRequest.Item } } : { Delete: { TableName: this.tableName, Key: op.DeleteRequest.Key } };
  }

  /** An unconditional transaction, retried when it lost to a concurrent transaction on the same items. */
  private async transactRetrying(items: TransactItem[], what: string): Promise<void> {
    try {
      await retrying(() => this.client.send(new TransactWriteCommand({ TransactItems: items })), { attempts: TRANSACTION_ATTEMPTS, retryable: isTransactionConflict });
    } catch (err) {
      throw translateDynamoError(err, what);
    }
  }

  /**
   * Raises the course catalogue's version after a course write, so that cached catalogues
   * (DynamoCourseCatalogue) reload on their next read. A separate atomic ADD, not part of the
   * write's transaction: concurrent course writes would otherwise conflict on this one item. Should
   * the process die between the two, or the ADD fail, caches catch up within their maximum age: a
   * failure is reported to `warn`, never thrown.
   */
  private async courseCatalogueChanged(): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.courseCatalogue(),
          UpdateExpression: 'ADD #v :one SET #at = :at',
          ExpressionAttributeNames: { '#v': 'version', '#at': 'changedAt' },
          ExpressionAttributeValues: { ':one': 1, ':at': this.clock.now().toISOString() },
        }),
      );
    } catch (err) {
      this.options.warn?.('A course was written but the course catalogue version was not raised; cached catalogues catch up within their maximum age.', err);
    }
  }

  /** Runs one SDK call, turning its failures into domain errors. */}

