import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CampaignAssignment, CampaignResult } from '../../../domain/campaign/types.js';
import type { NewResult, WriteOutcome } from '../../../ports/campaign-store.js';
import type { Page, PageRequest } from '../../../ports/record-store.js';
import { batchGetAll } from '../batch-get.js';
import { batchWriteAll } from '../batch-write.js';
import { run, translateDynamoError } from '../errors.js';
import type { Item, Key, TransactItem } from '../items.js';
import { REACHED_PREFIX } from '../funnel-store.js';
import { keys } from '../keys.js';
import { queryAll } from '../query-all.js';
import { decodePageToken, encodePageToken } from '../toolkit/page-token.js';
import { retrying } from '../toolkit/retry.js';
import { cancellationCodes } from '../toolkit/sdk-errors.js';
import { ENTITY, PROGRESS_SHARDS, RESULTS_PER_TRANSACTION, strip, TRANSACTION_RETRY, type CampaignTable } from './items.js';
import { progressAdd } from './progress.js';

/**
 * Results and roster places: one `RESULT#<learner>` per learner (found by learner through GSI1
 * when the learner is deleted), written only when absent and only while the learner has no
 * tombstone, each with the progress it adds; one small `ROSTER#<learner>` per place given.
 */

/** The sort key a results page ends on, from its `nextToken`. */
const resultKeyOf = (value: unknown): string | undefined => {
  const sk = (value as { sk?: unknown } | null)?.sk;
  return typeof sk === 'string' && sk.startsWith(keys.campaignResultPrefix) ? sk : undefined;
};

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

/** The campaign a result item belongs to. */
const campaignOf = (item: Item): string => (item.pk as string).slice(keys.campaignPartition('').length);

/** Writes a page's results that are not stored yet, {@link RESULTS_PER_TRANSACTION} a transaction. */
export async function writeResults(table: CampaignTable, id: string, page: number, results: readonly NewResult[]): Promise<WriteOutcome> {
  const shard = page % PROGRESS_SHARDS;
  let written = 0;
  let skipped = 0;
  let erased = 0;
  for (let i = 0; i < results.length; i += RESULTS_PER_TRANSACTION) {
    const outcome = await writeChunk(table, id, shard, results.slice(i, i + RESULTS_PER_TRANSACTION));
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
 * those are left out and the transaction is sent again with the rest, until none is left; a
 * conflict with another transaction or throttling is retried with backoff.
 */
async function writeChunk(table: CampaignTable, id: string, shard: number, chunk: readonly NewResult[]): Promise<WriteOutcome> {
  let pending = chunk;
  let skipped = 0;
  let erased = 0;
  while (pending.length > 0) {
    const failed = pending.filter((r) => r.error !== undefined).length;
    const items: TransactItem[] = [
      ...pending.flatMap((r): TransactItem[] => [
        { Put: { TableName: table.tableName, Item: resultItem(id, r), ConditionExpression: 'attribute_not_exists(pk)' } },
        { ConditionCheck: { TableName: table.tableName, Key: keys.learnerTombstone(r.learner.id), ConditionExpression: 'attribute_not_exists(pk)' } },
      ]),
      progressAdd(table, id, shard, pending.length - failed, failed),
    ];
    try {
      await retrying(() => table.client.send(new TransactWriteCommand({ TransactItems: items })), TRANSACTION_RETRY);
      return { written: pending.length, skipped, erased };
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes.includes('ConditionalCheckFailed')) throw translateDynamoError(err, 'Writing campaign results');
      // Reasons come in item order: a result's Put, then its learner's tombstone check.
      const stored = new Set(pending.filter((_, i) => codes[2 * i] === 'ConditionalCheckFailed').map((r) => r.learner.id));
      const deleted = new Set(pending.filter((_, i) => codes[2 * i + 1] === 'ConditionalCheckFailed').map((r) => r.learner.id));
      skipped += stored.size;
      erased += [...deleted].filter((l) => !stored.has(l)).length;
      pending = pending.filter((r) => !stored.has(r.learner.id) && !deleted.has(r.learner.id));
    }
  }
  return { written: 0, skipped, erased };
}

/** The Query of a campaign's results (`RESULT#<learner>` in its partition). */
const resultsOf = (table: CampaignTable, id: string) => ({
  TableName: table.tableName,
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
  ExpressionAttributeValues: { ':pk': keys.campaignPartition(id), ':p': keys.campaignResultPrefix },
});

/**
 * A page of results in learner-id order, without deleted learners', with their roster places.
 * With `sweep`, the page is read strongly consistent and a deleted learner's result is removed
 * (see the port's `sweptResults`), each removal counted in `sweep.removed`.
 */
export async function listResults(table: CampaignTable, id: string, page: PageRequest, options: { readonly sweep?: { removed: number } } = {}): Promise<Page<CampaignResult>> {
  const out = await run(
    () =>
      table.client.send(
        new QueryCommand({
          ...resultsOf(table, id),
          Limit: page.limit,
          ...(options.sweep ? { ConsistentRead: true } : {}),
          ...(page.nextToken ? { ExclusiveStartKey: { pk: keys.campaignPartition(id), sk: decodePageToken(page.nextToken, resultKeyOf) } } : {}),
        }),
      ),
    'Listing campaign results',
  );
  const found = out.Items ?? [];
  const all = found.map(toResult);
  // A learner deleted while a campaign ran may have a result the sweeps have not reached yet: never served.
  const erased = await erasedLearners(table, all.map((r) => r.learner.id));
  if (options.sweep) {
    for (const [i, item] of found.entries()) if (erased.has(all[i]!.learner.id)) options.sweep.removed += await removeResult(table, item);
  }
  const items = erased.size === 0 ? all : all.filter((r) => !erased.has(r.learner.id));
  const roster = await rosterBetween(table, id, items[0]?.learner.id, items[items.length - 1]?.learner.id);
  const merged = roster.size === 0 ? items : items.map((r) => (roster.has(r.learner.id) ? { ...r, assignment: roster.get(r.learner.id)! } : r));
  const last = out.LastEvaluatedKey?.sk as string | undefined;
  return last ? { items: merged, nextToken: encodePageToken({ sk: last }) } : { items: merged };
}

/** Roster places of the learners whose ids lie between two ids (a page of results: both sort by learner id). */
async function rosterBetween(table: CampaignTable, id: string, first: string | undefined, last: string | undefined): Promise<Map<string, CampaignAssignment>> {
  const places = new Map<string, CampaignAssignment>();
  if (first === undefined || last === undefined) return places;
  const items = await queryAll(
    table.client,
    table.tableName,
    {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':pk': keys.campaignPartition(id), ':a': keys.campaignRoster(id, first).sk, ':b': keys.campaignRoster(id, last).sk },
    },
    'Reading a campaign',
  );
  for (const item of items) places.set(item.learnerId as string, item.assignment as CampaignAssignment);
  return places;
}

/**
 * Roster places are items of their own beside the results (about 200 bytes), written in
 * batches: rewriting each result (a few KB, and its GSI copy) would cost ten times the capacity.
 */
export async function setAssignments(
  table: CampaignTable,
  id: string,
  assignments: ReadonlyArray<{ readonly learnerId: string; readonly assignment: CampaignAssignment | null }>,
): Promise<void> {
  const requests = assignments.map(({ learnerId, assignment }) => {
    const key = keys.campaignRoster(id, learnerId);
    return assignment
      ? { PutRequest: { Item: { ...key, entity: ENTITY.roster, campaignId: id, learnerId, assignment } } }
      : { DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } };
  });
  await run(() => batchWriteAll(table.client, table.tableName, requests, { concurrency: 8 }), 'Saving the campaign roster');
}

/**
 * Deletes the roster places of learners deleted since they were given one: a finalisation that
 * read a result just before the deletion may have given it (the deletion's own sweep ran first).
 */
export async function sweepErasedPlaces(table: CampaignTable, id: string): Promise<void> {
  const places = await queryAll(
    table.client,
    table.tableName,
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.campaignPartition(id), ':p': keys.campaignRosterPrefix },
      ProjectionExpression: 'pk, sk, learnerId',
      ConsistentRead: true,
    },
    'Sweeping campaign roster places',
  );
  const erased = await erasedLearners(table, places.map((p) => p.learnerId as string));
  const stale = places.filter((p) => erased.has(p.learnerId as string)).map((p): Key => ({ pk: p.pk as string, sk: p.sk as string }));
  if (stale.length > 0) await run(() => batchWriteAll(table.client, table.tableName, stale.map((Key) => ({ DeleteRequest: { Key } }))), 'Sweeping campaign roster places');
}

/** Which of these learners were deleted (have a tombstone): one BatchGet of their tombstone keys. */
export async function erasedLearners(table: CampaignTable, learnerIds: readonly string[]): Promise<Set<string>> {
  if (learnerIds.length === 0) return new Set();
  const byKey = new Map(learnerIds.map((l) => [keys.learnerTombstone(l).pk, l]));
  const found = await batchGetAll(
    table.client,
    table.tableName,
    [...byKey.keys()].map((pk) => ({ pk, sk: 'TOMBSTONE' })),
    { consistent: true, projection: 'pk', what: 'Reading tombstones' },
  );
  return new Set(found.map((item) => byKey.get(item.pk as string)!));
}

/**
 * Deletes one stored result, takes it off its campaign's progress and counts it in the campaign's
 * `erasures`, in one transaction; a result already gone (another sweep got there first) counts
 * nothing. A summary records the `erasures` it has seen, so one that missed a removal is known
 * (and is written only while the count still stands: see `saveSummary`).
 * @returns 1 when this call deleted it
 */
async function removeResult(table: CampaignTable, item: Item): Promise<number> {
  const campaignId = campaignOf(item);
  const failed = item.error !== undefined ? 1 : 0;
  const shard = (typeof item.page === 'number' ? item.page : 0) % PROGRESS_SHARDS;
  const gone = (err: unknown) => cancellationCodes(err)[0] === 'ConditionalCheckFailed';
  const items: TransactItem[] = [
    { Delete: { TableName: table.tableName, Key: { pk: item.pk as string, sk: item.sk as string }, ConditionExpression: 'attribute_exists(pk)' } },
    {
      Update: {
        TableName: table.tableName,
        Key: keys.campaignProgress(campaignId, shard),
        UpdateExpression: 'ADD done :d, failed :f',
        ExpressionAttributeValues: { ':d': failed === 1 ? 0 : -1, ':f': -failed },
      },
    },
    {
      Update: {
        TableName: table.tableName,
        Key: keys.campaign(campaignId),
        UpdateExpression: 'ADD erasures :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ];
  try {
    await retrying(() => table.client.send(new TransactWriteCommand({ TransactItems: items })), { ...TRANSACTION_RETRY, retryable: (err) => !gone(err) && TRANSACTION_RETRY.retryable(err) });
    return 1;
  } catch (err) {
    if (gone(err)) return 0;
    throw translateDynamoError(err, 'Deleting a campaign result');
  }
}

/**
 * Deletes every campaign result and roster place of a learner (through GSI1), for the
 * learner-deletion path: a deleted profile leaves no per-person result behind, and each result
 * deleted is taken off its campaign's progress in the same transaction. Results a running
 * campaign writes later are refused by the learner's tombstone; any the index had not shown yet
 * are removed by the campaign's finalisation, which reads every result ({@link listResults} with `sweep`).
 * @returns the campaigns it removed a result from (their summaries are now out of date)
 */
export async function removeLearnerResults(table: CampaignTable, learnerId: string): Promise<string[]> {
  const found = await queryAll(
    table.client,
    table.tableName,
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
  const touched = new Set<string>();
  for (const item of results) if ((await removeResult(table, item)) > 0) touched.add(campaignOf(item));
  if (roster.length > 0) await batchWriteAll(table.client, table.tableName, roster.map((Key) => ({ DeleteRequest: { Key } })));
  return [...touched];
}
