import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './environment.js';

const FILE = join(DATA_DIR, 'local.json');

export interface LocalEndpoints {
  readonly api: string;
  readonly dynamodb: string;
}

/** Remembers where `npm start` is listening, so the CLI finds it without flags. */
export const rememberEndpoints = (endpoints: LocalEndpoints): void => writeFileSync(FILE, JSON.stringify(endpoints));

/** The DynamoDB endpoint to use: the flag, then DYNAMODB_ENDPOINT, then what npm start wrote, then DynamoDB Local's default port. */
export function dynamoEndpoint(flag: string | undefined): string | undefined {
  if (flag) return flag;
  if (process.env.DYNAMODB_ENDPOINT) return process.env.DYNAMODB_ENDPOINT;
  if (process.env.SKILLBRIDGE_AWS === '1') return undefined;
  if (existsSync(FILE)) {
    try {
      return (JSON.parse(readFileSync(FILE, 'utf8')) as LocalEndpoints).dynamodb;
    } catch {
      // a half-written file from a crash: fall back to the default
    }
  }
  return 'http://127.0.0.1:8000';
}
