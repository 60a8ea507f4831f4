import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCandidateIndex } from '../../shared/adapters/dynamodb/candidate-index.js';
import { IndexPresence } from '../../shared/adapters/dynamodb/index-presence.js';
import { keys } from '../../shared/adapters/dynamodb/keys.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import type { Learner } from '../../shared/domain/records.js';
import { loadTaxonomy } from '../../shared/taxonomy/taxonomy.js';
import { makeMatchDemand } from '../../shared/use-cases/match.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';
import { recordFromInput } from '../../shared/use-cases/records.js';
import { freshTable, recordCommands, stopLocal } from './table.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const clock = { now: () => NOW };
const taxonomy = loadTaxonomy();

let table: Awaited<ReturnType<typeof freshTable>>;
let store: DynamoRecordStore;
beforeEach(async () => {
  table = await freshTable();
  store = new DynamoRecordStore(table.client, table.tableName, clock, { index: recordIndex });
});
afterEach(() => table.drop());
afterAll(() => stopLocal());

const learner = (ref: string, region: string, skillIds: readonly string[]): Learner =>
  recordFromInput(
    'learner',
    `owner-${ref}`,
    {
      ref,
      summary: '',
      skills: skillIds.map((skillId) => ({ text: taxonomy.getSkill(skillId)!.zh, skillId, level: 3, confidence: 1 })),
      certificates: [],
      region,
      group: 'other',
      consentToShare: true,
    },
    undefined,
    NOW,
  );

const asSorted = (map: ReadonlyMap<string, ReadonlySet<string>> | undefined) => (map ? Object.fromEntries([...map].map(([p, s]) => [p, [...s].sort()])) : undefined);

describe('skill-index presence', () => {
  it('is not trusted until the table is marked complete', async () => {
    // Prepare
    await store.save(learner('A', '110108', ['uav-piloting']), undefined);
    const index = new DynamoCandidateIndex(table.client, table.tableName);

    // Act
    const before = await index.presence('learner', ['uav-piloting']);
    await new IndexPresence(table.client, table.tableName).markComplete();
    const sameProcess = await index.presence('learner', ['uav-piloting']);
    const after = await new DynamoCandidateIndex(table.client, table.tableName).presence('learner', ['uav-piloting']);

    // Assess: a process that found no marker asks again only after a minute; a new one trusts it
    expect(before).toBeUndefined();
    expect(sameProcess).toBeUndefined();
    expect(asSorted(after)).toEqual({ 'uav-piloting': ['110000'] });
  });

  it('records every province a write puts entries in, and keeps them after moves and deletes', async () => {
    // Prepare
    await new IndexPresence(table.client, table.tableName).markComplete();
    const a = learner('A', '110108', ['uav-piloting']);
    const b = learner('B', '440305', ['uav-piloting', 'welding']);
    await store.saveMany([{ next: a }, { next: b }]);
    const moved = recordFromInput('learner', a.owner, { ...a, region: '310115' }, a, NOW);

    // Act
    await store.save(moved, a);
    await store.remove(b);
    const found = await new DynamoCandidateIndex(table.client, table.tableName).presence('learner', ['uav-piloting', 'welding', 'forklift-operation']);

    // Assess: only ever more provinces (an upper bound), and none for a partition never written
    expect(asSorted(found)).toEqual({ 'uav-piloting': ['110000', '310000', '440000'], welding: ['440000'], 'forklift-operation': [] });
  });

  it('writes each partition and province once per process, before the entries', async () => {
    // Prepare
    const commands = recordCommands(table.client, 'countPresenceWrites');
    const a = learner('A', '110108', ['uav-piloting', 'welding']);

    // Act
    await store.save(a, undefined);
    const first = [...commands];
    commands.length = 0;
    await store.save(learner('B', '110105', ['welding']), undefined);

    // Assess: two updates, then the transaction; the same partition and province again costs none
    expect(first).toEqual(['UpdateItemCommand', 'UpdateItemCommand', 'TransactWriteItemsCommand']);
    expect(commands).toEqual(['TransactWriteItemsCommand']);
  });

  it('backfills the presence of entries written before it, then trusts it', async () => {
    // Prepare: an index entry as an older version wrote it, with no presence item
    await store.save(learner('A', '110108', ['uav-piloting']), undefined);
    await table.client.send(new DeleteCommand({ TableName: table.tableName, Key: keys.skillIndexPresence('learner', 'uav-piloting') }));
    await table.client.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.skillIndex('learner', 'welding', 'national', 'l-old'), entity: 'INDEX', kind: 'learner', skillId: 'welding', recordId: 'l-old', region: 'national', skillVector: 'welding:0:h' },
      }),
    );

    // Act
    const entries = await new IndexPresence(table.client, table.tableName).backfill();
    const found = await new DynamoCandidateIndex(table.client, table.tableName).presence('learner', ['uav-piloting', 'welding']);

    // Assess
    expect(entries).toBe(2);
    expect(asSorted(found)).toEqual({ 'uav-piloting': ['110000'], welding: ['national'] });
  });

  it('makes a table complete once, whether it is empty or written before presence existed, and leaves it alone after', async () => {
    // Prepare: an entry whose presence item is missing, as before presence existed
    await store.save(learner('A', '110108', ['uav-piloting']), undefined);
    await table.client.send(new DeleteCommand({ TableName: table.tableName, Key: keys.skillIndexPresence('learner', 'uav-piloting') }));
    const presence = new IndexPresence(table.client, table.tableName);

    // Act
    const first = await presence.makeComplete();
    const again = await presence.makeComplete();
    const found = await new DynamoCandidateIndex(table.client, table.tableName).presence('learner', ['uav-piloting']);

    // Assess
    expect(first).toBe(1);
    expect(again).toBeUndefined();
    expect(asSorted(found)).toEqual({ 'uav-piloting': ['110000'] });
  });

  it('lets a match call skip partitions that hold nobody, with the same list', async () => {
    // Prepare: a demand whose needs and words reach partitions where no learner is
    const learners = [learner('A', '110108', ['uav-piloting', 'uav-aerial-survey']), learner('B', '440305', ['uav-piloting']), learner('C', '110105', ['welding'])];
    await store.saveMany(learners.map((next) => ({ next })));
    const demand = recordFromInput(
      'demand',
      'emp',
      {
        ref: 'D', employer: 'E', title: '无人机飞手', description: '', region: '110108', headcount: 1,
        requiredSkills: [{ text: '多旋翼无人机驾驶', skillId: 'uav-piloting', level: 3, confidence: 1 }, { text: '电池PACK装配', skillId: null, level: null, confidence: 0 }],
        preferredSkills: [],
      },
      undefined,
      NOW,
    );
    await store.save(demand, undefined);
    const bureau: Caller = { sub: 'bur', role: 'bureau', region: 'national' };
    const commands = recordCommands(table.client, 'countMatchRequests');
    const match = () => makeMatchDemand({ store, candidates: new DynamoCandidateIndex(table.client, table.tableName), clock, taxonomy })(bureau, demand.id, { limit: 10, lang: 'zh' });

    // Act
    const without = await match();
    const queriesWithout = commands.filter((c) => c === 'QueryCommand').length;
    await new IndexPresence(table.client, table.tableName).markComplete();
    commands.length = 0;
    const withPresence = await match();
    const queriesWith = commands.filter((c) => c === 'QueryCommand').length;

    // Assess
    expect(withPresence.items.map((i) => [i.id, i.score])).toEqual(without.items.map((i) => [i.id, i.score]));
    expect(without.items.map((i) => i.id).sort()).toEqual([learners[0]!.id, learners[1]!.id].sort());
    expect(queriesWith).toBeLessThan(queriesWithout);
  });
});
