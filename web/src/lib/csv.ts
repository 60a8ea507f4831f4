/**
 * Just enough CSV for files people export from Excel or WPS: quoted cells with commas, quotes and
 * line breaks, CRLF, a BOM, and GBK/GB18030 (what Excel on Chinese Windows saves as "CSV"). Every
 * row keeps the line number a person sees in their editor, so errors can point back to it.
 */

export interface CsvRow {
  /** 1-based line of the row's first character (the header is line 1). */
  readonly line: number;
  readonly cells: Record<string, string>;
}

export interface CsvFile {
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseCsv(text: string, aliases: Readonly<Record<string, string>> = {}): CsvFile {
  const src = text.replace(/^\uFEFF/, '');
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: start, cells });
  }
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...body] = nonEmpty;
  const headers = (head?.cells ?? []).map((h) => {
    const name = h.trim();
    return aliases[name] ?? name;
  });
  return {
    headers,
    rows: body.map((r) => ({
      line: r.line,
      cells: Object.fromEntries(headers.map((h, i) => [h, (r.cells[i] ?? '').trim()])),
    })),
  };
}
