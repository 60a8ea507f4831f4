import type { Readable } from 'node:stream';
import type { ImportKind } from './columns.js';
import { decodeBytes, ImportFileError } from './decode.js';
import { tableFromText, tableFromRows, type Table } from './table.js';
import { readXlsxRows } from './xlsx.js';

export type ImportFormat = 'csv' | 'jsonl' | 'xlsx';

/** A file's bytes as a stream or chunks (`Uint8Array`, or text taken as UTF-8). */
export type ImportInput = Readable | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** One row of an import file: its value, or why it could not even be read. */
export type RawRow = { readonly line: number; readonly value: Record<string, unknown> } | { readonly line: number; readonly error: string };

/** The format a file name implies, or undefined. */
export function formatOf(fileName: string): ImportFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

/** A whole file's bytes (imports are read whole: the encoding is decided over all of it). */
export async function readAll(input: ImportInput): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of input as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks);
}

/** An opened import file: its rows, ignored columns and encoding, for the summary. */
export interface OpenedFile {
  readonly rows: readonly RawRow[];
  /** Header names that are no column of this kind (CSV and xlsx). */
  readonly ignoredColumns: readonly string[];
  /** The text encoding found (CSV and JSON Lines). */
  readonly encoding?: string;
}

function jsonLines(text: string): RawRow[] {
  const rows: RawRow[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    try {
      const value: unknown = JSON.parse(trimmed);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) rows.push({ line, error: 'Each line must be one JSON object.' });
      else rows.push({ line, value: value as Record<string, unknown> });
    } catch (err) {
      rows.push({ line, error: `Not valid JSON: ${(err as Error).message}` });
    }
  });
  return rows;
}

const fromTable = (table: Table): RawRow[] => table.rows.map((r) => ('error' in r ? r : { line: r.line, value: { ...r.cells } }));

/**
 * Opens an import file of one kind: CSV or tab-separated text (UTF-8 with or without BOM, UTF-16,
 * GB18030; Chinese or English headers), `.xlsx` (first sheet) or JSON Lines. Rows keep the line
 * (or sheet row) a person sees; a malformed row is an error row and the rows around it still read.
 *
 * @throws ImportFileError when the file as a whole cannot be read (encoding, header)
 */
export async function openImportFile(input: ImportInput, format: ImportFormat, kind: ImportKind): Promise<OpenedFile> {
  const bytes = await readAll(input);
  if (format === 'xlsx') {
    const table = tableFromRows(kind, await readXlsxRows(bytes));
    return { rows: fromTable(table), ignoredColumns: table.ignored };
  }
  const { text, encoding } = decodeBytes(bytes);
  if (format === 'jsonl') return { rows: jsonLines(text), ignoredColumns: [], encoding };
  const table = tableFromText(kind, text);
  return { rows: fromTable(table), ignoredColumns: table.ignored, encoding };
}

/** Rows already read, as the async iterable the import use case takes. */
export async function* eachRow(rows: readonly RawRow[]): AsyncGenerator<RawRow> {
  yield* rows;
}

/** The rows of an import file, one at a time (see `openImportFile`). */
export async function* readRows(input: ImportInput, format: ImportFormat, kind: ImportKind): AsyncGenerator<RawRow> {
  yield* (await openImportFile(input, format, kind)).rows;
}

export { ImportFileError };
