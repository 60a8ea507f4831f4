import type { TaxonomyData } from '../taxonomy.js';
import { decompressText } from './compressed.js';
import { unpackJson } from './pack.js';
import { PACKED_TAXONOMY } from './taxonomy.generated.js';

let data: TaxonomyData | undefined;

/**
 * The taxonomy data files (./sources.ts), packed by `npm run gen:taxonomy` and compressed
 * (./compressed.ts): about 90 KB smaller in every bundle than the packed text alone, which was
 * about 56 KB smaller than the JSON imports. Decoded on first call, not at import: many functions
 * bundle the taxonomy without reading it during a cold start.
 */
export function bundledTaxonomyData(): TaxonomyData {
  data ??= unpackJson(decompressText(PACKED_TAXONOMY)) as TaxonomyData;
  return data;
}
