import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared/domain/caller.js';
import { signDevToken } from '../../local/dev-token.js';
import { localEnvironment } from '../../local/environment.js';
import { createLocalServer } from '../../local/server.js';
import { freshTable } from './table.js';

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/**
 * The local server on a fresh table of the shared DynamoDB Local, as `npm start` runs it, with
 * a token signer and a helper to read back every item (tests may scan; requests never do).
 */
export async function startApi(options: { stream?: boolean } = {}) {
  const table = await freshTable(options);
  Object.assign(process.env, localEnvironment(table.endpoint), { TABLE_NAME: table.tableName, POWERTOOLS_LOG_LEVEL: 'SILENT' });
  const tokenKey = randomBytes(32);
  const server = createLocalServer({ tokenKey });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const token = (role: Role, sub: string, region?: string) => signDevToken(tokenKey, { role, sub, region });

  const call = async <T = any>(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: type.includes('json') && text ? JSON.parse(text) : text };
  };

  const allItems = async (): Promise<Record<string, unknown>[]> => {
    const out = await table.client.send(new ScanCommand({ TableName: table.tableName }));
    return out.Items ?? [];
  };

  return {
    base,
    table,
    token,
    call,
    allItems,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await table.drop();
    },
  };
}

export type Api = Awaited<ReturnType<typeof startApi>>;

export { courseBody, demandBody, learnerBody } from '../support/bodies.js';
