import { COLUMNS, type ImportKind } from './columns.js';
import { csvDocument } from '../csv/writer.js';

/**
 * A CSV template for one kind: UTF-8 with a BOM (Excel and WPS open it cleanly), the Chinese
 * column names, and one example row. Browser-safe: the web page's "download the template" and
 * `skillbridge import template` write the same file.
 */
export function templateCsv(kind: ImportKind, headers: 'zh' | 'en' = 'zh'): string {
  const columns = COLUMNS[kind];
  return csvDocument(columns.map((c) => (headers === 'zh' ? c.zh : c.field)), [columns.map((c) => c.example)]);
}
