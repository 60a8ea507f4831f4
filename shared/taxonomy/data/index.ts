import type { TaxonomyData } from '../taxonomy.js';
import { decompressText } from './compressed.js';
import { unpackJson } from './pack.js';
import { PACKED_TAXONOMY } from './taxonomy.generated.js';

// The taxonomy data files (./sources.ts), packed by `npm run gen:taxonomy` and compressed
// (./compressed.ts): about 90 KB smaller in every bundle than the packed text alone, which was
// about 56 KB smaller than the JSON imports, and about as fast to load.
const data = unpackJson(decompressText(PACKED_TAXONOMY)) as TaxonomyData;

export const skillFiles = data.skillFiles;
export const occupationsFile = data.occupationsFile;
