import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { translateDynamoError } from './errors.js';
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
