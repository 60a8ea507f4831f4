import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Campaign, CampaignAssignment, CampaignCursor, CampaignResult, CampaignSnapshot, CampaignStatus } from '../../domain/campaign/types.js';
import { ValidationError } from '../../domain/errors.js';
import type { CampaignStore, NewResult, StatusChange, WriteOutcome } from '../../ports/campaign-store.js';
import type { Page, PageRequest } from '../../ports/record-store.js';
import { regionChain } from '../../regions/regions.js';
import { batchGetAll } from './batch-get.js';
import { batchWriteAll } from './batch-write.js';
import { translateDynamoError } from './errors.js';
import type { Item, Key, TransactItem } from './items.js';
import { REACHED_PREFIX } from './funnel-store.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

/**
 * Progress counters per campaign. Parallel workers each add to the shard of their page, so no
 * single item takes every write (transactions on one item conflict, and one item takes about
 * 1,000 writes a second); reading the progress sums the shards with one Query.
 */
export const PROGRESS_SHARDS = 10;

/**
 * Results per transaction: DynamoDB allows 100 items; each result rides with a check that its
 * learner has not been deleted (their tombstone is absent), and one item is the progress counter.
 */
export const RESULTS_PER_TRANSACTION = 49;

/** How long a deleted learner's tombstone is kept: far longer than any campaign runs. */
export const TOMBSTONE_DAYS = 30;

/** Snapshot bytes per item (gzip'd JSON), below DynamoDB's 400 KB item limit with room for keys. */
const SNAPSHOT_CHUNK_BYTES = 350_000;

/** Attempts at a transaction that meets a concurrent one or throttling before giving up. */
const TRANSACTION_ATTEMPTS = 10;

const ENTITY = {
  campaign: 'CAMPAIGN',
  listEntry: 'CAMPAIGN_LIST_ENTRY',
  progress: 'CAMPAIGN_PROGRESS',
  page: 'CAMPAIGN_PAGE',
  snapshot: 'CAMPAIGN_SNAPSHOT',
  result: 'CAMPAIGN_RESULT',
  roster: 'CAMPAIGN_ROSTER',
} as const;

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity'];

const strip = (item: Item): Item => {
  const out: Item = { ...item };
  for (const a of KEY_ATTRS) delete out[a];
  return out;
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The cancellation reason codes of a TransactionCanceledException (empty for other errors). */
const cancellationCodes = (err: unknown): string[] =>
  (err as { name?: string }).name === 'TransactionCanceledException' ? ((err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((r) => r.Code ?? 'None') : [];

const encodeToken = (sk: string): string => Buffer.from(JSON.stringify({ sk })).toString('base64url');

/** The sort key of a result (`RESULT#…`) or of a region list entry (`<createdAt>#cp_…`). */
const isResultKey = (sk: string) => sk.startsWith(keys.campaignResultPrefix);
const isListEntryKey = (sk: string) => /^\d{4}-\d\d-\d\dT[^#]+#cp_[a-z2-7]{20}$/.test(sk);

function decodeToken(token: string, valid: (sk: string) => boolean = isResultKey): string {
  try {
    const { sk } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { sk?: unknown };
    if (typeof sk === 'string' && valid(sk)) return sk;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('The nextToken is not valid.', [{ path: '/nextToken', message: 'Not a token this list returned; start again without it.' }]);
}

/** A stored result item as the domain sees it (keys and bookkeeping stripped). */
function toResult(item: Item): CampaignResult {
  const { campaignId: _c, ...rest } = strip(item);
  // The funnel's marks (funnel-store.ts, `reached_<stage>`) become the result's `placement`.
  const placement: Record<string, string> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (!name.startsWith(REACHED_PREFIX)) continue;
    placement[name.slice(REACHED_PREFIX.length)] = value as string;
    delete rest[name];
  }
  return (Object.keys(placement).length > 0 ? { ...rest, placement } : rest) as unknown as CampaignResult;
}

function resultItem(campaignId: string, result: NewResult): Item {
  return {
    ...keys.campaignResult(campaignId, result.learner.id),
    ...keys.campaignResultByLearner(result.learner.id, campaignId),
    entity: ENTITY.result,
    campaignId,
    ...result,
  };
}

/** DynamoDB implementation of {@link CampaignStore} on the single table (docs/campaigns.md lists the items). */
export class DynamoCampaignStore implements CampaignStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(campaign: Campaign): Promise<void> {
    const { done: _d, failed: _f, pagesDone: _p, ...fields } = campaign;
    // One list entry per region that contains the campaign's: a bureau at any level finds it with one Query.
    const chain = regionChain(campaign.region);
    const listEntries = (chain.length > 0 ? chain : [campaign.region, 'national']).map(
      (region): TransactItem => ({
        Put: {
          TableName: this.tableName,
          Item: { ...keys.campaignInRegion(region, campaign.createdAt, campaign.id), entity: ENTITY.listEntry, campaignId: campaign.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
    );
    await this.run(
      () =>
        this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...keys.campaign(campaign.id), ...keys.campaignByOwner(campaign.owner, campaign.createdAt, campaign.id), entity: ENTITY.campaign, ...fields },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...listEntries,
            ],
          }),
        ),
      'Creating a campaign',
    );
  }

  async listByRegion(region: string, page: PageRequest): Promise<Page<Campaign>> {
    const pk = keys.campaignInRegionPartition(region);
    const out = await this.run(
      () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ProjectionExpression: 'campaignId',
            // Sort keys start with the creation time: descending is newest first.
            ScanIndexForward: false,
            Limit: page.limit,
            ...(page.nextToken ? { ExclusiveStartKey: { pk, sk: decodeToken(page.nextToken, isListEntryKey) } } : {}),
          }),
        ),
      'Listing campaigns',
    );
    const ids = (out.Items ?? []).map((item) => item.campaignId as string);
    const found = await this.getMany(ids);
    const items = ids.flatMap((id) => found.get(id) ?? []);
    const last = out.LastEvaluatedKey?.sk as string | undefined;
    return last ? { items, nextToken: encodeToken(last) } : { items };
  }

  /**
   * Campaigns by id with their progress summed: one BatchGet round for the status items and the
   * progress shards together (their keys are known), rather than a Get and a Query per campaign.
   */
  private async getMany(ids: readonly string[]): Promise<Map<string, Campaign>> {
    const campaigns = new Map<string, Campaign>();
    if (ids.length === 0) return campaigns;
    const wanted: Key[] = ids.flatMap((id) => [keys.campaign(id), ...Array.from({ length: PROGRESS_SHARDS }, (_, shard) => keys.campaignProgress(id, shard))]);
    const items = await batchGetAll(this.client, this.tableName, wanted, { consistent: true, what: 'Listing campaigns' });
    const totals = new Map<string, { done: number; failed: number; pagesDone: number }>();
    const count = (v: unknown) => (typeof v === 'number' ? v : 0);
    for (const item of items) {
      if (item.entity !== ENTITY.progress) continue;
      const id = item.campaignId as string;
      const t = totals.get(id) ?? { done: 0, failed: 0, pagesDone: 0 };
      totals.set(id, { done: t.done + count(item.done), failed: t.failed + count(item.failed), pagesDone: t.pagesDone + count(item.pagesDone) });
    }
    for (const item of items) {
      if (item.entity !== ENTITY.campaign) continue;
      const campaign = strip(item) as unknown as Campaign;
      campaigns.set(campaign.id, { ...campaign, ...(totals.get(campaign.id) ?? { done: 0, failed: 0, pagesDone: 0 }) });
    }
    return campaigns;
  }

  async get(id: string): Promise<Campaign | undefined> {
    const [meta, shards] = await Promise.all([
      this.run(() => this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.campaign(id), ConsistentRead: true })), 'Reading a campaign'),
      this.queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': keys.campaignPartition(id), ':p': keys.campaignProgressPrefix },
        ConsistentRead: true,
      }),
    ]);
    if (!meta.Item) return undefined;
    const sum = (attr: string) => shards.reduce((s, item) => s + (typeof item[attr] === 'number' ? (item[attr] as number) : 0), 0);
    return { ...(strip(meta.Item) as unknown as Campaign), done: sum('done'), failed: sum('failed'), pagesDone: sum('pagesDone') };
  }

  async findUnfinished(owner: string, requestHash: string): Promise<Campaign | undefined> {
    let startKey: Record<string, unknown> | undefined;
    // Newest first; an operator's history is short, and the filter keeps only unfinished runs of this request.
    for (let round = 0; round < 20; round++) {
      const out = await this.run(
        () =>
          this.client.send(
            new QueryCommand({
              TableName: this.tableName,
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :pk',
              FilterExpression: 'requestHash = :h AND #s IN (:queued, :running)',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':pk': keys.campaignByOwnerPartition(owner), ':h': requestHash, ':queued': 'queued', ':running': 'running' },
              ScanIndexForward: false,
              ProjectionExpression: 'id',
              ExclusiveStartKey: startKey,
            }),
          ),
        'Finding a campaign',
      );
      const found = out.Items?.[0];
      if (found) return this.get(found.id as string);
      if (!out.LastEvaluatedKey) return undefined;
      startKey = out.LastEvaluatedKey;
    }
    return undefined;
  }

  async transition(id: string, from: readonly CampaignStatus[], to: CampaignStatus, change: StatusChange = {}, at = new Date().toISOString()): Promise<boolean> {
    const names: Record<string, string> = { '#s': 'status', '#u': 'updatedAt', '#v': 'version' };
    const values: Record<string, unknown> = { ':to': to, ':at': at, ':one': 1 };
    const sets = ['#s = :to', '#u = :at', '#v = #v + :one'];
    for (const [field, value] of Object.entries(change)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    from.forEach((status, i) => (values[`:f${i}`] = status));
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.campaign(id),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: `#s IN (${from.map((_, i) => `:f${i}`).join(', ')})`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return false;
      throw translateDynamoError(err, 'Updating a campaign');
    }
  }

  async update(id: string, change: Pick<StatusChange, 'total' | 'pagesTotal'>): Promise<boolean> {
    const entries = Object.entries(change).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return true;
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.campaign(id),
          UpdateExpression: `SET ${entries.map(([f]) => `#${f} = :${f}`).join(', ')}`,
          ConditionExpression: '#s = :running',
          ExpressionAttributeNames: { '#s': 'status', ...Object.fromEntries(entries.map(([f]) => [`#${f}`, f])) },
          ExpressionAttributeValues: { ':running': 'running', ...Object.fromEntries(entries.map(([f, v]) => [`:${f}`, v])) },
        }),
      );
      return true;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return false;
      throw translateDynamoError(err, 'Updating a campaign');
    }
  }

  async saveSnapshot(id: string, snapshot: CampaignSnapshot): Promise<CampaignSnapshot> {
    const bytes = gzipSync(JSON.stringify(snapshot));
    const snapshotId = randomBytes(6).toString('base64url');
    const chunks: Item[] = [];
    for (let i = 0, n = 0; i < bytes.length || n === 0; i += SNAPSHOT_CHUNK_BYTES, n++) {
      chunks.push({ ...keys.campaignSnapshot(id, snapshotId, n), entity: ENTITY.snapshot, data: bytes.subarray(i, i + SNAPSHOT_CHUNK_BYTES) });
    }
    // Chunks first under a fresh id, then the pointer, set once: a racing run's chunks are never mixed with ours.
    await this.run(() => batchWriteAll(this.client, this.tableName, chunks.map((Item) => ({ PutRequest: { Item } }))), 'Saving a campaign snapshot');
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.campaign(id),
          UpdateExpression: 'SET #snap = :snap',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#snap)',
          ExpressionAttributeNames: { '#snap': 'snapshot' },
          ExpressionAttributeValues: { ':snap': { id: snapshotId, chunks: chunks.length } },
        }),
      );
      return snapshot;
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw translateDynamoError(err, 'Saving a campaign snapshot');
      await this.run(() => batchWriteAll(this.client, this.tableName, chunks.map((c) => ({ DeleteRequest: { Key: { pk: c.pk as string, sk: c.sk as string } } }))), 'Saving a campaign snapshot');
      const existing = await this.loadSnapshot(id);
      if (!existing) throw new Error(`Campaign ${id} has no snapshot and refused ours.`);
      return existing;
    }
  }

  async loadSnapshot(id: string): Promise<CampaignSnapshot | undefined> {
    const meta = await this.run(
      () => this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.campaign(id), ConsistentRead: true, ProjectionExpression: '#snap', ExpressionAttributeNames: { '#snap': 'snapshot' } })),
      'Reading a campaign snapshot',
    );
    const pointer = meta.Item?.snapshot as { id: string; chunks: number } | undefined;
    if (!pointer) return undefined;
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.campaignPartition(id), ':p': keys.campaignSnapshotPrefix(pointer.id) },
      ConsistentRead: true,
    });
    if (items.length !== pointer.chunks) throw new Error(`Campaign ${id}: snapshot ${pointer.id} has ${items.length} of ${pointer.chunks} chunks.`);
    const bytes = Buffer.concat(items.map((item) => Buffer.from(item.data as Uint8Array)));
    return JSON.parse(gunzipSync(bytes).toString('utf8')) as CampaignSnapshot;
  }

  async writeResults(id: string, page: number, results: readonly NewResult[]): Promise<WriteOutcome> {
    const shard = page % PROGRESS_SHARDS;
    let written = 0;
    let skipped = 0;
    let erased = 0;
    for (let i = 0; i < results.length; i += RESULTS_PER_TRANSACTION) {
      const outcome = await this.writeChunk(id, shard, results.slice(i, i + RESULTS_PER_TRANSACTION));
      written += outcome.written;
      skipped += outcome.skipped;
      erased += outcome.erased;
    }
    return { written, skipped, erased };
  }

  /**
   * One transaction: each result only if absent and only if its learner has no tombstone (was not
   * deleted meanwhile), and the progress they add. When it is cancelled because some results
   * exist (a resumed page, a redelivered message, a racing worker) or some learners were deleted,
   * those are left out and the transaction is retried with the rest, until none is left.
   */
  private async writeChunk(id: string, shard: number, chunk: readonly NewResult[]): Promise<WriteOutcome> {
    let pending = chunk;
    let skipped = 0;
    let erased = 0;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const failed = pending.filter((r) => r.error !== undefined).length;
      const items: TransactItem[] = [
        ...pending.flatMap((r): TransactItem[] => [
          { Put: { TableName: this.tableName, Item: resultItem(id, r), ConditionExpression: 'attribute_not_exists(pk)' } },
          { ConditionCheck: { TableName: this.tableName, Key: keys.learnerTombstone(r.learner.id), ConditionExpression: 'attribute_not_exists(pk)' } },
        ]),
        {
          Update: {
            TableName: this.tableName,
            Key: keys.campaignProgress(id, shard),
            UpdateExpression: 'SET entity = :e, campaignId = :c ADD done :d, failed :f',
            ExpressionAttributeValues: { ':e': ENTITY.progress, ':c': id, ':d': pending.length - failed, ':f': failed },
          },
        },
      ];
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return { written: pending.length, skipped, erased };
      } catch (err) {
        const codes = cancellationCodes(err);
        if (attempt >= TRANSACTION_ATTEMPTS || codes.length === 0) throw translateDynamoError(err, 'Writing campaign results');
        if (codes.includes('ConditionalCheckFailed')) {
          // Reasons come in item order: a result's Put, then its learner's tombstone check.
          const stored = new Set(pending.filter((_, i) => codes[2 * i] === 'ConditionalCheckFailed').map((r) => r.learner.id));
          const deleted = new Set(pending.filter((_, i) => codes[2 * i + 1] === 'ConditionalCheckFailed').map((r) => r.learner.id));
          skipped += stored.size;
          erased += [...deleted].filter((l) => !stored.has(l)).length;
          pending = pending.filter((r) => !stored.has(r.learner.id) && !deleted.has(r.learner.id));
        } else {
          // TransactionConflict or throttling: back off with jitter and try the same chunk again.
          await sleep(Math.random() * 25 * 2 ** Math.min(attempt, 6));
        }
      }
    }
    return { written: 0, skipped, erased };
  }

  async completePage(id: string, page: number, cursor?: CampaignCursor): Promise<boolean> {
    const items: TransactItem[] = [
      { Put: { TableName: this.tableName, Item: { ...keys.campaignPage(id, page), entity: ENTITY.page, campaignId: id, page }, ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Update: {
          TableName: this.tableName,
          Key: keys.campaignProgress(id, page % PROGRESS_SHARDS),
          UpdateExpression: 'SET entity = :e, campaignId = :c ADD pagesDone :one',
          ExpressionAttributeValues: { ':e': ENTITY.progress, ':c': id, ':one': 1 },
        },
      },
    ];
    if (cursor) items.push(this.cursorUpdate(id, cursor));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (err) {
        const codes = cancellationCodes(err);
        if (codes[0] === 'ConditionalCheckFailed') {
          // Marked before (a resumed run died between marking and moving on): only move the cursor on.
          if (cursor) await this.run(() => this.client.send(new UpdateCommand(this.cursorUpdate(id, cursor).Update!)), 'Saving a campaign cursor');
          return false;
        }
        if (attempt >= TRANSACTION_ATTEMPTS || codes.length === 0) throw translateDynamoError(err, 'Completing a campaign page');
        await sleep(Math.random() * 25 * 2 ** Math.min(attempt, 6));
      }
    }
  }

  private cursorUpdate(id: string, cursor: CampaignCursor): TransactItem & { Update: NonNullable<TransactItem['Update']> } {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.campaign(id),
        UpdateExpression: 'SET #cursor = :cursor',
        ExpressionAttributeNames: { '#cursor': 'cursor' },
        ExpressionAttributeValues: { ':cursor': cursor },
      },
    };
  }

  async listResults(id: string, page: PageRequest): Promise<Page<CampaignResult>> {
    const out = await this.run(
      () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
            ExpressionAttributeValues: { ':pk': keys.campaignPartition(id), ':p': keys.campaignResultPrefix },
            Limit: page.limit,
            ...(page.nextToken ? { ExclusiveStartKey: { pk: keys.campaignPartition(id), sk: decodeToken(page.nextToken) } } : {}),
          }),
        ),
      'Listing campaign results',
    );
    const all = (out.Items ?? []).map(toResult);
    // A learner deleted while a campaign ran may have a result the sweeps have not reached yet: never served.
    const erased = await erasedLearners(this.client, this.tableName, all.map((r) => r.learner.id));
    const items = erased.size === 0 ? all : all.filter((r) => !erased.has(r.learner.id));
    const roster = await this.rosterBetween(id, items[0]?.learner.id, items[items.length - 1]?.learner.id);
    const merged = roster.size === 0 ? items : items.map((r) => (roster.has(r.learner.id) ? { ...r, assignment: roster.get(r.learner.id)! } : r));
    const last = out.LastEvaluatedKey?.sk as string | undefined;
    return last ? { items: merged, nextToken: encodeToken(last) } : { items: merged };
  }

  /** Roster places of the learners whose ids lie between two ids (a page of results: both sort by learner id). */
  private async rosterBetween(id: string, first: string | undefined, last: string | undefined): Promise<Map<string, CampaignAssignment>> {
    const places = new Map<string, CampaignAssignment>();
    if (first === undefined || last === undefined) return places;
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':pk': keys.campaignPartition(id), ':a': keys.campaignRoster(id, first).sk, ':b': keys.campaignRoster(id, last).sk },
    });
    for (const item of items) places.set(item.learnerId as string, item.assignment as CampaignAssignment);
    return places;
  }

  async *allResults(id: string): AsyncIterable<CampaignResult> {
    let nextToken: string | undefined;
    do {
      const page = await this.listResults(id, { limit: 1000, nextToken });
      yield* page.items;
      nextToken = page.nextToken;
    } while (nextToken);
  }

  /**
   * Roster places are items of their own beside the results (about 200 bytes), written in
   * batches: rewriting each result (a few KB, and its GSI copy) would cost ten times the capacity.
   */
  async setAssignments(id: string, assignments: ReadonlyArray<{ readonly learnerId: string; readonly assignment: CampaignAssignment | null }>): Promise<void> {
    const requests = assignments.map(({ learnerId, assignment }) => {
      const key = keys.campaignRoster(id, learnerId);
      return assignment
        ? { PutRequest: { Item: { ...key, entity: ENTITY.roster, campaignId: id, learnerId, assignment } } }
        : { DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } };
    });
    await this.run(() => batchWriteAll(this.client, this.tableName, requests, { concurrency: 8 }), 'Saving the campaign roster');
  }

  async sweepErased(id: string): Promise<number> {
    let swept = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.run(
        () =>
          this.client.send(
            new QueryCommand({
              TableName: this.tableName,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
              ExpressionAttributeValues: { ':pk': keys.campaignPartition(id), ':p': keys.campaignResultPrefix },
              ProjectionExpression: 'pk, sk, #l, #page, #error',
              ExpressionAttributeNames: { '#l': 'learner', '#page': 'page', '#error': 'error' },
              ConsistentRead: true,
              Limit: 1000,
              ExclusiveStartKey: startKey,
            }),
          ),
        'Sweeping campaign results',
      );
      const items = out.Items ?? [];
      const erased = await erasedLearners(this.client, this.tableName, items.map((i) => (i.learner as { id: string }).id));
      for (const item of items) {
        if (erased.has((item.learner as { id: string }).id)) swept += await removeResult(this.client, this.tableName, item);
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return swept;
  }

  /** Every item a query on the table returns, page after page. */
  private queryAll(query: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    return queryAll(this.client, this.tableName, query, 'Reading a campaign');
  }

  private async run<T>(call: () => Promise<T>, what: string): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw translateDynamoError(err, what);
    }
  }
}

/** Which of these learners were deleted (have a tombstone): one BatchGet of their tombstone keys. */
export async function erasedLearners(client: DynamoDBDocumentClient, tableName: string, learnerIds: readonly string[]): Promise<Set<string>> {
  if (learnerIds.length === 0) return new Set();
  const byKey = new Map(learnerIds.map((l) => [keys.learnerTombstone(l).pk, l]));
  const found = await batchGetAll(client, tableName, [...byKey.keys()].map((pk) => ({ pk, sk: 'TOMBSTONE' })), { consistent: true, projection: 'pk', what: 'Reading tombstones' });
  return new Set(found.map((item) => byKey.get(item.pk as string)!));
}

/**
 * Deletes one stored result and takes it off its campaign's progress, in one transaction; a result
 * already gone (another sweep got there first) counts nothing.
 * @returns 1 when this call deleted it
 */
async function removeResult(client: DynamoDBDocumentClient, tableName: string, item: Item): Promise<number> {
  const campaignId = (item.pk as string).slice(keys.campaignPartition('').length);
  const failed = item.error !== undefined ? 1 : 0;
  const shard = (typeof item.page === 'number' ? item.page : 0) % PROGRESS_SHARDS;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: tableName, Key: { pk: item.pk as string, sk: item.sk as string }, ConditionExpression: 'attribute_exists(pk)' } },
            {
              Update: {
                TableName: tableName,
                Key: keys.campaignProgress(campaignId, shard),
                UpdateExpression: 'ADD done :d, failed :f',
                ExpressionAttributeValues: { ':d': failed === 1 ? 0 : -1, ':f': -failed },
              },
            },
          ],
        }),
      );
      return 1;
    } catch (err) {
      const codes = cancellationCodes(err);
      if (codes[0] === 'ConditionalCheckFailed') return 0;
      if (attempt >= TRANSACTION_ATTEMPTS || codes.length === 0) throw translateDynamoError(err, 'Deleting a campaign result');
      await sleep(Math.random() * 25 * 2 ** Math.min(attempt, 6));
    }
  }
}

/**
 * Deletes every campaign result and roster place of a learner (through GSI1), for the
 * learner-deletion path: a deleted profile leaves no per-person result behind, and each result
 * deleted is taken off its campaign's progress in the same transaction. Results a running
 * campaign writes later are refused by the learner's tombstone; any the index had not shown yet
 * are removed by the campaign's sweep when it completes ({@link DynamoCampaignStore.sweepErased}).
 */
export async function removeLearnerCampaignResults(client: DynamoDBDocumentClient, tableName: string, learnerId: string): Promise<number> {
  const found = await queryAll(
    client,
    tableName,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.campaignResultByLearnerPartition(learnerId) },
      ProjectionExpression: 'pk, sk, entity, #page, #error',
      ExpressionAttributeNames: { '#page': 'page', '#error': 'error' },
    },
    "Finding a learner's campaign results",
  );
  const results = found.filter((item) => item.entity === ENTITY.result);
  const roster: Key[] = found.filter((item) => item.entity !== ENTITY.result).map((item) => ({ pk: item.pk as string, sk: item.sk as string }));
  let removed = 0;
  for (const item of results) removed += await removeResult(client, tableName, item);
  if (roster.length > 0) await batchWriteAll(client, tableName, roster.map((Key) => ({ DeleteRequest: { Key } })));
  return removed + roster.length;
}
