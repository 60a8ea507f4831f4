/**
 * The extraction indexes of the bundled taxonomy, built at build time: `npm run gen:taxonomy`
 * writes them into ./data/indexes.generated.ts, and tests/unit/taxonomy/prebuilt.test.ts fails
 * when that copy no longer matches the taxonomy's JSON files.
 *
 * Why: building them in a Lambda (Porter stems of the vocabulary, character pairs of every term,
 * two tries) cost 50–150 ms of every extraction function's cold start. Unpacked, they cost a
 * Brotli decompression, a JSON.parse and map insertions, on first use. Compressed because bundle
 * size is part of cold start too: the JSON (~310 KB) is ~100 KB as base64 Brotli.
 */
import { brotliDecompressSync } from 'node:zlib';
import type { PackedExtractionIndex } from './extract.js';
import type { PackedFuzzyTerms } from './fuzzy.js';
import { PREBUILT_INDEXES } from './data/indexes.generated.js';

/** What ./data/indexes.generated.ts holds, as JSON text. */
export interface PrebuiltIndexes {
  readonly extraction: PackedExtractionIndex;
  readonly fuzzy: PackedFuzzyTerms;
}

let parsed: PrebuiltIndexes | null | undefined;

/** The prebuilt indexes, decoded on first call; null where none were generated (an empty module). */
export function prebuiltIndexes(): PrebuiltIndexes | null {
  if (parsed === undefined) {
    parsed = PREBUILT_INDEXES === '' ? null : (JSON.parse(brotliDecompressSync(Buffer.from(PREBUILT_INDEXES, 'base64')).toString('utf8')) as PrebuiltIndexes);
  }
  return parsed;
}
