import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { makeDocumentClient } from '#shared/adapters/dynamodb/client.js';
import { DynamoRecordStore } from '#shared/adapters/dynamodb/record-store.js';
import { systemClock, type Clock } from '#shared/ports/clock.js';
import type { RecordStore } from '#shared/ports/record-store.js';
import { loadConfig, type Config } from './config.js';

/** What handlers need, built once per cold start and shared by every invocation. */
export interface Container {
  readonly config: Config;
  readonly client: DynamoDBDocumentClient;
  readonly clock: Clock;
  readonly store: RecordStore;
}

let container: Container | undefined;

/** The process-wide container; created on first use so that importing a handler has no side effects. */
export function getContainer(): Container {
  if (!container) {
    const config = loadConfig();
    const client = makeDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
    container = { config, client, clock: systemClock, store: new DynamoRecordStore(client, config.TABLE_NAME, systemClock) };
  }
  return container;
}
