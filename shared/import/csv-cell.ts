/**
 * One CSV cell, quoted when it must be. A text cell starting with `=`, `+`, `-`, `@`, tab or CR is
 * prefixed with `'`: spreadsheets would otherwise run it as a formula (CSV injection through a
 * ref or a name). Every CSV this project writes goes through here. Browser-safe.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The byte-order mark that tells Excel and WPS a CSV is UTF-8 (without it both read GBK). */
export const BOM = '\uFEFF';

/** A CSV document: BOM, CRLF line ends, every cell through `csvCell`. */
export const csvDocument = (rows: readonly (readonly (string | number | null | undefined)[])[]): string => `${BOM}${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
