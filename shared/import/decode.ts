/**
 * Text encodings of the files people export from Excel and WPS: UTF-8 with or without a BOM,
 * UTF-16 (Excel's "Unicode text", with a BOM), and GB18030 (a superset of GBK and GB2312: what
 * "CSV (逗号分隔)" saves on Chinese Windows). Browser-safe: only `TextDecoder`, which has GB18030
 * in browsers and in Node with full ICU.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A problem with the file as a whole (nothing of it is imported), in English and Chinese. */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'undecodable' | 'missing-columns' | 'duplicate-columns' | 'no-header' | 'unsupported' | 'unreadable',
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

const decoder = (encoding: TextEncodingName) => new TextDecoder(encoding, { fatal: true, ignoreBOM: true });

/** UTF-16 without a BOM: many NUL bytes, all on one side of each pair. */
function utf16WithoutBom(bytes: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** The first byte where `encoding` fails, found by halving (for the error message). */
function firstBadByte(bytes: Uint8Array, encoding: TextEncodingName): number {
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/**
 * Decodes a whole file: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-16 by its NUL bytes,
 * then UTF-8 when every byte sequence is valid UTF-8, then GB18030.
 *
 * @throws ImportFileError (`undecodable`) when the bytes are none of these, naming the line
 */
export function decodeBytes(bytes: Uint8Array): { readonly text: string; readonly encoding: TextEncodingName } {
  let encoding: TextEncodingName | undefined;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [encoding, start] = ['utf-8', 3];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else encoding = utf16WithoutBom(bytes);
  const body = bytes.subarray(start);
  const candidates: TextEncodingName[] = encoding ? [encoding] : ['utf-8', 'gb18030'];
  for (const candidate of candidates) {
    try {
      return { text: decoder(candidate).decode(body), encoding: candidate };
    } catch {
      // try the next candidate
    }
  }
  const last = candidates[candidates.length - 1]!;
  const at = firstBadByte(body, last);
  let line = 1;
  for (let i = 0; i < at; i++) if (body[i] === 0x0a) line++;
  const hex = (body[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  const names = candidates.map((c) => c.toUpperCase());
  throw new ImportFileError(
    'undecodable',
    `The file is not ${names.join(' or ')} text (byte 0x${hex} on line ${line}). Save it from Excel or WPS as "CSV UTF-8" and import it again.`,
    `文件不是 ${names.join(' 或 ')} 编码的文本（第${line}行的字节 0x${hex} 无法识别）。请在 Excel 或 WPS 中另存为“CSV UTF-8”后重新导入。`,
  );
}
