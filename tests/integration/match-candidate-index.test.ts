import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCandidateIndex } from '../../shared/adapters/dynamodb/candidate-index.js';
import { keys } from '../../shared/adapters/dynamodb/keys.js';
import { encodeSkillVector } from '../../shared/adapters/dynamodb/skill-vector.js';
import { freshTable } from './table.js';

let table: Awaited<ReturnType<typeof freshTable>>;
/** Queries the index sent, with the key condition and start key of each. */
const queries: Array<{ condition: string; startKey: boolean }> = [];

// A popular skill with entries in Beijing (11), Shanghai (31) and Guangdong (44), sorted by region
// code in the partition (d-sh-2 in 310104 comes first of Shanghai's); a rare skill with two entries.
const POPULAR: ReadonlyArray<readonly [string, string]> = [
  ['d-bj-1', '110108'], ['d-bj-2', '110119'], ['d-bj-3', '110105'],
  ['d-sh-1', '310115'], ['d-sh-2', '310104'], ['d-sh-3', '310115'],
  ['d-gd-1', '440305'], ['d-gd-2', '440106'], ['d-gd-3', '441900'],
];
const RARE: ReadonlyArray<readonly [string, string]> = [['d-rare-1', '110108'], ['d-rare-2', '440305']];

async function putEntry(skillId: string, id: string, region: string): Promise<void> {
  await table.client.send(
    new PutCommand({
      TableName: table.tableName,
      Item: {
        ...keys.skillIndex('demand', skillId, region, id),
        recordId: id, ref: id, region, title: id, employer: 'E',
        skillVector: encodeSkillVector([{ skillId, level: 3, role: 'required' }]),
      },
    }),
  );
}

beforeAll(async () => {
  table = await freshTable();
  for (const [id, region] of POPULAR) await putEntry('uav-piloting', id, region);
  for (const [id, region] of RARE) await putEntry('welding', id, region);
  table.client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { KeyConditionExpression?: string; ExclusiveStartKey?: unknown };
      queries.push({ condition: input.KeyConditionExpression ?? '', startKey: input.ExclusiveStartKey !== undefined });
      return next(args);
    },
    { step: 'initialize', name: 'recordCandidateQueries' },
  );
});
beforeEach(() => {
  queries.length = 0;
});
afterAll(() => table.drop());

// Pages of 2 entries, so that reading a partition whole takes several requests.
const index = () => new DynamoCandidateIndex(table.client, table.tableName, { pageSize: 2 });
const ids = (result: { candidates: Array<{ id: string }> }) => result.candidates.map((c) => c.id).sort();

describe('DynamoCandidateIndex', () => {
  it('reads every page of a partition, in every region', async () => {
    // Act
    const result = await index().find({ kind: 'demand', skillIds: ['uav-piloting'] });

    // Assess
    expect(ids(result)).toEqual(['d-bj-1', 'd-bj-2', 'd-bj-3', 'd-gd-1', 'd-gd-2', 'd-gd-3', 'd-sh-1', 'd-sh-2', 'd-sh-3']);
    expect(queries.length).toBe(5);
    expect(queries.filter((q) => q.startKey)).toHaveLength(4);
    expect(result.requests).toBe(5);
  });

  it('reads several partitions and gives each record once', async () => {
    // Act
    const result = await index().find({ kind: 'demand', skillIds: ['uav-piloting', 'welding', 'uav-piloting'] });

    // Assess
    expect(ids(result)).toHaveLength(11);
    expect(new Set(ids(result)).size).toBe(11);
  });

  it('reads only inside a region when asked', async () => {
    // Act
    const result = await index().find({ kind: 'demand', skillIds: ['uav-piloting'], within: '440000' });

    // Assess
    expect(queries.every((q) => q.condition === 'pk = :pk AND begins_with(sk, :prefix)')).toBe(true);
    expect(ids(result)).toEqual(['d-gd-1', 'd-gd-2', 'd-gd-3']);
  });

  it('reads only outside a region when asked: every page of each partition, less the region', async () => {
    // Act
    const result = await index().find({ kind: 'demand', skillIds: ['uav-piloting', 'welding'], outside: '310000' });

    // Assess: Beijing sorts below Shanghai's prefix, Guangdong above it; one Query per page, as for
    // a whole read (9 entries in 5 pages; 2 in a full page and an empty one).
    expect(ids(result)).toEqual(['d-bj-1', 'd-bj-2', 'd-bj-3', 'd-gd-1', 'd-gd-2', 'd-gd-3', 'd-rare-1', 'd-rare-2']);
    expect(queries.every((q) => q.condition === 'pk = :pk')).toBe(true);
    expect(result.requests).toBe(7);
  });

  it('reads nothing outside national, which holds every region', async () => {
    // Act
    const result = await index().find({ kind: 'demand', skillIds: ['uav-piloting'], outside: 'national' });

    // Assess
    expect(result.candidates).toEqual([]);
    expect(queries).toHaveLength(0);
  });

  it('refuses a query both within and outside a region', async () => {
    await expect(index().find({ kind: 'demand', skillIds: ['uav-piloting'], within: '440000', outside: '440300' })).rejects.toThrow(/within or outside/);
  });
});
