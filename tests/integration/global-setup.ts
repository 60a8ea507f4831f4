import type { TestProject } from 'vitest/node';
import { startDynamoLocal, type DynamoLocal } from '../../local/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let dynamo: DynamoLocal | undefined;

/**
 * One DynamoDB Local for the whole run (in memory, free port); each integration test file makes
 * its own table, so files never see each other's data. Unit tests ignore it.
 */
export async function setup(project: TestProject): Promise<void> {
  dynamo = await startDynamoLocal({ port: 0 });
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
}
