import type ExcelJS from 'exceljs';
import { ImportFileError } from './decode.js';
import type { PositionalRow } from './table.js';

/** A cell's value as the text a person sees (rich text joined, a formula's result, dates as ISO 8601). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value && value.result !== undefined ? cellText(value.result as ExcelJS.CellValue) : '';
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

/**
 * The first worksheet of an `.xlsx` workbook as rows of cell text, each with its row number (the
 * "line" a person sees in Excel or WPS). Blank rows are skipped, as in CSV.
 *
 * @throws ImportFileError (`unreadable`) when the bytes are not an xlsx workbook
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<PositionalRow[]> {
  // Loaded on the first workbook only: most imports are CSV, and exceljs is about a quarter of the import function's bundle.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // JSZip, under exceljs, takes a Uint8Array in Node and in browsers alike.
    await workbook.xlsx.load(bytes as never);
  } catch (err) {
    throw new ImportFileError(
      'unreadable',
      `The file cannot be read as an .xlsx workbook (${(err as Error).message}). Older .xls files: save them as .xlsx or CSV UTF-8.`,
      `文件无法按 .xlsx 工作簿读取（${(err as Error).message}）。旧版 .xls 文件请另存为 .xlsx 或 CSV UTF-8。`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: PositionalRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((cell) => cell !== '')) rows.push({ line: rowNumber, cells });
  });
  return rows;
}
