import type { ImportSummary } from '../use-cases/import-records.js';

/** Quotes a CSV cell when it needs it. */
const cell = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));

/** The rejected rows as CSV with a BOM, so Excel and WPS open the Chinese cleanly. */
export function rejectedCsv(summary: ImportSummary): string {
  const lines = ['line,ref,field,reason', ...summary.rejected.flatMap((r) => r.errors.map((e) => [r.line, r.ref ?? '', e.path, e.message].map(cell).join(',')))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
