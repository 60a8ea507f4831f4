import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../../shared/import/xlsx.js';
import { readZip } from '../../../shared/import/zip.js';

/** The rows exceljs reads from a workbook, as the reader before this one turned them into text. */
async function rowsByExceljs(bytes: Uint8Array): Promise<Array<{ line: number; cells: string[] }>> {
  const text = (value: ExcelJS.CellValue): string => {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString();
    if (typeof value !== 'object') return String(value).trim();
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('formula' in value || 'sharedFormula' in value) return 'result' in value && value.result !== undefined ? text(value.result as ExcelJS.CellValue) : '';
    return '';
  };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const rows: Array<{ line: number; cells: string[] }> = [];
  workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(text(row.getCell(c).value));
    if (cells.some((cell) => cell !== '')) rows.push({ line, cells });
  });
  return rows;
}

/** A ZIP archive of stored (uncompressed) entries, as some tools write them. */
function storedZip(files: Record<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = encoder.encode(name);
    const data = encoder.encode(content);
    const local = new Uint8Array(30 + nameBytes.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(data, 30 + nameBytes.length);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('readXlsxRows', () => {
  it('reads what exceljs read from the same workbook: numbers, dates, booleans, formulas, rich text, gaps and blank rows', async () => {
    // Prepare
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('学员');
    sheet.addRow(['编号', '姓名', '技能', '入职日期', '在职', '工龄', '备注']);
    sheet.addRow(['L1', '王芳', 'Python；数据标注', new Date(Date.UTC(2026, 2, 15)), true, 3.5, '  前后空格  ']);
    sheet.addRow(['L2', { richText: [{ text: '李', font: { bold: true } }, { text: '强' }] }, '叉车 & 仓储 <高级>', new Date(Date.UTC(2025, 11, 1, 8, 30)), false, { formula: 'F2*2', result: 7 }]);
    sheet.getCell('G3').value = { formula: 'A2&"x"', result: 'L1x' };
    sheet.addRow([]);
    sheet.getCell('A5').value = 'L3';
    sheet.getCell('D5').value = 46000;
    sheet.getCell('D5').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('E5').value = 0.25;
    sheet.getCell('E5').numFmt = '0.00%';
    sheet.getCell('J5').value = '远处的格';
    sheet.getCell('B6').value = { formula: 'NA()', result: { error: '#N/A' } };
    sheet.getCell('C6').value = 'line1\nline2';
    workbook.addWorksheet('说明').addRow(['不读这一页']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    // Act
    const rows = await readXlsxRows(bytes);

    // Assess
    expect(rows).toEqual(await rowsByExceljs(bytes));
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 5, 6]);
    expect(rows[1]).toEqual({ line: 2, cells: ['L1', '王芳', 'Python；数据标注', '2026-03-15T00:00:00.000Z', 'true', '3.5', '前后空格'] });
    expect(rows[3]).toMatchObject({ cells: ['L3', '', '', '2025-12-09T00:00:00.000Z', '0.25', '', '', '', '', '远处的格'] });
  });

  it('reads inline strings, namespace prefixes, stored entries and phonetic guides from a hand-made workbook', async () => {
    // Prepare: what some non-Excel writers produce.
    const bytes = storedZip({
      '_rels/.rels': '<?xml version="1.0"?><Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/main.xml"/></Relationships>',
      'book/main.xml': '<x:workbook xmlns:x="s" xmlns:r="r"><x:sheets><x:sheet name="B" sheetId="2" r:id="rB"/><x:sheet name="A" sheetId="1" r:id="rA"/></x:sheets></x:workbook>',
      'book/_rels/main.xml.rels': '<Relationships><Relationship Id="rA" Target="a.xml"/><Relationship Id="rB" Target="sheets/b.xml"/><Relationship Id="rS" Target="strings/sharedStrings.xml"/></Relationships>',
      'book/strings/sharedStrings.xml': '<sst><si><t>岗位</t></si><si><r><t>无人</t></r><r><t xml:space="preserve">机 </t></r><rPh><t>ムジン</t></rPh></si></sst>',
      'book/sheets/b.xml':
        '<x:worksheet><x:sheetData><x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>A&amp;B &lt;1&gt; _x000D_</x:t></x:is></x:c><x:c r="C3" t="s"><x:v>1</x:v></x:c></x:row><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>岗位</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      'book/a.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>不读</t></is></c></row></sheetData></worksheet>',
    });

    // Act
    const rows = await readXlsxRows(bytes);

    // Assess: the first sheet in workbook order, not by id or file name.
    expect(rows).toEqual([
      { line: 3, cells: ['', 'A&B <1>', '无人机'] },
      { line: 4, cells: ['岗位', '岗位'] },
    ]);
  });

  it('explains a file that is not a workbook, a damaged archive and an archive without a workbook', async () => {
    // Prepare
    const good = new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer());
    const truncated = good.slice(0, Math.floor(good.length / 2));
    const noWorkbook = storedZip({ 'readme.txt': 'hello' });

    // Act / Assess
    await expect(readXlsxRows(new TextEncoder().encode('ref,title\n'))).rejects.toMatchObject({ code: 'unreadable' });
    await expect(readXlsxRows(truncated)).rejects.toMatchObject({ code: 'unreadable' });
    await expect(readXlsxRows(noWorkbook)).rejects.toMatchObject({ code: 'unreadable', message: expect.stringContaining('no workbook part') });
  });
});

describe('readZip', () => {
  it('inflates deflated entries and names each entry', async () => {
    // Prepare
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('s').addRow(['x'.repeat(5000)]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    // Act
    const entries = readZip(bytes);
    const sheet = new TextDecoder().decode(await entries.get('xl/worksheets/sheet1.xml')!.read());
    const strings = new TextDecoder().decode(await entries.get('xl/sharedStrings.xml')!.read());

    // Assess
    expect([...entries.keys()]).toContain('[Content_Types].xml');
    expect(sheet).toContain('<sheetData>');
    expect(strings).toContain('x'.repeat(5000));
  });
});
