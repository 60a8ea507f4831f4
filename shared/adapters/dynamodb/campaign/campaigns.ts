import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Campaign, CampaignStatus, CampaignSummary } from '../../../domain/campaign/types.js';
import type { StatusChange } from '../../../ports/campaign-store.js';
import type { Page, PageRequest } from '../../../ports/record-store.js';
import { regionChain } from '../../../regions/regions.js';
import { batchGetAll } from '../batch-get.js';
import { run, translateDynamoError } from '../errors.js';
import type { Key, TransactItem } from '../items.js';
import { keys } from '../keys.js';
import { decodePageToken, encodePageToken } from '../toolkit/page-token.js';
import { isConditionFailed } from '../toolkit/sdk-errors.js';
import { ENTITY, strip, type CampaignTable } from './items.js';
import { addProgress, isProgress, NO_PROGRESS, progressKeys, readProgress, type Progress } from './progress.js';

/**
 * The campaign item (`CAMPAIGN`: request, status, summary, snapshot pointer, cursor) and its
 * entries in the campaign lists of its region and every region containing it.
 */

/** The sort key a campaign list page ends on (`<createdAt>#cp_…`), from its `nextToken`. */
const listEntryKeyOf = (value: unknown): string | undefined => {
  const sk = (value as { sk?: unknown } | null)?.sk;
  return typeof sk === 'string' && /^\d{4}-\d\d-\d\dT[^#]+#cp_[a-z2-7]{20}$/.test(sk) ? sk : undefined;
};

/**
 * A campaign with its progress summed from the shards. A completed campaign's total is the
 * results it holds: a learner deleted after the run takes their result off the progress, and so
 * off the total, in the same instant.
 */
function withProgress(campaign: Campaign, progress: Progress): Campaign {
  return { ...campaign, ...progress, ...(campaign.status === 'completed' ? { total: progress.done + progress.failed } : {}) };
}

/** Stores a new campaign and its list entries in one transaction; ConflictError if the id exists. */
export async function createCampaign(table: CampaignTable, campaign: Campaign): Promise<void> {
  const { done: _d, failed: _f, pagesDone: _p, ...fields } = campaign;
  // One list entry per region that contains the campaign's: a bureau at any level finds it with one Query.
  const chain = regionChain(campaign.region);
  const listEntries = (chain.length > 0 ? chain : [campaign.region, 'national']).map(
    (region): TransactItem => ({
      Put: {
        TableName: table.tableName,
        Item: { ...keys.campaignInRegion(region, campaign.createdAt, campaign.id), entity: ENTITY.listEntry, campaignId: campaign.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),
  );
  const item = { ...keys.campaign(campaign.id), ...keys.campaignByOwner(campaign.owner, campaign.createdAt, campaign.id), entity: ENTITY.campaign, ...fields };
  await run(
    () =>
      table.client.send(
        new TransactWriteCommand({ TransactItems: [{ Put: { TableName: table.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, ...listEntries] }),
      ),
    'Creating a campaign',
  );
}

/** A campaign with its progress; undefined when absent. */
export async function getCampaign(table: CampaignTable, id: string): Promise<Campaign | undefined> {
  const [meta, progress] = await Promise.all([
    run(() => table.client.send(new GetCommand({ TableName: table.tableName, Key: keys.campaign(id), ConsistentRead: true })), 'Reading a campaign'),
    readProgress(table, id),
  ]);
  return meta.Item ? withProgress(strip(meta.Item) as unknown as Campaign, progress) : undefined;
}

/**
 * Campaigns by id with their progress summed: one BatchGet round for the status items and the
 * progress shards together (their keys are known), rather than a Get and a Query per campaign.
 */
async function getMany(table: CampaignTable, ids: readonly string[]): Promise<Map<string, Campaign>> {
  const campaigns = new Map<string, Campaign>();
  if (ids.length === 0) return campaigns;
  const wanted: Key[] = ids.flatMap((id) => [keys.campaign(id), ...progressKeys(id)]);
  const items = await batchGetAll(table.client, table.tableName, wanted, { consistent: true, what: 'Listing campaigns' });
  const totals = new Map<string, Progress>();
  for (const item of items) if (isProgress(item)) addProgress(totals, item);
  for (const item of items) {
    if (item.entity !== ENTITY.campaign) continue;
    const campaign = strip(item) as unknown as Campaign;
    campaigns.set(campaign.id, withProgress(campaign, totals.get(campaign.id) ?? NO_PROGRESS));
  }
  return campaigns;
}

/** Campaigns of a region and every region inside it, newest first. */
export async function listCampaigns(table: CampaignTable, region: string, page: PageRequest): Promise<Page<Campaign>> {
  const pk = keys.campaignInRegionPartition(region);
  const out = await run(
    () =>
      table.client.send(
        new QueryCommand({
          TableName: table.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ProjectionExpression: 'campaignId',
          // Sort keys start with the creation time: descending is newest first.
          ScanIndexForward: false,
          Limit: page.limit,
          ...(page.nextToken ? { ExclusiveStartKey: { pk, sk: decodePageToken(page.nextToken, listEntryKeyOf) } } : {}),
        }),
      ),
    'Listing campaigns',
  );
  const ids = (out.Items ?? []).map((item) => item.campaignId as string);
  const found = await getMany(table, ids);
  const items = ids.flatMap((id) => found.get(id) ?? []);
  const last = out.LastEvaluatedKey?.sk as string | undefined;
  return last ? { items, nextToken: encodePageToken({ sk: last }) } : { items };
}

/** The operator's newest queued or running campaign of this request. */
export async function findUnfinished(table: CampaignTable, owner: string, requestHash: string): Promise<Campaign | undefined> {
  let startKey: Record<string, unknown> | undefined;
  // Newest first; an operator's history is short, and the filter keeps only unfinished runs of this request.
  for (let round = 0; round < 20; round++) {
    const out = await run(
      () =>
        table.client.send(
          new QueryCommand({
            TableName: table.tableName,
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
    if (found) return getCampaign(table, found.id as string);
    if (!out.LastEvaluatedKey) return undefined;
    startKey = out.LastEvaluatedKey;
  }
  return undefined;
}

/** An update of the campaign item under a condition; false when the condition failed. */
async function conditionalUpdate(table: CampaignTable, input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>, id: string, what: string): Promise<boolean> {
  try {
    await table.client.send(new UpdateCommand({ TableName: table.tableName, Key: keys.campaign(id), ...input }));
    return true;
  } catch (err) {
    if (isConditionFailed(err)) return false;
    throw translateDynamoError(err, what);
  }
}

/** Moves the campaign to `to` if its status is one of `from`, setting `change` alongside. */
export function transition(table: CampaignTable, id: string, from: readonly CampaignStatus[], to: CampaignStatus, change: StatusChange, at: string): Promise<boolean> {
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
  return conditionalUpdate(
    table,
    {
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: `#s IN (${from.map((_, i) => `:f${i}`).join(', ')})`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
    id,
    'Updating a campaign',
  );
}

/** Sets fields of a running campaign without changing its status. */
export function updateCampaign(table: CampaignTable, id: string, change: Pick<StatusChange, 'total' | 'pagesTotal'>): Promise<boolean> {
  const entries = Object.entries(change).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return Promise.resolve(true);
  return conditionalUpdate(
    table,
    {
      UpdateExpression: `SET ${entries.map(([f]) => `#${f} = :${f}`).join(', ')}`,
      ConditionExpression: '#s = :running',
      ExpressionAttributeNames: { '#s': 'status', ...Object.fromEntries(entries.map(([f]) => [`#${f}`, f])) },
      ExpressionAttributeValues: { ':running': 'running', ...Object.fromEntries(entries.map(([f, v]) => [`:${f}`, v])) },
    },
    id,
    'Updating a campaign',
  );
}

/** Replaces a completed campaign's summary while its `erasures` still stand at the count given. */
export function saveSummary(table: CampaignTable, id: string, summary: CampaignSummary, erasures: number): Promise<boolean> {
  return conditionalUpdate(
    table,
    {
      UpdateExpression: 'SET #summary = :summary, #seen = :e',
      // Only while no result was removed since the caller read `erasures` (its summary then counts every removal).
      ConditionExpression: `#s = :completed AND ${erasures === 0 ? '(attribute_not_exists(#e) OR #e = :e)' : '#e = :e'}`,
      ExpressionAttributeNames: { '#s': 'status', '#summary': 'summary', '#seen': 'summaryErasures', '#e': 'erasures' },
      ExpressionAttributeValues: { ':completed': 'completed', ':summary': summary, ':e': erasures },
    },
    id,
    'Saving a campaign summary',
  );
}
