import { describe, expect, it } from 'vitest';
import { decompressText } from '../../../shared/taxonomy/data/compressed.js';
import { bundledTaxonomyData } from '../../../shared/taxonomy/data/index.js';
import { packJson, unpackJson, type Json } from '../../../shared/taxonomy/data/pack.js';
import { taxonomySources } from '../../../shared/taxonomy/data/sources.js';
import { PACKED_TAXONOMY } from '../../../shared/taxonomy/data/taxonomy.generated.js';

describe('packed taxonomy', () => {
  it('holds exactly the JSON data files, key order included (regenerate with npm run gen:taxonomy when this fails)', () => {
    // Prepare
    const sources = taxonomySources();

    // Act / Assess
    expect(JSON.stringify(bundledTaxonomyData())).toBe(JSON.stringify(sources));
    expect(decompressText(PACKED_TAXONOMY)).toBe(packJson(sources as never));
  });
});

describe('packJson / unpackJson', () => {
  it('give back every kind of JSON value, key order included', () => {
    // Prepare: repeated strings (shared), lists of strings (joined) and lists that cannot be joined.
    const value: Json = {
      version: '2026.1',
      empty: [],
      blanks: ['', 'x'],
      mixed: ['a', 1, true, null, { a: 1 }],
      list: ['repeated', 'only-here'],
      nested: [
        { id: 'repeated', level: 3, note: null, flag: false, tags: ['t1', 't2'] },
        { level: 0, id: 'repeated', deep: { zh: '数据标注', en: 'Data annotation', more: [[1, 2], []] } },
      ],
      short: ['ab', 'ab'],
      zero: 0,
      fraction: 2.5,
      emptyText: '',
    };

    // Act
    const back = unpackJson(packJson(value));

    // Assess
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
  });

  it('writes each key list and each repeated string once', () => {
    // Prepare
    const rows = Array.from({ length: 50 }, (_, i) => ({ skill: 'machine-learning', level: (i % 5) + 1 }));

    // Act
    const packed = packJson({ rows });

    // Assess
    expect(packed.match(/"skill"/g)).toHaveLength(1);
    expect(packed.match(/machine-learning/g)).toHaveLength(1);
    expect(packed.length).toBeLessThan(JSON.stringify({ rows }).length / 2);
  });

  it('refuses data that would not come back the same', () => {
    expect(() => packJson({ a: '|starts-with-a-bar' })).toThrow(/starts with \|/);
    expect(() => packJson({ list: ['fine', 'has|bar'] })).toThrow(/listed string holds \|/);
    expect(() => packJson({ level: -1 })).toThrow(/negative number/);
  });
});
