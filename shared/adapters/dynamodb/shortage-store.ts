import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod';
import type { Demand, Learner } from '../../domain/records.js';
import { parseCell, shortageDetail, type ShortageCounter } from '../../domain/shortage.js';
import type { Clock } from '../../ports/clock.js';
import { lazy } from '../../schemas/lazy.js';
import type { ShortageApplyResult, ShortageEntry, ShortageStore } from '../../ports/shortage.js';
import { batchGetAll } from './batch-get.js';
import { batchWriteAll } from './batch-write.js';
import { translateDynamoError } from './errors.js';
import { keyString, toRecord, type Item, type Key, type TransactItem } from './items.js';
import { queryAll, scanPages } from './query-all.js';
import { keys } from './keys.js';
import { TTL_ATTRIBUTE } from './table-schema.js';
import { retrying } from './toolkit/retry.js';
import { cancellationCodes, isTransactionConflict } from './toolkit/sdk-errors.js';

/** Counter updates a transaction carries beside its marker (DynamoDB allows 100 items). */
export const UPDATES_PER_TRANSACTION = 99;

/** Entity values of the items this store writes. */
const COUNTER_ENTITY = 'SHORTAGE';
const MARKER_ENTITY = 'SHORTAGE_EVENT';

/** A stream keeps records for 24 hours, so no redelivery can come later than that; two days leaves room. */
const MARKER_TTL_SECONDS = 2 * 86_400;

/** Attempts at a transaction that keeps meeting a concurrent one on the same counter (hot national items). */
const CONFLICT_ATTEMPTS = 8;

// Only the fields the shortage model reads are checked; a stored record carries many more. Built on
// the first stream record: every function with the container bundles this store, one reads streams.
const imageSchemas = lazy(() => {
  const LevelImage = z.int().min(1).max(5);
  const SkillImage = z.looseObject({ skillId: z.string().min(1).nullable(), level: LevelImage.nullable() });
  const DemandImage = z.looseObject({
    entity: z.literal('DEMAND'),
    kind: z.literal('demand'),
    id: z.string().min(1),
    region: z.string().min(1),
    status: z.enum(['open', 'closed']),
    headcount: z.number().min(0),
    requiredSkills: z.array(SkillImage),
    preferredSkills: z.array(SkillImage).default([]),
    minLevel: LevelImage.nullish(),
    expiresAt: z.string().nullish(),
  });
  const LearnerImage = z.looseObject({
    entity: z.literal('LEARNER'),
    kind: z.literal('learner'),
    id: z.string().min(1),
    region: z.string().min(1),
    skills: z.array(SkillImage),
  });
  return { DemandImage, LearnerImage };
});

/** A demand or learner main item from a stream image, or `undefined` for any other item. */
function recordFromImage(image: Record<string, AttributeValue> | undefined): Demand | Learner | undefined {
  if (image === undefined) return undefined;
  const item = unmarshall(image);
  if (item.entity !== 'DEMAND' && item.entity !== 'LEARNER') return undefined;
  const { DemandImage, LearnerImage } = imageSchemas();
  const parsed = (item.entity === 'DEMAND' ? DemandImage : LearnerImage).parse(item) as Item;
  // The checked fields are the ones the model reads; the rest is passed through as stored.
  return toRecord(parsed) as Demand | Learner;
}

/** One stream record as a change of a demand or learner. */
export interface ShortageChange {
  readonly eventId: string;
  readonly before: Demand | Learner | undefined;
  readonly after: Demand | Learner | undefined;
}

/**
 * Reads a DynamoDB stream record (NEW_AND_OLD_IMAGES): the change of a demand or learner main
 * item it carries, or `undefined` when it is about anything else (index entries, courses,
 * counters, markers). Throws when a demand or learner image lacks what the model needs.
 */
export function shortageChangeOf(record: DynamoDBRecord): ShortageChange | undefined {
  // Lambda's and the SDK's AttributeValue differ only for binary values, which these items never hold.
  const before = recordFromImage(record.dynamodb?.OldImage as Record<string, AttributeValue> | undefined);
  const after = recordFromImage(record.dynamodb?.NewImage as Record<string, AttributeValue> | undefined);
  if (before === undefined && after === undefined) return undefined;
  if (!record.eventID) throw new Error('A stream record without an eventID cannot be applied exactly once.');
  return { eventId: record.eventID, before, after };
}

const cellsOf = (item: Item): Record<string, number> =>
  Object.fromEntries(Object.entries(item).filter(([name, value]) => typeof value === 'number' && parseCell(name) !== undefined)) as Record<string, number>;

const counterOf = (item: Item): ShortageCounter => ({ region: item.region as string, skillId: item.skillId as string, cells: cellsOf(item) });



/** Tuning of {@link DynamoShortageStore}. */
export interface DynamoShortageStoreOptions {
  /** How long a delivery marker is kept. @default 172800 (two days) */
  readonly markerTtlSeconds?: number;
}

/**
 * The shortage index on the single table: one counter item per region and skill
 * (`keys.shortage`), whose attributes are the model's cells, changed only by `ADD`; and one
 * marker item per applied chunk of a stream record (`keys.shortageEvent`), written in the same
 * transaction under `attribute_not_exists`, which is what makes redelivery harmless.
 */
export class DynamoShortageStore implements ShortageStore {
  private readonly markerTtlSeconds: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
    options: DynamoShortageStoreOptions = {},
  ) {
    this.markerTtlSeconds = options.markerTtlSeconds ?? MARKER_TTL_SECONDS;
  }

  async forRegion(region: string, skillIds?: readonly string[]): Promise<Map<string, ShortageEntry>> {
    const now = this.clock.now();
    const entries = new Map<string, ShortageEntry>();
    for (const counter of await this.countersForRegion(region, skillIds)) {
      const { skillId, demand, supply, index } = shortageDetail(counter, now);
      // Counters whose demand has all expired or been withdrawn linger until a rebuild; they say nothing.
      if (demand > 0 || supply > 0) entries.set(skillId, { skillId, region, demand, supply, index });
    }
    return entries;
  }

  async countersForRegion(region: string, skillIds?: readonly string[]): Promise<ShortageCounter[]> {
    if (skillIds !== undefined) return (await this.getMany([...new Set(skillIds)].map((s) => keys.shortage(region, s)))).map(counterOf);
    const items = await queryAll(this.client, this.tableName, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.shortagePartition(region) } }, 'Reading the shortage index');
    return items.map(counterOf);
  }

  async applyOnce(eventId: string, delta: readonly ShortageCounter[]): Promise<ShortageApplyResult> {
    let applied = 0;
    let duplicates = 0;
    // The chunking is a function of the delta alone, so a redelivery finds the same chunks and markers.
    for (let i = 0, chunk = 0; i < delta.length; i += UPDATES_PER_TRANSACTION, chunk++) {
      const updates = delta.slice(i, i + UPDATES_PER_TRANSACTION).map((c) => this.counterUpdate(c));
      const marker: TransactItem = {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.shortageEvent(eventId, chunk), entity: MARKER_ENTITY, [TTL_ATTRIBUTE]: Math.floor(this.clock.now().getTime() / 1000) + this.markerTtlSeconds },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
      if (await this.transactOnce([marker, ...updates], `Applying shortage change ${eventId}`)) applied++;
      else duplicates++;
    }
    return { applied, duplicates };
  }

  async replaceAll(counters: readonly ShortageCounter[]): Promise<{ written: number; deleted: number }> {
    const existing: Key[] = [];
    for await (const item of this.scan({ FilterExpression: '#e = :e', ExpressionAttributeNames: { '#e': 'entity' }, ExpressionAttributeValues: { ':e': COUNTER_ENTITY }, ProjectionExpression: 'pk, sk' })) {
      existing.push({ pk: item.pk as string, sk: item.sk as string });
    }
    const puts = counters.map((c) => ({ ...keys.shortage(c.region, c.skillId), entity: COUNTER_ENTITY, region: c.region, skillId: c.skillId, ...c.cells }));
    const keep = new Set(puts.map((p) => keyString(p)));
    const stale = existing.filter((k) => !keep.has(keyString(k)));
    try {
      // Whole-item puts, so cells the rebuild no longer has disappear with the old item.
      await batchWriteAll(this.client, this.tableName, [...puts.map((Item) => ({ PutRequest: { Item } })), ...stale.map((Key) => ({ DeleteRequest: { Key } }))]);
    } catch (err) {
      throw translateDynamoError(err, 'Rewriting the shortage index');
    }
    return { written: puts.length, deleted: stale.length };
  }

  /**
   * Every demand and learner main item, by a paginated Scan of the whole table. Only the
   * operator's rebuild calls this (`skillbridge shortage rebuild`), never a request path.
   */
  async *scanSources(): AsyncIterable<Demand | Learner> {
    const filter = { FilterExpression: '#e IN (:d, :l)', ExpressionAttributeNames: { '#e': 'entity' }, ExpressionAttributeValues: { ':d': 'DEMAND', ':l': 'LEARNER' } };
    for await (const item of this.scan(filter)) yield toRecord(item) as Demand | Learner;
  }

  private counterUpdate(counter: ShortageCounter): TransactItem {
    const names: Record<string, string> = { '#entity': 'entity', '#region': 'region', '#skill': 'skillId' };
    const values: Record<string, unknown> = { ':entity': COUNTER_ENTITY, ':region': counter.region, ':skill': counter.skillId };
    const adds = Object.entries(counter.cells).map(([cell, amount], i) => {
      names[`#c${i}`] = cell;
      values[`:c${i}`] = amount;
      return `#c${i} :c${i}`;
    });
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.shortage(counter.region, counter.skillId),
        UpdateExpression: `SET #entity = :entity, #region = :region, #skill = :skill ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  /**
   * Runs a transaction whose first item is a marker put under `attribute_not_exists`.
   *
   * @returns `true` when written, `false` when the marker was there already (an earlier delivery)
   */
  private async transactOnce(items: TransactItem[], what: string): Promise<boolean> {
    const marked = (err: unknown) => cancellationCodes(err)[0] === 'ConditionalCheckFailed';
    try {
      await retrying(() => this.client.send(new TransactWriteCommand({ TransactItems: items })), {
        attempts: CONFLICT_ATTEMPTS,
        retryable: (err) => !marked(err) && isTransactionConflict(err),
      });
      return true;
    } catch (err) {
      if (marked(err)) return false;
      throw translateDynamoError(err, what);
    }
  }

  private getMany(keyList: readonly Key[]): Promise<Item[]> {
    return batchGetAll(this.client, this.tableName, keyList, { what: 'Reading the shortage index' });
  }

  private async *scan(input: Omit<ScanCommandInput, 'TableName'>): AsyncIterable<Item> {
    for await (const page of scanPages(this.client, this.tableName, input, 'Scanning the table')) yield* page;
  }
}
