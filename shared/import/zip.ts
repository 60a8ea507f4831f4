/**
 * A small reader of ZIP archives (PKWARE APPNOTE), enough for `.xlsx` workbooks: the central
 * directory, entries stored or deflated. Inflating goes through `DecompressionStream`, which
 * Node (≥ 20) and browsers both have, so the web page's upload check reads workbooks with the
 * same code as the import Lambda, without a ZIP package in either bundle.
 */

/** The archive is not a ZIP file this reader can read; the message says why. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

/** One file in an archive: its bytes, inflated on demand. */
export interface ZipEntry {
  readonly name: string;
  read(): Promise<Uint8Array>;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
// The end record is 22 bytes plus a comment of at most 65,535.
const MAX_END_RECORD = 22 + 0xffff;

/** Inflates raw DEFLATE data. */
async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The entries of a ZIP archive, by name.
 *
 * @throws ZipFormatError when the bytes are no ZIP archive, or use ZIP64 or a method other than
 *   stored or deflated
 */
export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - MAX_END_RECORD); at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('no ZIP end-of-central-directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not read');
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_FILE_HEADER) throw new ZipFormatError('damaged ZIP central directory');
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeader = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    entries.set(name, {
      name,
      read: async () => {
        if (localHeader + 30 > bytes.length || view.getUint32(localHeader, true) !== LOCAL_FILE_HEADER) throw new ZipFormatError(`damaged ZIP entry ${name}`);
        const start = localHeader + 30 + view.getUint16(localHeader + 26, true) + view.getUint16(localHeader + 28, true);
        if (start + compressedSize > bytes.length) throw new ZipFormatError(`truncated ZIP entry ${name}`);
        const data = bytes.subarray(start, start + compressedSize);
        if (method === STORED) return data;
        if (method === DEFLATED) return inflateRaw(data);
        throw new ZipFormatError(`ZIP entry ${name} uses compression method ${method}`);
      },
    });
  }
  return entries;
}
