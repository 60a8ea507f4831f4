import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CampaignCursor } from '../../../domain/campaign/types.js';
import { run, translateDynamoError } from '../errors.js';
import type { Item, TransactItem } from '../items.js';
import { keys } from '../keys.js';
import { queryAll } from '../query-all.js';
import { retrying } from '../toolkit/retry.js';
import { cancellationCodes } from '../toolkit/sdk-errors.js';
import { ENTITY, PROGRESS_SHARDS, TRANSACTION_RETRY, type CampaignTable } from './items.js';

/**
 * Progress and checkpoints: the sharded counters (`PROGRESS#nn`: results done and failed, pages
 * done), the page markers (`PAGE#…`: a page counts once) and the local driver's cursor.
 */

/** A campaign's progress, summed over its shards. */
export interface Progress {
  readonly done: number;
  readonly failed: number;
  readonly pagesDone: number;
}

export const NO_PROGRESS: Progress = { done: 0, failed: 0, pagesDone: 0 };

/** The keys of a campaign's progress shards (for a BatchGet beside the campaign item). */
export const progressKeys = (id: string) => Array.from({ length: PROGRESS_SHARDS }, (_, shard) => keys.campaignProgress(id, shard));

/** Whether an item is a progress shard. */
export const isProgress = (item: Item): boolean => item.entity === ENTITY.progress;

/** Adds shard items to running totals per campaign. */
export function addProgress(totals: Map<string, Progress>, item: Item): void {
  const count = (v: unknown) => (typeof v === 'number' ? v : 0);
  const id = item.campaignId as string;
  const t = totals.get(id) ?? NO_PROGRESS;
  totals.set(id, { done: t.done + count(item.done), failed: t.failed + count(item.failed), pagesDone: t.pagesDone + count(item.pagesDone) });
}

/** A campaign's progress, read with one strongly consistent Query of its shards. */
export async function readProgress(table: CampaignTable, id: string): Promise<Progress> {
  const shards = await queryAll(
    table.client,
    table.tableName,
    { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': keys.campaignPartition(id), ':p': keys.campaignProgressPrefix }, ConsistentRead: true },
    'Reading a campaign',
  );
  const totals = new Map<string, Progress>();
  for (const item of shards) addProgress(totals, { ...item, campaignId: id });
  return totals.get(id) ?? NO_PROGRESS;
}

/** The transaction item that adds results to a shard (written with the results themselves). */
export function progressAdd(table: CampaignTable, id: string, shard: number, done: number, failed: number): TransactItem {
  return {
    Update: {
      TableName: table.tableName,
      Key: keys.campaignProgress(id, shard),
      UpdateExpression: 'SET entity = :e, campaignId = :c ADD done :d, failed :f',
      ExpressionAttributeValues: { ':e': ENTITY.progress, ':c': id, ':d': done, ':f': failed },
    },
  };
}

function cursorUpdate(table: CampaignTable, id: string, cursor: CampaignCursor): TransactItem & { Update: NonNullable<TransactItem['Update']> } {
  return {
    Update: {
      TableName: table.tableName,
      Key: keys.campaign(id),
      UpdateExpression: 'SET #cursor = :cursor',
      ExpressionAttributeNames: { '#cursor': 'cursor' },
      ExpressionAttributeValues: { ':cursor': cursor },
    },
  };
}

/** Marks a page complete once (its marker under `attribute_not_exists`), counting it and moving the cursor on. */
export async function completePage(table: CampaignTable, id: string, page: number, cursor?: CampaignCursor): Promise<boolean> {
  const items: TransactItem[] = [
    { Put: { TableName: table.tableName, Item: { ...keys.campaignPage(id, page), entity: ENTITY.page, campaignId: id, page }, ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Update: {
        TableName: table.tableName,
        Key: keys.campaignProgress(id, page % PROGRESS_SHARDS),
        UpdateExpression: 'SET entity = :e, campaignId = :c ADD pagesDone :one',
        ExpressionAttributeValues: { ':e': ENTITY.progress, ':c': id, ':one': 1 },
      },
    },
  ];
  if (cursor) items.push(cursorUpdate(table, id, cursor));
  const markedBefore = (err: unknown) => cancellationCodes(err)[0] === 'ConditionalCheckFailed';
  try {
    await retrying(() => table.client.send(new TransactWriteCommand({ TransactItems: items })), { ...TRANSACTION_RETRY, retryable: (err) => !markedBefore(err) && TRANSACTION_RETRY.retryable(err) });
    return true;
  } catch (err) {
    if (!markedBefore(err)) throw translateDynamoError(err, 'Completing a campaign page');
    // Marked before (a resumed run died between marking and moving on): only move the cursor on.
    if (cursor) await run(() => table.client.send(new UpdateCommand(cursorUpdate(table, id, cursor).Update)), 'Saving a campaign cursor');
    return false;
  }
}
