import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { ensureTable } from '../../local/table.js';

/** A fresh table on the shared DynamoDB Local, built from the same schema the CDK stack uses. */
export async function freshTable() {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  const raw = new DynamoDBClient({ endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(raw, tableName);
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
