import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import type { Kind } from '../../shared/domain/records.js';
import { readRows } from '../../shared/import/read-rows.js';
import { systemClock } from '../../shared/ports/clock.js';
import { makeImportRecords } from '../../shared/use-cases/import-records.js';
import { freshTable } from './table.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';

const run = promisify(execFile);
let table: Awaited<ReturnType<typeof freshTable>>;
const seeder: Caller = { sub: 'seed', role: 'bureau', region: 'national' };
// As npm start seeds them: the fictional people's own profiles (only a learner may consent).
const seededPeople: Caller = { sub: 'seed', role: 'jobseeker' };

beforeAll(async () => {
  table = await freshTable();
  const store = new DynamoRecordStore(table.client, table.tableName, systemClock, { index: recordIndex });
  for (const kind of ['course', 'demand', 'learner'] as Kind[]) {
    const file = new URL(`../../local/seed/${kind}s.jsonl`, import.meta.url);
    const summary = await makeImportRecords(kind, { store, clock: systemClock })(kind === 'learner' ? seededPeople : seeder, readRows(createReadStream(file), 'jsonl', kind), { format: 'jsonl' });
    expect(summary.rejected).toEqual([]);
  }
});
afterAll(() => table.drop());

describe('the README campaign example on the seeded data', () => {
  it('finds, matches and assigns people in 延庆 (110119) among migrant workers and graduates', async () => {
    // Act: the command line the README shows, on what npm start seeds.
    const { stdout } = await run(
      'node',
      ['bin/skillbridge.js', 'campaign', 'run', '--region', '110119', '--group', 'migrant_worker', '--group', 'graduate', '--assign', '--json', '--endpoint', table.endpoint, '--table', table.tableName],
      { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } },
    );

    // Assess
    const campaign = JSON.parse(stdout) as { status: string; summary: { learners: number; matched: number; assigned: number; byGroup: { group: string; learners: number }[] } };
    expect(campaign.status).toBe('completed');
    expect(campaign.summary.byGroup.map((g) => [g.group, g.learners]).sort()).toEqual([
      ['graduate', 1],
      ['migrant_worker', 1],
    ]);
    expect(campaign.summary.matched).toBeGreaterThanOrEqual(1);
    expect(campaign.summary.assigned).toBe(2);
  });
});
