import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexRebuild } from '../../shared/adapters/dynamodb/index-rebuild.js';
import { keys } from '../../shared/adapters/dynamodb/keys.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { IndexedSkill, Learner } from '../../shared/domain/records.js';
import type { RecordIndexer } from '../../shared/ports/record-store.js';
import { recordFromInput } from '../../shared/use-cases/records.js';
import { freshTable, stopLocal } from './table.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const clock = { now: () => NOW };

/** An indexer that puts every record under these partitions, as a taxonomy of the day would. */
const indexerOf =
  (partitions: readonly string[]): RecordIndexer =>
  () => ({ skills: partitions.map((skillId): IndexedSkill => ({ skillId, level: null, role: 'held' })), partitions: [...partitions] });
const before = indexerOf(['forklift-operation', 'sewing-machine-operation']);
const after = indexerOf(['sewing-machine-operation', 'garment-finishing']);

const learner = (ref: string): Learner =>
  recordFromInput('learner', `owner-${ref}`, { ref, summary: '', skills: [], certificates: [], region: '110108', group: 'other', consentToShare: true }, undefined, NOW);

let table: Awaited<ReturnType<typeof freshTable>>;
beforeEach(async () => {
  table = await freshTable();
});
afterEach(() => table.drop());
afterAll(() => stopLocal());

/** The ids of the learners with an entry in a partition, and the skills that entry carries. */
async function partition(skillId: string): Promise<Array<{ id: string; vector: string }>> {
  const out = await table.client.send(new QueryCommand({ TableName: table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.skillIndexPartition('learner', skillId) } }));
  return (out.Items ?? []).map((item) => ({ id: String(item.recordId), vector: String(item.skillVector) })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('skill index rebuild', () => {
  it('writes every record’s entries from today’s indexer, and deletes those of old partitions and of deleted records', async () => {
    // Prepare: two learners written under yesterday's taxonomy; one is deleted today, which removes
    // only the entries today's taxonomy computes for it.
    const kept = learner('KEPT');
    const gone = learner('GONE');
    await new DynamoRecordStore(table.client, table.tableName, clock, { index: before }).saveMany([{ next: kept }, { next: gone }]);
    const today = new DynamoRecordStore(table.client, table.tableName, clock, { index: after });
    await today.remove(gone);
    expect((await partition('forklift-operation')).map((e) => e.id).sort()).toEqual([gone.id, kept.id].sort());

    // Act
    const summary = await new IndexRebuild(table.client, table.tableName, after, clock).run();

    // Assess: only today's partitions hold the kept learner, with today's skills; the deleted one is nowhere.
    expect(await partition('forklift-operation')).toEqual([]);
    const garment = await partition('garment-finishing');
    const sewing = await partition('sewing-machine-operation');
    expect(garment.map((e) => e.id)).toEqual([kept.id]);
    expect(sewing.map((e) => e.id)).toEqual([kept.id]);
    expect(sewing[0]!.vector).toBe(garment[0]!.vector);
    expect(sewing[0]!.vector).toContain('garment-finishing');
    // The two forklift entries (the deletion took the deleted learner's sewing entry itself).
    expect(summary).toEqual({ records: 1, written: 2, deleted: 2, skipped: 0 });
  });

  it('deletes nothing and writes the same entries when run again', async () => {
    // Prepare
    const store = new DynamoRecordStore(table.client, table.tableName, clock, { index: after });
    const one = learner('ONE');
    await store.save(one, undefined);
    const rebuild = new IndexRebuild(table.client, table.tableName, after, clock);
    await rebuild.run();

    // Act
    const again = await rebuild.run();

    // Assess
    expect(again).toEqual({ records: 1, written: 2, deleted: 0, skipped: 0 });
    expect((await partition('garment-finishing')).map((e) => e.id)).toEqual([one.id]);
  });
});
