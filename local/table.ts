import { CreateTableCommand, DescribeTableCommand, UpdateTableCommand, waitUntilTableExists, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '#shared/adapters/dynamodb/table-schema.js';
import { isTableMissing } from '#shared/adapters/dynamodb/toolkit/sdk-errors.js';

/**
 * Creates the table from the shared schema, or adds the indexes an older local table lacks, so
 * a `.data/` folder from an earlier version keeps working.
 *
 * `stream: false` leaves the stream off, for tests and benchmarks that never read it: DynamoDB
 * Local keeps every stream record of every table, deleted ones included, and each write gets
 * slower as they pile up (1,000 items took 1.8 s into the first table and 6.2 s into the eighth,
 * against 0.9 s throughout without a stream).
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, { stream = true }: { stream?: boolean } = {}): Promise<'created' | 'migrated' | 'current'> {
  const { StreamSpecification, ...withoutStream } = createTableInput(tableName);
  const wanted = stream ? { ...withoutStream, StreamSpecification } : withoutStream;
  let existing: TableDescription | undefined;
  try {
    existing = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (err) {
    if (!isTableMissing(err)) throw err;
  }
  if (!existing) {
    await client.send(new CreateTableCommand(wanted));
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
    return 'created';
  }
  const have = new Set((existing.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
  const missing = wanted.GlobalSecondaryIndexes.filter((g) => !have.has(g.IndexName));
  for (const index of missing) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
  return missing.length > 0 ? 'migrated' : 'current';
}
