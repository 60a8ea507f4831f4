import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCourseCatalogue } from '../../shared/adapters/dynamodb/course-catalogue.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { Clock } from '../../shared/ports/clock.js';
import { course, demand } from '../unit/recommend/fakes.js';
import { freshTable, recordCommands } from './table.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';

let table: Awaited<ReturnType<typeof freshTable>>;
let store: DynamoRecordStore;
/** Commands sent on the table's client, by name. */
let commands: string[] = [];
let now = Date.parse('2026-03-01T00:00:00Z');
const clock: Clock = { now: () => new Date(now) };

const courses = [
  course({ ref: 'NATIONAL-ONLINE', region: 'national', mode: 'online' }),
  course({ ref: 'SHANGHAI', region: '310115' }),
  course({ ref: 'BEIJING', region: '110108' }),
  course({ ref: 'XINJIANG', region: '650102' }),
];

beforeAll(async () => {
  table = await freshTable();
  store = new DynamoRecordStore(table.client, table.tableName, clock, { index: recordIndex });
  await store.saveMany([...courses, demand({ ref: 'NOT-A-COURSE', region: '310115' })].map((next) => ({ next })));
  commands = recordCommands(table.client, 'countCatalogueCommands');
});
beforeEach(() => {
  commands.length = 0;
  // Well past the settle window of the writes above.
  now += 60_000;
});
afterAll(() => table.drop());

const catalogue = () => new DynamoCourseCatalogue(table.client, table.tableName, clock);
const refs = (list: readonly { ref: string }[]) => list.map((c) => c.ref).sort();

describe('DynamoCourseCatalogue', () => {
  it('loads every course of every province, and no other record, with one Query per province partition', async () => {
    // Act
    const all = await catalogue().courses();

    // Assess
    expect(refs(all)).toEqual(['BEIJING', 'NATIONAL-ONLINE', 'SHANGHAI', 'XINJIANG']);
    expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort());
    expect(commands.filter((c) => c === 'QueryCommand')).toHaveLength(35);
    expect(commands.filter((c) => c === 'GetItemCommand')).toHaveLength(1);
    expect(commands.filter((c) => c === 'ScanCommand')).toEqual([]);
  });

  it('serves the same copy while nothing changed, for one GetItem a call', async () => {
    // Prepare
    const cat = catalogue();
    const first = await cat.courses();
    commands.length = 0;

    // Act
    const second = await cat.courses();
    const third = await cat.courses();

    // Assess
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(commands).toEqual(['GetItemCommand', 'GetItemCommand']);
    expect(cat.reloads).toBe(1);
  });

  it('reloads on the next call after a course is created, changed, deleted or imported', async () => {
    // Prepare
    const cat = catalogue();
    await cat.courses();
    const added = course({ ref: 'ADDED', region: '440305' });

    // Act / Assess: each write is seen by the very next call.
    await store.save(added, undefined);
    expect(refs(await cat.courses())).toContain('ADDED');

    const renamed = { ...added, title: 'Renamed', version: added.version + 1 };
    await store.save(renamed, added);
    expect((await cat.courses()).find((c) => c.ref === 'ADDED')?.title).toBe('Renamed');

    await store.remove(renamed);
    expect(refs(await cat.courses())).not.toContain('ADDED');

    const imported = course({ ref: 'IMPORTED', region: '510107' });
    await store.saveMany([{ next: imported }]);
    expect(refs(await cat.courses())).toContain('IMPORTED');
    expect(cat.reloads).toBe(5);
  });

  it('does not reload for writes of demands or learners', async () => {
    // Prepare
    const cat = catalogue();
    const first = await cat.courses();

    // Act
    await store.save(demand({ ref: 'ANOTHER-DEMAND', region: '310115' }), undefined);
    const second = await cat.courses();

    // Assess
    expect(second).toBe(first);
  });

  it('reloads a copy older than its maximum age even when the version did not move', async () => {
    // Prepare
    const cat = new DynamoCourseCatalogue(table.client, table.tableName, clock, { maxAgeMs: 10_000 });
    const first = await cat.courses();

    // Act
    now += 9_000;
    const young = await cat.courses();
    now += 2_000;
    const old = await cat.courses();

    // Assess
    expect(young).toBe(first);
    expect(old).not.toBe(first);
    expect(cat.reloads).toBe(2);
  });

  it('reads a copy loaded just after a change once more when the index has had time to settle', async () => {
    // Prepare: a course written now; GSI2 may lag it in DynamoDB (not in DynamoDB Local).
    const cat = new DynamoCourseCatalogue(table.client, table.tableName, clock, { settleMs: 5_000 });
    await store.save(course({ ref: 'JUST-NOW', region: '320102' }), undefined);
    const first = await cat.courses();

    // Act
    now += 1_000;
    const soon = await cat.courses();
    now += 5_000;
    const settled = await cat.courses();
    now += 1_000;
    const later = await cat.courses();

    // Assess
    expect(soon).toBe(first);
    expect(settled).not.toBe(first);
    expect(later).toBe(settled);
    expect(cat.reloads).toBe(2);
  });

  it('shares one reload among calls that arrive together', async () => {
    // Prepare
    const cat = catalogue();

    // Act
    const lists = await Promise.all(Array.from({ length: 5 }, () => cat.courses()));

    // Assess
    expect(new Set(lists).size).toBe(1);
    expect(cat.reloads).toBe(1);
    expect(commands.filter((c) => c === 'QueryCommand')).toHaveLength(35);
  });
});
