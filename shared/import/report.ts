import type { ImportSummary } from '../use-cases/import-records.js';
import { csvDocument } from './csv-cell.js';

/** The rejected rows as CSV with a BOM, so Excel and WPS open the Chinese cleanly. */
export function rejectedCsv(summary: ImportSummary): string {
  return csvDocument([['line', 'ref', 'field', 'reason'], ...summary.rejected.flatMap((r) => r.errors.map((e) => [r.line, r.ref ?? '', e.path, e.message]))]);
}
