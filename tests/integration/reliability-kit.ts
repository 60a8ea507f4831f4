import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export { bodyOf, dynamoError, dynamoOk, interceptDynamo, withBody, type Interceptor, type WireRequest, type WireResponse } from '../support/dynamo-wire.js';
