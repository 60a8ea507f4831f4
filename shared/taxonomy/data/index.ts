import type { TaxonomyData } from '../taxonomy.js';
import { decompressText } from './compressed.js';
import { PACKED_TAXONOMY } from './taxonomy.generated.js';

let data: TaxonomyData | undefined;

/**
 * The taxonomy data files (./sources.ts), as one JSON text compressed by `npm run gen:taxonomy`
 * (./compressed.ts): about 55 KB in every bundle that carries it. Decoded on first call, not at
 * import: many functions bundle the taxonomy without reading it during a cold start. Plain JSON,
 * because JSON.parse builds the objects faster than any decoding written in JavaScript could.
 */
export function bundledTaxonomyData(): TaxonomyData {
  data ??= JSON.parse(decompressText(PACKED_TAXONOMY)) as TaxonomyData;
  return data;
}
