import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CampaignSnapshot } from '../../../domain/campaign/types.js';
import { batchWriteAll } from '../batch-write.js';
import { run, translateDynamoError } from '../errors.js';
import type { Item } from '../items.js';
import { keys } from '../keys.js';
import { queryAll } from '../query-all.js';
import { isConditionFailed } from '../toolkit/sdk-errors.js';
import { ENTITY, type CampaignTable } from './items.js';

/**
 * The frozen snapshot a campaign runs against (`SNAPSHOT#<snapshot id>#nnnn`: gzip'd JSON in
 * chunks), and the pointer on the campaign item that names the one in force.
 */

/** Snapshot bytes per item (gzip'd JSON), below DynamoDB's 400 KB item limit with room for keys. */
const SNAPSHOT_CHUNK_BYTES = 350_000;

/** Stores the snapshot unless one is in force already, and answers the one in force. */
export async function saveSnapshot(table: CampaignTable, id: string, snapshot: CampaignSnapshot): Promise<CampaignSnapshot> {
  const bytes = gzipSync(JSON.stringify(snapshot));
  const snapshotId = randomBytes(6).toString('base64url');
  const chunks: Item[] = [];
  for (let i = 0, n = 0; i < bytes.length || n === 0; i += SNAPSHOT_CHUNK_BYTES, n++) {
    chunks.push({ ...keys.campaignSnapshot(id, snapshotId, n), entity: ENTITY.snapshot, data: bytes.subarray(i, i + SNAPSHOT_CHUNK_BYTES) });
  }
  // Chunks first under a fresh id, then the pointer, set once: a racing run's chunks are never mixed with ours.
  await run(() => batchWriteAll(table.client, table.tableName, chunks.map((Item) => ({ PutRequest: { Item } }))), 'Saving a campaign snapshot');
  try {
    await table.client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.campaign(id),
        UpdateExpression: 'SET #snap = :snap',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#snap)',
        ExpressionAttributeNames: { '#snap': 'snapshot' },
        ExpressionAttributeValues: { ':snap': { id: snapshotId, chunks: chunks.length } },
      }),
    );
    return snapshot;
  } catch (err) {
    if (!isConditionFailed(err)) throw translateDynamoError(err, 'Saving a campaign snapshot');
    await run(
      () => batchWriteAll(table.client, table.tableName, chunks.map((c) => ({ DeleteRequest: { Key: { pk: c.pk as string, sk: c.sk as string } } }))),
      'Saving a campaign snapshot',
    );
    const existing = await loadSnapshot(table, id);
    if (!existing) throw new Error(`Campaign ${id} has no snapshot and refused ours.`);
    return existing;
  }
}

/** The snapshot in force, or undefined before one is taken. */
export async function loadSnapshot(table: CampaignTable, id: string): Promise<CampaignSnapshot | undefined> {
  const meta = await run(
    () =>
      table.client.send(
        new GetCommand({ TableName: table.tableName, Key: keys.campaign(id), ConsistentRead: true, ProjectionExpression: '#snap', ExpressionAttributeNames: { '#snap': 'snapshot' } }),
      ),
    'Reading a campaign snapshot',
  );
  const pointer = meta.Item?.snapshot as { id: string; chunks: number } | undefined;
  if (!pointer) return undefined;
  const items = await queryAll(
    table.client,
    table.tableName,
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.campaignPartition(id), ':p': keys.campaignSnapshotPrefix(pointer.id) },
      ConsistentRead: true,
    },
    'Reading a campaign',
  );
  if (items.length !== pointer.chunks) throw new Error(`Campaign ${id}: snapshot ${pointer.id} has ${items.length} of ${pointer.chunks} chunks.`);
  const bytes = Buffer.concat(items.map((item) => Buffer.from(item.data as Uint8Array)));
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as CampaignSnapshot;
}
