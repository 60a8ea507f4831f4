import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.js';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { AnyRecord } from '../../shared/domain/records.js';
import type { Clock } from '../../shared/ports/clock.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';
import { startDynamoLocal, type DynamoLocal } from '../../local/dynamodb-local.js';
import { ensureTable } from '../../local/table.js';

/**
 * One DynamoDB Local per test file, started by the file's first table and stopped after its last
 * test (tests/integration/per-file.ts), so files can run side by side and none inherits another's
 * leftovers; a fresh one costs about 2 s.
 */
let local: Promise<DynamoLocal> | undefined;

/** The endpoint of this file's DynamoDB Local, started on first use. */
export async function localEndpoint(): Promise<string> {
  local ??= startDynamoLocal({ port: 0 });
  return (await local).endpoint;
}

/** Stops this file's DynamoDB Local, if it was started. */
export async function stopLocal(): Promise<void> {
  const running = local;
  local = undefined;
  await (await running)?.stop();
}

/**
 * A fresh table on this file's DynamoDB Local, built from the same schema the CDK stack uses;
 * without its stream unless `stream` is set (only the shortage tests read it; see ensureTable
 * for why: with streams, files at the end of a run were five times slower than alone).
 */
export async function freshTable({ stream = false }: { stream?: boolean } = {}) {
  const endpoint = await localEndpoint();
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  const raw = new DynamoDBClient({ endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(raw, tableName, { stream });
  const client = makeDocumentClient({ endpoint });
  return {
    endpoint,
    tableName,
    client,
    raw,
    drop: async () => {
      await raw.send(new DeleteTableCommand({ TableName: tableName }));
      raw.destroy();
      client.destroy();
    },
  };
}

/**
 * The names of the commands a client sends from now on (`GetItemCommand`, `QueryCommand` …), in
 * order: tests read the list to check what a request cost, and empty it between tests.
 */
export function recordCommands(client: Pick<DynamoDBDocumentClient, 'middlewareStack'>, name: string): string[] {
  const commands: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name },
  );
  return commands;
}

/**
 * A fresh table holding a campaign's records (demands, learners, courses written with `saveMany`),
 * with the record and campaign stores over it: what every campaign test starts from.
 */
export async function seededCampaignTable(data: { readonly learners: readonly AnyRecord[]; readonly demands: readonly AnyRecord[]; readonly courses: readonly AnyRecord[] }, clock: Clock) {
  const table = await freshTable();
  const store = new DynamoRecordStore(table.client, table.tableName, clock, { index: recordIndex });
  const campaigns = new DynamoCampaignStore(table.client, table.tableName);
  await store.saveMany([...data.learners, ...data.demands, ...data.courses].map((next) => ({ next })));
  return { table, store, campaigns };
}
