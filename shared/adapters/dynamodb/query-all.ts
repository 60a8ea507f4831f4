import { QueryCommand, ScanCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { run, translateDynamoError } from './errors.js';
import type { Item } from './items.js';

/** Every item a Query returns, page after page; a failure comes back as a domain error about `what`. */
export async function queryAll(client: DynamoDBDocumentClient, tableName: string, query: Omit<QueryCommandInput, 'TableName'>, what: string): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    let out: QueryCommandOutput;
    try {
      out = await client.send(new QueryCommand({ TableName: tableName, ...query, ExclusiveStartKey: startKey }));
    } catch (err) {
      throw translateDynamoError(err, what);
    }
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * The pages of a Scan, one at a time, so a caller over the whole table (operator commands and
 * rebuilds, never a request path) holds one page in memory; a failure comes back as a domain
 * error about `what`.
 */
export async function* scanPages(client: DynamoDBDocumentClient, tableName: string, scan: Omit<ScanCommandInput, 'TableName'>, what: string): AsyncIterable<Item[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await run(() => client.send(new ScanCommand({ TableName: tableName, ...scan, ExclusiveStartKey: startKey })), what);
    yield out.Items ?? [];
    startKey = out.LastEvaluatedKey;
  } while (startKey);
}
