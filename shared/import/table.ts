import { mapHeader, type ImportKind } from './columns.js';
import { parseCsvText } from './csv-text.js';
import { ImportFileError } from './decode.js';

/** How many rows from the top may hold the header. */
const HEADER_SEARCH = 10;

/** A data row keyed by field name (all strings), or why it could not be read. */
export type TableRow = { readonly line: number; readonly cells: Readonly<Record<string, string>> } | { readonly line: number; readonly error: string };

/** A sheet read against the column table: the data rows, and the header's ignored columns. */
export interface Table {
  readonly rows: readonly TableRow[];
  /** Header names that are no column of this kind; their cells are not imported. */
  readonly ignored: readonly string[];
}

/** A header row's first line and cells, and the data rows after it (cells by position). */
export type PositionalRow = { readonly line: number; readonly cells: readonly string[] } | { readonly line: number; readonly error: string };

/**
 * Reads rows against the header: Chinese or English column names in any order; title rows above
 * the header are skipped; a row with more filled cells than the header has columns is an error
 * (usually a comma outside quotes).
 *
 * @throws ImportFileError when there is no header, it lacks a required column or names one twice
 */
export function tableFromRows(kind: ImportKind, records: readonly PositionalRow[]): Table {
  // Bureau sheets often carry a title row or two (“2026年延庆区岗位需求表”) above the header: the
  // header is the first of the first rows naming the most columns (the first row when none names any).
  const known = records.slice(0, HEADER_SEARCH).map((r) => ('cells' in r ? mapHeader(kind, r.cells).fields.filter((f) => f !== undefined).length : 0));
  const at = known.indexOf(Math.max(0, ...known));
  const [head, ...body] = records.slice(Math.max(0, at));
  if (!head || 'error' in head) {
    throw new ImportFileError(
      'no-header',
      head ? `The header on line ${head.line} cannot be read: ${head.error}` : 'The file is empty: the first line must name the columns.',
      head ? `第${head.line}行的列名无法读取：${head.error}` : '文件是空的：第一行应当是列名。',
    );
  }
  const header = mapHeader(kind, head.cells);
  if (header.missing.length > 0) {
    const en = header.missing.map((c) => `${c.field} (${c.zh})`).join(', ');
    const zh = header.missing.map((c) => `${c.zh}（${c.field}）`).join('、');
    throw new ImportFileError(
      'missing-columns',
      `The header on line ${head.line} lacks the column${header.missing.length > 1 ? 's' : ''} ${en}. Columns: skillbridge import --help, or a template: skillbridge import template.`,
      `第${head.line}行的列名缺少：${zh}。可用的列见 skillbridge import --help，或用 skillbridge import template 生成模板。`,
    );
  }
  if (header.duplicates.length > 0) {
    throw new ImportFileError('duplicate-columns', `The header on line ${head.line} names ${header.duplicates.join(', ')} more than once.`, `第${head.line}行的列名中 ${header.duplicates.join('、')} 出现了不止一次。`);
  }
  const width = head.cells.length;
  const rows = body.map((record): TableRow => {
    if ('error' in record) return record;
    const extra = record.cells.slice(width).filter((c) => c.trim() !== '').length;
    if (extra > 0) {
      return { line: record.line, error: `This line has ${extra} more filled cell${extra > 1 ? 's' : ''} than the header has columns: a comma inside a cell needs the cell in quotes.` };
    }
    const cells: Record<string, string> = {};
    header.fields.forEach((field, i) => {
      if (field !== undefined) cells[field] = record.cells[i] ?? '';
    });
    return { line: record.line, cells };
  });
  return { rows, ignored: header.ignored };
}

/** Reads decoded CSV or tab-separated text of one kind of record. */
export const tableFromText = (kind: ImportKind, text: string): Table => tableFromRows(kind, parseCsvText(text));
