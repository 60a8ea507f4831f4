/**
 * The extraction index of the bundled taxonomy, built at build time: `npm run gen:taxonomy`
 * writes it into ./data/indexes.generated.ts, and tests/unit/taxonomy/prebuilt.test.ts fails when
 * that copy no longer matches the taxonomy's JSON files.
 *
 * Why: building it in a Lambda (Porter stems of the vocabulary, inflection bases, inversions, two
 * character tries) cost 50–150 ms of every extraction function's cold start. The packed index is
 * a few strings, read where they lie (`unpackExtractionIndex`). It is kept as base64 Brotli and
 * inflated and parsed once, on the first extraction (about 2 ms of CPU): plain, its 175 KB made
 * the import function's bundle 1,020 KB of the 1,024 KB aim, and every new taxonomy word added to
 * it (docs/cold-start.md).
 */
import { decompressText } from './data/compressed.js';
import { PACKED_INDEXES } from './data/indexes.generated.js';
import type { PackedExtractionIndex } from './extract.js';

let unpacked: PackedExtractionIndex | null | undefined;

/** The prebuilt extraction index; null where none was generated. */
export function prebuiltIndexes(): PackedExtractionIndex | null {
  if (unpacked === undefined) unpacked = PACKED_INDEXES === null ? null : (JSON.parse(decompressText(PACKED_INDEXES)) as PackedExtractionIndex);
  return unpacked;
}
