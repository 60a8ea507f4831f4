import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '#shared/adapters/dynamodb/table-schema.js';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
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
 * A fresh table on this file's DynamoDB Local, built from the same schema the CDK stack uses.
 *
 * Without its stream unless `streams` is set: DynamoDB Local keeps every stream record of every
 * table, deleted ones included, and each write gets slower as they pile up (1,000 items took 1.8 s
 * into the first table and 6.2 s into the eighth, against 0.9 s throughout without streams), which
 * made files at the end of a run five times slower than alone. Only the shortage tests read it.
 */
export async function freshTable({ streams = false }: { streams?: boolean } = {}) {
  const endpoint = await localEndpoint();
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  const raw = new DynamoDBClient({ endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  if (streams) {
    await ensureTable(raw, tableName);
  } else {
    const { StreamSpecification: _stream, ...input } = createTableInput(tableName);
    await raw.send(new CreateTableCommand(input));
    await waitUntilTableExists({ client: raw, maxWaitTime: 30 }, { TableName: tableName });
  }
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
