/**
 * Generated data modules hold their text as base64 Brotli: about a third of the JSON's bytes in
 * every bundle that carries them, for a millisecond or two of decompression on first use (bundle
 * size is read and parsed at every cold start, so it costs time too).
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/**
 * Text → base64 Brotli at the best setting. Another Brotli version may compress the same text to
 * other bytes, so staleness tests compare decompressed text, never these strings.
 */
export function compressText(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).toString('base64');
}

/** The text {@link compressText} compressed. */
export function decompressText(base64: string): string {
  return brotliDecompressSync(Buffer.from(base64, 'base64')).toString('utf8');
}
