import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AnyRecord, Kind } from '../../domain/records.js';
import type { Clock } from '../../ports/clock.js';
import type { RecordIndexer } from '../../ports/record-store.js';
import { batchGetAll } from './batch-get.js';
import { translateDynamoError } from './errors.js';
import { IndexPresence } from './index-presence.js';
import { atVersion, keyString, toRecord, type Item, type Key, type TransactItem } from './items.js';
import { JOB_ENTITY } from './job-index.js';
import { keys } from './keys.js';
import { scanPages } from './query-all.js';
import { indexItems } from './record-store.js';
import { cancellationCodes } from './toolkit/sdk-errors.js';

/** Index writes in one transaction beside the record's version check (TransactWriteItems takes 100). */
const OPS_A_TRANSACTION = 99;
const RECORD_ENTITIES = ['LEARNER', 'DEMAND', 'COURSE'] as const;

/** What a rebuild did. */
export interface RebuildSummary {
  /** Records whose entries were written again. */
  readonly records: number;
  /** Index and job-search entries written. */
  readonly written: number;
  /** Entries deleted: no record wants them any more. */
  readonly deleted: number;
  /** Records changed while the rebuild ran: their own save wrote their entries. */
  readonly skipped: number;
}

/**
 * Brings the skill index and the job-search entries in line with the code that runs now. A record's
 * entries carry the skill vector `matchingSkills` gave when it was written, and a record's save
 * deletes only the entries today's code computes for its old state: after a taxonomy upgrade, a
 * record keeps stale skills until it is saved, and an entry of a partition the new taxonomy no
 * longer gives it (or of a record since deleted) is never deleted — it would still find the record,
 * and it carries its ref and region.
 *
 * Two Scans, an operator command (`skillbridge index rebuild`), never a request path:
 * 1. every record's entries are written again from the indexer, with a check that the record is
 *    still at the version read (a record saved meanwhile wrote its own, newer entries);
 * 2. every entry no record wants any more is deleted, with a check that its record is still at the
 *    version read (or still gone).
 * Safe to run again; entries written meanwhile by saves are left as they are.
 */
export class IndexRebuild {
  private readonly presence: IndexPresence;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly indexer: RecordIndexer,
    private readonly clock: Clock,
  ) {
    this.presence = new IndexPresence(client, tableName);
  }

  async run(): Promise<RebuildSummary> {
    const rewritten = await this.rewrite();
    const pruned = await this.prune();
    return { records: rewritten.records, written: rewritten.written, deleted: pruned.deleted, skipped: rewritten.skipped + pruned.skipped };
  }

  /** The keys of every entry a record wants now. */
  private wanted(record: AnyRecord): Item[] {
    return indexItems(record, this.indexer(record), this.clock.now());
  }

  private async rewrite(): Promise<{ records: number; written: number; skipped: number }> {
    let records = 0;
    let written = 0;
    let skipped = 0;
    const scan = {
      FilterExpression: '#e IN (:l, :d, :c)',
      ExpressionAttributeNames: { '#e': 'entity' },
      ExpressionAttributeValues: { ':l': RECORD_ENTITIES[0], ':d': RECORD_ENTITIES[1], ':c': RECORD_ENTITIES[2] },
    };
    for await (const page of scanPages(this.client, this.tableName, scan, 'Reading records to index again')) {
      for (const item of page) {
        const record = toRecord(item);
        const puts = this.wanted(record);
        if (puts.length === 0) continue;
        // Where the entries go is recorded before they exist (docs in index-presence.ts).
        await this.presence.ensure(puts);
        const done = await this.writeChecked(record, puts.map((Item) => ({ Put: { TableName: this.tableName, Item } })), `Indexing ${record.kind} ${record.id} again`);
        if (done) {
          records += 1;
          written += puts.length;
        } else skipped += 1;
      }
    }
    return { records, written, skipped };
  }

  private async prune(): Promise<{ deleted: number; skipped: number }> {
    let deleted = 0;
    let skipped = 0;
    const scan = {
      FilterExpression: '#e IN (:index, :job)',
      ProjectionExpression: 'pk, sk, #k, recordId',
      ExpressionAttributeNames: { '#e': 'entity', '#k': 'kind' },
      ExpressionAttributeValues: { ':index': 'INDEX', ':job': JOB_ENTITY },
    };
    for await (const page of scanPages(this.client, this.tableName, scan, 'Reading index entries')) {
      // The entries of one record, by its key.
      const byRecord = new Map<string, { kind: Kind; id: string; entries: Key[] }>();
      for (const item of page) {
        const kind = (item.kind ?? 'demand') as Kind;
        const id = String(item.recordId);
        const key = keyString(keys.record(kind, id));
        const group = byRecord.get(key) ?? { kind, id, entries: [] };
        group.entries.push({ pk: String(item.pk), sk: String(item.sk) });
        byRecord.set(key, group);
      }
      const found = new Map<string, AnyRecord>();
      const items = await batchGetAll(
        this.client,
        this.tableName,
        [...byRecord.values()].map((g) => keys.record(g.kind, g.id)),
        { consistent: true, what: 'Reading the records of index entries' },
      );
      for (const item of items) found.set(keyString({ pk: String(item.pk), sk: String(item.sk) }), toRecord(item));
      for (const [key, group] of byRecord) {
        const record = found.get(key);
        const want = new Set((record ? this.wanted(record) : []).map((item) => keyString({ pk: String(item.pk), sk: String(item.sk) })));
        const stale = group.entries.filter((entry) => !want.has(keyString(entry)));
        if (stale.length === 0) continue;
        const deletes = stale.map((Key): TransactItem => ({ Delete: { TableName: this.tableName, Key } }));
        const done = record
          ? await this.writeChecked(record, deletes, `Deleting stale index entries of ${group.kind} ${group.id}`)
          : await this.writeIfGone(keys.record(group.kind, group.id), deletes, `Deleting index entries of a deleted ${group.kind}`);
        if (done) deleted += stale.length;
        else skipped += 1;
      }
    }
    return { deleted, skipped };
  }

  /** Writes `ops` in transactions that each check the record is still at the version read; false when it moved on. */
  private writeChecked(record: AnyRecord, ops: readonly TransactItem[], what: string): Promise<boolean> {
    const check: TransactItem = { ConditionCheck: { TableName: this.tableName, Key: keys.record(record.kind, record.id), ...atVersion(record.version) } };
    return this.writeWith(check, ops, what);
  }

  /** Writes `ops` in transactions that each check the record is still gone; false when it came back. */
  private writeIfGone(key: Key, ops: readonly TransactItem[], what: string): Promise<boolean> {
    const check: TransactItem = { ConditionCheck: { TableName: this.tableName, Key: key, ConditionExpression: 'attribute_not_exists(pk)' } };
    return this.writeWith(check, ops, what);
  }

  private async writeWith(check: TransactItem, ops: readonly TransactItem[], what: string): Promise<boolean> {
    for (let i = 0; i < ops.length; i += OPS_A_TRANSACTION) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: [check, ...ops.slice(i, i + OPS_A_TRANSACTION)] }));
      } catch (err) {
        const codes = cancellationCodes(err);
        if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) return false;
        throw translateDynamoError(err, what);
      }
    }
    return true;
  }
}
