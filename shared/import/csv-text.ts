/**
 * CSV (or tab-separated text, as Excel's "Unicode text" saves) read record by record, each with the
 * line a person sees in their editor. A malformed record is reported on its line and reading goes
 * on with the next one: one bad line never hides the good lines around it. Browser-safe.
 */

/** Excel's longest cell, in characters. */
const MAX_CELL = 32_767;

/** One record: its cells, or why it could not be read. */
export type TextRecord = { readonly line: number; readonly cells: readonly string[] } | { readonly line: number; readonly error: string };

/** `\t` when the first line has more tabs than commas outside quotes, else `,`. */
export function detectDelimiter(text: string): ',' | '\t' {
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === '\t') tabs++;
    else if (!quoted && ch === ',') commas++;
  }
  return tabs > commas ? '\t' : ',';
}

/**
 * Splits text into records (RFC 4180 quoting: `"…"` cells may hold the delimiter, `""` and line
 * breaks; CRLF, LF or CR line ends). A BOM is dropped, blank lines are skipped, cells are trimmed.
 * A quote never closed, or text right after a closing quote, makes that record an error; an
 * unclosed quote's record ends at its own line, so the lines after it are read as records again.
 */
export function parseCsvText(input: string, delimiter: ',' | '\t' = detectDelimiter(input.replace(/^\uFEFF/, ''))): TextRecord[] {
  const src = input.replace(/^\uFEFF/, '');
  const records: TextRecord[] = [];
  let pos = 0;
  let line = 1;
  while (pos < src.length) {
    const startLine = line;
    const startPos = pos;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let wasQuoted = false;
    let error: string | undefined;
    let ended = false;
    while (pos < src.length) {
      const ch = src[pos]!;
      if (quoted) {
        if (ch === '"') {
          if (src[pos + 1] === '"') {
            cell += '"';
            pos += 2;
            continue;
          }
          quoted = false;
          pos++;
          continue;
        }
        if (ch === '\n' || (ch === '\r' && src[pos + 1] !== '\n')) line++;
        cell += ch;
        pos++;
        // No spreadsheet cell is longer: a quote still open here was never meant to be closed.
        if (cell.length > MAX_CELL) break;
        continue;
      }
      if (ch === '"' && cell.trim() === '' && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        cell = '';
        pos++;
        continue;
      }
      if (ch === delimiter) {
        cells.push(wasQuoted ? cell : cell.trim());
        cell = '';
        wasQuoted = false;
        pos++;
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        pos += ch === '\r' && src[pos + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
        break;
      }
      if (wasQuoted && ch.trim() !== '') error ??= `Text after a closing quote in cell ${cells.length + 1}: put the whole cell in quotes and double any quote inside it ("").`;
      cell += ch;
      pos++;
    }
    if (quoted) {
      // The quote runs to the end of the file (or past any real cell): report this record, and read on from its next line.
      records.push({ line: startLine, error: `A quote opened in cell ${cells.length + 1} is never closed; this line is not imported.` });
      const newline = src.slice(startPos).search(/\r\n|\n|\r/);
      if (newline < 0) break;
      pos = startPos + newline + (src.startsWith('\r\n', startPos + newline) ? 2 : 1);
      line = startLine + 1;
      continue;
    }
    cells.push(wasQuoted ? cell : cell.trim());
    if (error) records.push({ line: startLine, error });
    else if (cells.some((c) => c.trim() !== '')) records.push({ line: startLine, cells });
    if (!ended) break;
  }
  return records;
}
