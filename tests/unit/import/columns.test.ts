import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, IMPORT_KINDS, mapHeader, normaliseHeader } from '../../../shared/import/columns.js';
import { ImportFileError } from '../../../shared/import/decode.js';
import { tableFromText } from '../../../shared/import/table.js';
import { templateCsv } from '../../../shared/import/template.js';
import { readXlsxRows } from '../../../shared/import/xlsx.js';
import { csvRowToRecord } from '../../../shared/import/csv-fields.js';
import { CourseInputSchema } from '../../../shared/schemas/course.js';
import { DemandInputSchema } from '../../../shared/schemas/demand.js';
import { LearnerInputSchema } from '../../../shared/schemas/learner.js';

/** The object's fields under any preprocess or transform wrapped around it. */
function objectShape(schema: unknown): Record<string, unknown> {
  const s = schema as { shape?: Record<string, unknown>; in?: unknown; out?: unknown; def?: { in?: unknown; out?: unknown; getter?: () => unknown } };
  if (s.shape) return s.shape;
  // Request schemas that most functions never read are z.lazy (built on first use): look inside.
  for (const inner of [s.in, s.out, s.def?.in, s.def?.out, s.def?.getter?.()]) {
    if (inner && typeof inner === 'object') {
      try {
        return objectShape(inner);
      } catch {
        // not this side
      }
    }
  }
  throw new Error('no object schema inside');
}

const SCHEMAS = { demand: DemandInputSchema, learner: LearnerInputSchema, course: CourseInputSchema };

describe('import column table', () => {
  it.each(IMPORT_KINDS)('has exactly one column for every field of the %s schema', (kind) => {
    const fields = COLUMNS[kind].map((c) => c.field);

    // A schema with a transform after it (learners: wishes move to wants) keeps its fields on `in`.
    const shape = objectShape(SCHEMAS[kind]);
    expect([...fields].sort()).toEqual(Object.keys(shape).sort());
  });

  it.each(IMPORT_KINDS)('gives every %s header name to one column only', (kind) => {
    const names = COLUMNS[kind].flatMap((c) => [c.field, c.zh, ...c.aliases].map(normaliseHeader));

    expect(new Set(names).size).toBe(names.length);
  });

  it('maps Chinese and English names in any order, marked required or annotated, and lists unknown ones', () => {
    const header = mapHeader('demand', ['岗位名称（必填）', 'Required Skills', '*编号', 'employer', '工作地点', '招聘人数', '备注']);

    expect(header.fields).toEqual(['title', 'requiredSkills', 'ref', 'employer', 'region', 'headcount', undefined]);
    expect(header.ignored).toEqual(['备注']);
    expect(header.missing).toEqual([]);
  });

  it('refuses a header lacking required columns, naming them in both languages', () => {
    const read = () => tableFromText('demand', '编号,岗位名称\nD1,焊工\n');

    expect(read).toThrow(ImportFileError);
    expect(read).toThrow(/employer \(单位名称\).*requiredSkills \(必需技能\)/);
  });

  it('finds the header below title rows, and keeps the file’s line numbers', () => {
    const table = tableFromText('demand', '2026年延庆区岗位需求表,,,,,\n填报单位：延庆区人社局,,,,,\n编号,单位名称,岗位名称,必需技能,工作地点,招聘人数\nT1,甲,焊工,焊接,110119,1\n');

    expect(table.rows).toEqual([{ line: 4, cells: { ref: 'T1', employer: '甲', title: '焊工', requiredSkills: '焊接', region: '110119', headcount: '1' } }]);
  });

  it('names the header’s own line when the header below a title row lacks a column', () => {
    const read = () => tableFromText('demand', '岗位需求表\n编号,单位名称,岗位名称,必需技能,工作地点\nT1,甲,焊工,焊接,110119\n');

    expect(read).toThrow(/^The header on line 2 lacks the column headcount \(招聘人数\)/);
  });

  it('rejects a row with more filled cells than the header, and keeps the others', () => {
    const table = tableFromText('demand', '编号,单位名称,岗位名称,必需技能,工作地点,招聘人数\nD1,甲,焊工,焊接,110108,1\nD2,乙,电工,电工,维修,110108,1\nD3,丙,叉车司机,叉车驾驶,110108,2\n');

    expect(table.rows.map((r) => ('error' in r ? `error ${r.line}` : r.cells.ref))).toEqual(['D1', 'error 3', 'D3']);
  });

  it.each(IMPORT_KINDS)('writes a %s template (BOM, Chinese headers) whose example row is a valid record', (kind) => {
    const csv = templateCsv(kind);

    const table = tableFromText(kind, csv.slice(1));
    const [row] = table.rows;

    expect(csv.startsWith(`\uFEFF${COLUMNS[kind][0]!.zh},`)).toBe(true);
    expect(table.ignored).toEqual([]);
    expect(row && 'cells' in row ? SCHEMAS[kind].safeParse(csvRowToRecord(kind, row.cells)).error : 'no row').toBeUndefined();
  });

  it('reads Chinese names of groups and course modes', () => {
    expect(csvRowToRecord('learner', { group: '农民工' })).toEqual({ group: 'migrant_worker' });
    expect(csvRowToRecord('course', { mode: '线下' })).toEqual({ mode: 'offline' });
    expect(csvRowToRecord('course', { mode: '函授' })).toEqual({ mode: '函授' });
  });
});

describe('readXlsxRows', () => {
  it('reads the first sheet of a workbook exceljs wrote, with sheet row numbers, rich text and formula results', async () => {
    // Prepare
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('岗位');
    sheet.addRow(['编号', '单位名称', '岗位名称', '必需技能', '工作地点', '招聘人数']);
    sheet.addRow(['X1', { richText: [{ text: '延庆' }, { text: '物流' }] }, '无人机驾驶员', '多旋翼无人机驾驶;无人机维修', '北京市延庆区', 3]);
    sheet.addRow([]);
    sheet.addRow(['X2', '海淀数据', '数据标注员', '数据标注', 110108, { formula: '1+1', result: 2 }]);
    workbook.addWorksheet('说明').addRow(['不读这一页']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    // Act
    const rows = await readXlsxRows(bytes);

    // Assess
    expect(rows).toEqual([
      { line: 1, cells: ['编号', '单位名称', '岗位名称', '必需技能', '工作地点', '招聘人数'] },
      { line: 2, cells: ['X1', '延庆物流', '无人机驾驶员', '多旋翼无人机驾驶;无人机维修', '北京市延庆区', '3'] },
      { line: 4, cells: ['X2', '海淀数据', '数据标注员', '数据标注', '110108', '2'] },
    ]);
  });

  it('explains a file that is not a workbook', async () => {
    await expect(readXlsxRows(new TextEncoder().encode('ref,title\n'))).rejects.toMatchObject({ code: 'unreadable' });
  });
});
