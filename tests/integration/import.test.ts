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
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { demandsTemplateCsv } from '../../web/src/lib/csv.js';
import { freshTable } from './table.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';

const run = promisify(execFile);
/** The CLI's words are English in these tests whatever the machine's locale. */
const ENGLISH = { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } };
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
    const store = new DynamoRecordStore(table.client, table.tableName, systemClock, { index: recordIndex });
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
    const store = new DynamoRecordStore(table.client, table.tableName, systemClock, { index: recordIndex });
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

    const result = await run('node', ['bin/skillbridge.js', 'import', 'demands', file, '--endpoint', table.endpoint, '--table', table.tableName, '--report', report], ENGLISH).catch((e: { code: number; stdout: string }) => e);

    expect((result as { code?: number }).code).toBe(1);
    expect(result.stdout).toContain('6 rows read, 3 written, 0 unchanged, 3 rejected');
    expect(result.stdout).toMatch(/line 4 \(CLI3\), \/headcount: /);
    const csv = readFileSync(report, 'utf8');
    expect(csv.startsWith('\uFEFFline,ref,field,reason')).toBe(true);
  });

  it('exits 0 when every row lands', async () => {
    const file = join(dir, 'courses.jsonl');
    writeFileSync(file, `${JSON.stringify({ ref: 'K1', title: 'PLC入门', skillsTaught: ['PLC编程'], level: 1, hours: 40, mode: 'online', provider: '某中心', region: 'national' })}\n`);

    const result = await run('node', ['bin/skillbridge.js', 'import', 'courses', file, '--endpoint', table.endpoint, '--table', table.tableName], ENGLISH);

    expect(result.stdout).toContain('1 row read, 1 written');
  });
});

type Run = { code?: number; stdout: string; stderr: string };
/** Runs the CLI against this file's table; answers its output and exit status (0 when it succeeded). */
const cli = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  run('node', ['bin/skillbridge.js', ...args, '--endpoint', table.endpoint, '--table', table.tableName], { env: { ...ENGLISH.env, ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: Run) => e,
  );
const demandsOf = async (prefix: string) => (await mainItems()).filter((i) => String(i.ref).startsWith(prefix));

/** What Excel and WPS save as "CSV" on Chinese Windows: GB18030, Chinese headers, Chinese region names. */
const CHINESE_ROWS = [
  ['编号', '单位名称', '岗位名称', '必需技能', '工作地点', '招聘人数', '备注'],
  ['{P}1', '延庆低空物流有限公司', '物流无人机驾驶员', '多旋翼无人机驾驶；无人机维修', '北京市延庆区', '3', '急招'],
  ['{P}2', '海淀数据标注中心', '数据标注员', '数据标注', '北京市海淀区', '2', ''],
];
const sheetText = (prefix: string, sep: string) => `${CHINESE_ROWS.map((r) => r.join(sep)).join('\r\n').replaceAll('{P}', prefix)}\r\n`;

describe('skillbridge import of files as Excel and WPS save them', () => {
  it('reads a GB18030 CSV with Chinese headers and stores the Chinese intact', async () => {
    // Prepare
    const file = join(dir, '岗位-gb18030.csv');
    writeFileSync(file, iconv.encode(sheetText('GB', ','), 'gb18030'));

    // Act
    const result = await cli(['import', 'demands', file]);

    // Assess
    expect(result.stdout).toContain('2 rows read, 2 written, 0 unchanged, 0 rejected');
    expect(result.stdout).toContain('Read as GB18030');
    expect(result.stdout).toContain('Columns ignored (not a demand column): 备注');
    expect(result.code).toBe(0);
    const stored = await demandsOf('GB');
    expect(stored.map((i) => [i.ref, i.title, i.employer, i.region]).sort()).toEqual([
      ['GB1', '物流无人机驾驶员', '延庆低空物流有限公司', '110119'],
      ['GB2', '数据标注员', '海淀数据标注中心', '110108'],
    ]);
  });

  it('reads UTF-16 LE tab-separated text (Excel "Unicode text")', async () => {
    const file = join(dir, 'unicode.txt');
    writeFileSync(file, iconv.encode(sheetText('U16-', '\t'), 'utf16le', { addBOM: true }));

    const result = await cli(['import', 'demands', file]);

    expect(result.stdout).toContain('2 rows read, 2 written');
    expect((await demandsOf('U16-')).map((i) => i.title).sort()).toEqual(['数据标注员', '物流无人机驾驶员']);
  });

  it('reads the first sheet of an .xlsx workbook, reporting bad rows by their sheet row', async () => {
    // Prepare
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('岗位');
    for (const row of CHINESE_ROWS) sheet.addRow(row.map((c) => c.replace('{P}', 'XL')));
    sheet.addRow(['XL3', '某公司', '焊工', '焊接', '火星市', 1]);
    const file = join(dir, '岗位.xlsx');
    await workbook.xlsx.writeFile(file);

    // Act
    const result = await cli(['import', 'demands', file]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('3 rows read, 2 written, 0 unchanged, 1 rejected');
    expect(result.stdout).toMatch(/line 4 \(XL3\), \/region: /);
    expect((await demandsOf('XL')).map((i) => i.ref).sort()).toEqual(['XL1', 'XL2']);
  });

  it('reports a malformed line by number and imports the lines around it', async () => {
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'ref,employer,title,requiredSkills,region,headcount\nBR1,甲,焊工,焊接,110108,1\nBR2,乙,"电工,110108,1\nBR3,丙,叉车司机,叉车驾驶,110108,2\n');

    const result = await cli(['import', 'demands', file]);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('3 rows read, 2 written, 0 unchanged, 1 rejected');
    expect(result.stdout).toMatch(/line 3, \/: A quote opened in cell 3 is never closed/);
    expect((await demandsOf('BR')).map((i) => i.ref).sort()).toEqual(['BR1', 'BR3']);
  });

  it('refuses an undecodable file with one line and exit 2, writing nothing', async () => {
    const file = join(dir, 'latin1.csv');
    writeFileSync(file, iconv.encode('ref,employer,title,requiredSkills,region,headcount\nLT1,Caf\u00e9,x,y,110108,1\n', 'win1252'));

    const result = await cli(['import', 'demands', file], { LANG: 'zh_CN.UTF-8' });

    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^skillbridge: 文件不是 UTF-8 或 GB18030 编码的文本（第2行/);
    expect(await demandsOf('LT')).toEqual([]);
  });

  it('imports the web page’s template, and `import template` writes the same file', async () => {
    // Prepare: the file the page's "download the template" button saves.
    const file = join(dir, '岗位模板.csv');
    writeFileSync(file, demandsTemplateCsv());

    // Act
    const template = await run('node', ['bin/skillbridge.js', 'import', 'template', 'demands']);
    const result = await cli(['import', 'demands', file]);

    // Assess
    expect(template.stdout).toBe(demandsTemplateCsv());
    expect(template.stdout.startsWith('\uFEFF编号,单位名称,岗位名称,')).toBe(true);
    expect(result.stdout).toContain('1 row read, 1 written, 0 unchanged, 0 rejected');
    expect(result.code).toBe(0);
  });
});

