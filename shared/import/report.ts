import { csvDocument } from '../csv/writer.js';
import type { ImportSummary } from '../use-cases/import-records.js';

/**
 * The rejected rows as CSV (shared/csv/writer.ts: BOM for Excel and WPS, formula guard: a
 * rejected row's ref or text is whatever the file said, `=HYPERLINK(…)` included).
 */
export function rejectedCsv(summary: ImportSummary): string {
  return csvDocument(
    ['line', 'ref', 'field', 'reason'],
    summary.rejected.flatMap((r) => r.errors.map((e) => [r.line, r.ref ?? '', e.path, e.message])),
  );
}
