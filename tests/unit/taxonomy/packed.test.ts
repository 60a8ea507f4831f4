import { describe, expect, it } from 'vitest';
import { decompressText } from '../../../shared/taxonomy/data/compressed.js';
import { bundledTaxonomyData } from '../../../shared/taxonomy/data/index.js';
import { taxonomySources } from '../../../shared/taxonomy/data/sources.js';
import { PACKED_TAXONOMY } from '../../../shared/taxonomy/data/taxonomy.generated.js';

describe('packed taxonomy', () => {
  it('holds exactly the JSON data files, key order included (regenerate with npm run gen:taxonomy when this fails)', () => {
    // Prepare
    const sources = taxonomySources();

    // Act / Assess
    expect(JSON.stringify(bundledTaxonomyData())).toBe(JSON.stringify(sources));
    expect(decompressText(PACKED_TAXONOMY)).toBe(JSON.stringify(sources));
  });
});
