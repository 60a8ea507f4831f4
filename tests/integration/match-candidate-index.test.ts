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

// Reads across regions stop after 4 entries, reads inside a province after 3.
const index = () => new DynamoCandidateIndex(table.client, table.tableName, { perPartitionLimit: 3, acrossRegionsLimit: 4 });
const ids = (result: { candidates: Array<{ id: string }> }) => result.candidates.map((c) => c.id).sort();

describe('DynamoCandidateIndex near a province', () => {
  it('reads a partition once when the read across regions covers the province', async () => {
    // Act
    const result = await index().find({ kind: 'demand', skillIds: ['uav-piloting'], near: '110000' });

    // Assess
    expect(queries).toEqual([{ condition: 'pk = :pk', startKey: false }]);
    expect(ids(result)).toEqual(['d-bj-1', 'd-bj-2', 'd-bj-3', 'd-sh-2']);
    expect(result.truncated).toBe(true);
  });

  it('reads the province in a second Query when the read across regions stopped before it', async () => {
    // Act
    const result = await index().find({ kind: 'demand', skillIds: ['uav-piloting'], near: '440000' });

    // Assess
    expect(queries).toEqual([
      { condition: 'pk = :pk', startKey: false },
      { condition: 'pk = :pk AND begins_with(sk, :prefix)', startKey: false },
    ]);
    expect(ids(result)).toEqual(['d-bj-1', 'd-bj-2', 'd-bj-3', 'd-gd-1', 'd-gd-2', 'd-gd-3', 'd-sh-2']);
  });

  it('reads on inside the province from where the read across regions stopped in it', async () => {
    // Act
    const result = await index().find({ kind: 'demand', skillIds: ['uav-piloting'], near: '310000' });

    // Assess
    expect(queries).toEqual([
      { condition: 'pk = :pk', startKey: false },
      { condition: 'pk = :pk AND begins_with(sk, :prefix)', startKey: true },
    ]);
    expect(ids(result)).toEqual(['d-bj-1', 'd-bj-2', 'd-bj-3', 'd-sh-1', 'd-sh-2', 'd-sh-3']);
  });

  it('reads a small partition whole in one Query, wherever the province is', async () => {
    // Act
    const result = await index().find({ kind: 'demand', skillIds: ['uav-piloting', 'welding'], near: '110000' });

    // Assess
    expect(queries).toHaveLength(2);
    expect(ids(result)).toEqual(['d-bj-1', 'd-bj-2', 'd-bj-3', 'd-rare-1', 'd-rare-2', 'd-sh-2']);
  });

  it('ignores near when the read is inside a region', async () => {
    // Act
    const result = await index().find({ kind: 'demand', skillIds: ['uav-piloting'], within: '440000', near: '110000' });

    // Assess
    expect(queries).toEqual([{ condition: 'pk = :pk AND begins_with(sk, :prefix)', startKey: false }]);
    expect(ids(result)).toEqual(['d-gd-1', 'd-gd-2', 'd-gd-3']);
  });
});
