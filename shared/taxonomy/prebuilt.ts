/**
 * The extraction index of the bundled taxonomy, built at build time: `npm run gen:taxonomy`
 * writes it into ./data/indexes.generated.ts, and tests/unit/taxonomy/prebuilt.test.ts fails when
 * that copy no longer matches the taxonomy's JSON files.
 *
 * Why: building it in a Lambda (Porter stems of the vocabulary, inflection bases, inversions, two
 * character tries) cost 50–150 ms of every extraction function's cold start. The generated module
 * is an object literal of a few strings, read where they lie (`unpackExtractionIndex`): no
 * decompression and no JSON.parse. Not compressed, because inflating it cost more CPU than reading
 * the extra bytes of the bundle does (docs/cold-start.md).
 */
import type { PackedExtractionIndex } from './extract.js';
import { PREBUILT_INDEXES } from './data/indexes.generated.js';

/** The prebuilt extraction index; null where none was generated. */
export function prebuiltIndexes(): PackedExtractionIndex | null {
  return PREBUILT_INDEXES;
}
