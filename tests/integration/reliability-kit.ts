import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/adapters/dynamodb/keys.js';
import { encodeSkillVector } from '../../shared/adapters/dynamodb/skill-vector.js';
import { indexPartitions, matchingSkills } from '../../shared/domain/matching/evidence.js';
import { isActive, type AnyRecord } from '../../shared/domain/records.js';

/**
 * What the fault, fuzz and personal-data tests share: the invariant they check after whatever
 * they did (a record's main item and its skill-index items always agree), a way to put faults
 * between the SDK and DynamoDB (Local), and a place to record the figures they measured.
 */

export type Item = Record<string, unknown>;

const MAIN_ENTITIES = new Set(['DEMAND', 'LEARNER', 'COURSE']);
const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity'];

/** Every item of a table, all pages (tests may scan; request paths never do). */
export async function scanAll(client: DynamoDBDocumentClient, tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }));
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** The domain record a main item holds. */
export function recordOf(item: Item): AnyRecord {
  const out: Item = { ...item };
  for (const a of KEY_ATTRIBUTES) delete out[a];
  return out as unknown as AnyRecord;
}

const keyString = (pk: unknown, sk: unknown) => `${String(pk)}\u0000${String(sk)}`;

/**
 * Every way in which main items and index items disagree, as sentences (empty when the table is
 * consistent): an index item without its record, a record missing an index item it should have,
 * an index item the record no longer justifies, or an index item whose copied fields (skill
 * vector, consent, region, ref) differ from the record's.
 */
export function indexProblems(items: readonly Item[], now: Date = new Date()): string[] {
  const problems: string[] = [];
  const mains = new Map<string, AnyRecord>();
  for (const item of items) if (MAIN_ENTITIES.has(String(item.entity))) mains.set(String(item.id), recordOf(item));
  const indexByRecord = new Map<string, Item[]>();
  for (const item of items) {
    if (item.entity !== 'INDEX') continue;
    const id = String(item.recordId);
    indexByRecord.set(id, [...(indexByRecord.get(id) ?? []), item]);
    if (!mains.has(id)) problems.push(`index item ${keyString(item.pk, item.sk)} has no record ${id}`);
  }
  for (const [id, record] of mains) {
    const actual = indexByRecord.get(id) ?? [];
    const expired = record.kind === 'demand' && record.status === 'open' && !isActive(record, now);
    const expected = isActive(record, now) || expired ? indexPartitions(record).map((partition) => keys.skillIndex(record.kind, partition, record.region, record.id)) : [];
    const expectedKeys = new Set(expected.map((k) => keyString(k.pk, k.sk)));
    const actualKeys = new Set(actual.map((i) => keyString(i.pk, i.sk)));
    for (const k of actualKeys) if (!expectedKeys.has(k)) problems.push(`${record.kind} ${id} v${record.version} has a stale index item ${k}`);
    // An expired demand's entries may linger or be gone; an active record must have every one.
    if (!expired) for (const k of expectedKeys) if (!actualKeys.has(k)) problems.push(`${record.kind} ${id} v${record.version} lacks index item ${k}`);
    const vector = encodeSkillVector(matchingSkills(record));
    for (const entry of actual) {
      const where = `${record.kind} ${id} v${record.version}, index item ${keyString(entry.pk, entry.sk)}`;
      if (entry.skillVector !== vector) problems.push(`${where}: skill vector differs from the record's`);
      if (entry.region !== record.region) problems.push(`${where}: region ${String(entry.region)} ≠ ${record.region}`);
      if (entry.ref !== record.ref) problems.push(`${where}: ref differs`);
      if (record.kind === 'learner' && entry.consentToShare !== record.consentToShare) problems.push(`${where}: consentToShare ${String(entry.consentToShare)} ≠ ${record.consentToShare}`);
    }
  }
  return problems;
}

/** Where tests leave figures for the RELIABILITY section (`npm run load` merges them); git-ignored. */
export const RELIABILITY_OUT = fileURLToPath(new URL('../bench/out/reliability/', import.meta.url));

/** Records a figure a test measured (case counts, winners and losers) for docs/reliability.md. */
export function recordReliability(name: string, data: Record<string, unknown>): void {
  mkdirSync(RELIABILITY_OUT, { recursive: true });
  writeFileSync(join(RELIABILITY_OUT, `${name}.json`), `${JSON.stringify({ ...data, recordedAt: new Date().toISOString() }, null, 2)}\n`);
}

/** The HTTP request the SDK is about to send, as its request handler sees it. */
export interface WireRequest {
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  readonly [key: string]: unknown;
}

/** What a request handler answers. */
export interface WireResponse {
  readonly response: { statusCode: number; headers: Record<string, string>; body: unknown };
}

/** Decides the fate of one DynamoDB call: `forward` sends it (or a changed copy) to DynamoDB. */
export type Interceptor = (operation: string, request: WireRequest, forward: (changed?: WireRequest) => Promise<WireResponse>) => Promise<WireResponse>;

/**
 * Puts `intercept` between a client and DynamoDB, below the SDK's retry and marshalling
 * middleware: the SDK retries what the interceptor fails exactly as it would a real failure.
 * The document client shares its config with the client it wraps. Returns the undo.
 */
export function interceptDynamo(client: { config: { requestHandler: unknown } }, intercept: Interceptor): () => void {
  const real = client.config.requestHandler as { handle: (request: WireRequest, options?: unknown) => Promise<WireResponse> };
  const handle = (request: WireRequest, options?: unknown) => {
    const operation = String(request.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    return intercept(operation, request, (changed) => real.handle(changed ?? request, options));
  };
  // Everything but `handle` is the real handler's, bound to it (it keeps private state).
  const wrapper = new Proxy(real, {
    get(target, property) {
      if (property === 'handle') return handle;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  client.config.requestHandler = wrapper;
  return () => {
    client.config.requestHandler = real;
  };
}

/** A DynamoDB error answer (JSON 1.0 protocol), as the service sends it. */
export function dynamoError(name: string, message: string, statusCode = 400): WireResponse {
  const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${name}`, message });
  return { response: { statusCode, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': name }, body: Readable.from([Buffer.from(body)]) } };
}

/** A successful DynamoDB answer with this JSON body. */
export function dynamoOk(json: unknown): WireResponse {
  return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: Readable.from([Buffer.from(JSON.stringify(json))]) } };
}

/** The JSON body of a request the SDK serialised. */
export const bodyOf = (request: WireRequest): Record<string, unknown> => JSON.parse(String(request.body ?? '{}')) as Record<string, unknown>;

/** A copy of a request with another JSON body (DynamoDB Local does not check signatures). */
export function withBody(request: WireRequest, json: unknown): WireRequest {
  const body = JSON.stringify(json);
  const copy = Object.assign(Object.create(Object.getPrototypeOf(request) as object) as WireRequest, request);
  return Object.assign(copy, { body, headers: { ...request.headers, 'content-length': String(Buffer.byteLength(body)) } });
}
