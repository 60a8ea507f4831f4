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

/** A valid demand for tests; override any field. */
export const demandBody = (overrides: Record<string, unknown> = {}) => ({
  ref: 'YQ-001',
  employer: '延庆区低空物流有限公司',
  title: '无人机驾驶员',
  description: '负责物流无人机的日常飞行与维护',
  requiredSkills: ['多旋翼无人机驾驶', { skill: '无人机维修', level: 2 }],
  preferredSkills: ['航拍'],
  region: '北京市延庆区',
  headcount: 3,
  salaryMin: 6000,
  salaryMax: 9000,
  ...overrides,
});

/** A valid learner for tests; override any field. */
export const learnerBody = (overrides: Record<string, unknown> = {}) => ({
  ref: 'me',
  summary: '退役军人，会开无人机，有CAAC执照',
  skills: ['熟练操作多旋翼无人机', 'Excel'],
  certificates: ['CAAC多旋翼视距内驾驶员'],
  region: '110119',
  group: 'veteran',
  consentToShare: true,
  ...overrides,
});

/** A valid course for tests; override any field. */
export const courseBody = (overrides: Record<string, unknown> = {}) => ({
  ref: 'C-UAV-1',
  title: '多旋翼无人机驾驶员（视距内）培训',
  description: '理论与实操，考取CAAC执照',
  skillsTaught: ['多旋翼无人机驾驶'],
  level: 'elementary',
  hours: 80,
  mode: 'blended',
  provider: '北京低空职业技能培训中心',
  region: '110000',
  certificate: 'CAAC多旋翼视距内驾驶员',
  subsidyYuan: 1500,
  priceYuan: 4800,
  seats: 30,
  ...overrides,
});
