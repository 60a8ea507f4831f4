import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import { readRows } from '../../shared/import/read-rows.js';
import { systemClock } from '../../shared/ports/clock.js';
import { makeImportRecords } from '../../shared/use-cases/import-records.js';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { freshTable } from './table.js';

const run = promisify(execFile);
let table: Awaited<ReturnType<typeof freshTable>>;
let dir: string;
const importer: Caller = { sub: 'bureau-import', role: 'bureau', region: 'national' };

/** A demands CSV as Excel or WPS exports it: BOM, CRLF, Chinese, full-width separators. */
const DEMANDS_CSV =
  '\uFEFFref,employer,title,requiredSkills,preferredSkills,region,headcount,salaryMin,salaryMax\r\n' +
  'D1,延庆物流,无人机驾驶员,多旋翼无人机驾驶；无人机维修,航拍,北京市延庆区,3,6000,9000\r\n' +
  'D2,海淀数据,数据标注员,数据标注;Python,,110108,"1,200",5000,7000\r\n' +
  'D3,坏数据公司,缺人数,数据标注,,110108,0,,\r\n' +
  'D4,某公司,地区错误,数据标注,,火星市,2,,\r\n' +
  'D1,重复,重复的编号,数据标注,,110108,1,,\r\n' +
  'D5,上海数据,数据分析师,Python数据分析,,上海市,2,8000,12000\r\n';

beforeAll(async () => {
  table = await freshTable();
  dir = mkdtempSync(join(tmpdir(), 'sb-import-'));
});
afterAll(() => table.drop());

const mainItems = async () => ((await table.client.send(new ScanCommand({ TableName: table.tableName }))).Items ?? []).filter((i) => i.entity === 'DEMAND');

describe('import use case', () => {
  it('lands valid rows, reports each bad row with line, field and reason, and changes nothing on a re-run', async () => {
    const store = new DynamoRecordStore(table.client, table.tableName, systemClock);
    const importDemands = makeImportRecords('demand', { store, clock: systemClock });

    const first = await importDemands(importer, readRows(Readable.from([DEMANDS_CSV]), 'csv', 'demand'), { format: 'csv' });
    const stored = await mainItems();
    const second = await importDemands(importer, readRows(Readable.from([DEMANDS_CSV]), 'csv', 'demand'), { format: 'csv' });

    expect(first).toMatchObject({ rows: 6, written: 3, unchanged: 0 });
    expect(first.rejected.map((r) => [r.line, r.errors[0]!.path])).toEqual([
      [4, '/headcount'],
      [5, '/region'],
      [6, '/ref'],
    ]);
    expect(stored.map((i) => i.ref).sort()).toEqual(['D1', 'D2', 'D5']);
    expect(stored.find((i) => i.ref === 'D2')!.headcount).toBe(1200);
    expect(stored.find((i) => i.ref === 'D1')!.requiredSkills).toHaveLength(2);
    expect(second).toMatchObject({ written: 0, unchanged: 3 });
    expect((await mainItems()).map((i) => i.version)).toEqual(stored.map((i) => i.version));
  });

  it('reports unreadable JSON lines and imports the rest', async () => {
    const store = new DynamoRecordStore(table.client, table.tableName, systemClock);
    const jsonl = [
      JSON.stringify({ ref: 'J1', employer: 'A', title: 'T', requiredSkills: ['PLC编程'], region: '110108', headcount: 1 }),
      '{not json',
      '[1,2]',
    ].join('\n');

    const summary = await makeImportRecords('demand', { store, clock: systemClock })(importer, readRows(Readable.from([jsonl]), 'jsonl', 'demand'), { format: 'jsonl' });

    expect(summary.written).toBe(1);
    expect(summary.rejected.map((r) => r.line)).toEqual([2, 3]);
  });
});

describe('skillbridge import command', () => {
  it('imports a file, prints the rejected rows and exits 1', async () => {
    const file = join(dir, 'demands.csv');
    writeFileSync(file, DEMANDS_CSV.replace(/D(\d)/g, 'CLI$1'));
    const report = join(dir, 'rejected.csv');

    const result = await run('node', ['bin/skillbridge.js', 'import', 'demands', file, '--endpoint', table.endpoint, '--table', table.tableName, '--report', report]).catch((e: { code: number; stdout: string }) => e);

    expect((result as { code?: number }).code).toBe(1);
    expect(result.stdout).toContain('6 rows read, 3 written, 0 unchanged, 3 rejected');
    expect(result.stdout).toMatch(/line 4 \(CLI3\), \/headcount: /);
    const csv = readFileSync(report, 'utf8');
    expect(csv.startsWith('\uFEFFline,ref,field,reason')).toBe(true);
  });

  it('exits 0 when every row lands', async () => {
    const file = join(dir, 'courses.jsonl');
    writeFileSync(file, `${JSON.stringify({ ref: 'K1', title: 'PLC入门', skillsTaught: ['PLC编程'], level: 1, hours: 40, mode: 'online', provider: '某中心', region: 'national' })}\n`);

    const result = await run('node', ['bin/skillbridge.js', 'import', 'courses', file, '--endpoint', table.endpoint, '--table', table.tableName]);

    expect(result.stdout).toContain('1 row read, 1 written');
  });
});
