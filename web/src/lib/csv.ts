/**
 * The page's spreadsheet reading is the server's import core (shared/import), imported as is:
 * the same encodings (UTF-8, UTF-16, GB18030), the same header names in Chinese and English, the
 * same row errors with line numbers, and the same template as `skillbridge import template`.
 */
import { decodeBytes } from '../../../shared/import/decode.js';
import { tableFromRows, tableFromText, type Table } from '../../../shared/import/table.js';
import { templateCsv } from '../../../shared/import/template.js';

export { ImportFileError } from '../../../shared/import/decode.js';
export type { Table, TableRow } from '../../../shared/import/table.js';

/** Reads an uploaded demands file. @throws ImportFileError when the file as a whole cannot be read */
export function readDemandsFile(bytes: ArrayBuffer): Table {
  return tableFromText('demand', decodeBytes(new Uint8Array(bytes)).text);
}

/** Reads an uploaded `.xlsx` workbook of demands (first sheet); the workbook reader is loaded only then. */
export async function readDemandsWorkbook(bytes: ArrayBuffer): Promise<Table> {
  const { readXlsxRows } = await import('../../../shared/import/xlsx.js');
  return tableFromRows('demand', await readXlsxRows(new Uint8Array(bytes)));
}

/** The demands template the page offers: UTF-8 with a BOM, Chinese headers, one example row. */
export const demandsTemplateCsv = (): string => templateCsv('demand');
