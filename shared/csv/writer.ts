/**
 * The one CSV writer: every CSV the project writes (the import report, campaign results, the
 * web pages' template) goes through it. Files open cleanly in Excel and WPS: UTF-8 with a
 * byte-order mark (without it both read Chinese as GBK), CRLF line ends, quoting where needed.
 *
 * Formula guard (CSV injection): a text cell starting with `=`, `+`, `-`, `@`, their full-width
 * forms `＝＋－＠` (spreadsheets in Chinese locales normalise them), a tab or a carriage return is
 * prefixed with `'`, so a spreadsheet shows it as text and never runs it (`=HYPERLINK(…)` in a
 * rejected row's ref, `-2+3` in an employer's name). Numbers are written as numbers.
 */

/** The byte-order mark that tells Excel and WPS the file is UTF-8. */
export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One cell: empty for null/undefined, formula-guarded, quoted when it holds `"`, `,` or a line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of cells (no line end). */
export const csvLine = (values: readonly CsvValue[]): string => values.map(csvCell).join(',');

/** A whole document: BOM, the header, the rows, CRLF after every line. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
