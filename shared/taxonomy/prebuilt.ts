/**
 * The extraction index of the bundled taxonomy, built at build time: `npm run gen:taxonomy`
 * writes it into ./data/indexes.generated.ts, and tests/unit/taxonomy/prebuilt.test.ts fails when
 * that copy no longer matches the taxonomy's JSON files.
 *
 * Why: building it in a Lambda (Porter stems of the vocabulary, inflection bases, inversions, two
 * character tries) cost 50–150 ms of every extraction function's cold start. Unpacked, it costs a
 * Brotli decompression, a JSON.parse and map insertions, on first use. Compressed because bundle
 * size is part of cold start too: the JSON (~170 KB) is ~70 KB as base64 Brotli.
 */
import type { PackedExtractionIndex } from './extract.js';
import { decompressText } from './data/compressed.js';
import { PREBUILT_INDEXES } from './data/indexes.generated.js';

let parsed: PackedExtractionIndex | null | undefined;

/** The prebuilt extraction index, decoded on first call; null where none was generated (an empty module). */
export function prebuiltIndexes(): PackedExtractionIndex | null {
  if (parsed === undefined) {
    parsed = PREBUILT_INDEXES === '' ? null : (JSON.parse(decompressText(PREBUILT_INDEXES)) as PackedExtractionIndex);
  }
  return parsed;
}
