import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export type ImportFormat = 'csv' | 'jsonl';

/** One row of an import file: its value, or why it could not even be read. */
export type RawRow = { readonly line: number; readonly value: Record<string, unknown> } | { readonly line: number; readonly error: string };

/** The format a file name implies, or undefined. */
export function formatOf(fileName: string): ImportFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  return undefined;
}

/**
 * Reads CSV (UTF-8, with or without the BOM Excel and WPS write; header row of contract field
 * names) or JSON Lines, yielding rows with the line number a person sees in their editor.
 */
export async function* readRows(input: Readable, format: ImportFormat): AsyncGenerator<RawRow> {
  if (format === 'jsonl') {
    let line = 0;
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      line++;
      const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
      if (trimmed === '') continue;
      try {
        const value: unknown = JSON.parse(trimmed);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) yield { line, error: 'Each line must be one JSON object.' };
        else yield { line, value: value as Record<string, unknown> };
      } catch (err) {
        yield { line, error: `Not valid JSON: ${(err as Error).message}` };
      }
    }
    return;
  }
  const parser = input.pipe(
    parse({ bom: true, columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true, trim: true, relax_column_count: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { line: info.lines, value: record };
    }
  } catch (err) {
    // csv-parse stops at a broken quote; report it on its line and end the file there.
    const e = err as Error & { lines?: number };
    yield { line: e.lines ?? 0, error: `The CSV cannot be read past here: ${e.message}` };
  }
}
