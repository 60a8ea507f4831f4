import { describe, expect, it } from 'vitest';
import { loadTaxonomy, TaxonomyDataError } from '#shared/taxonomy/taxonomy.js';
import type { TaxonomyData } from '#shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

describe('loadTaxonomy', () => {
  it('builds skills, occupations and categories from injected data', () => {
    // Act
    const taxonomy = loadTaxonomy(miniTaxonomyData);

    // Assess
    expect(taxonomy.version).toBe('mini-1');
    expect(taxonomy.getSkill('uav-piloting')?.en).toBe('UAV piloting');
    expect(taxonomy.getSkill('welding')?.category).toBe('manufacturing');
    expect(taxonomy.occupations.get('drone-pilot')?.essential).toEqual([{ skill: 'uav-multirotor-piloting', level: 3 }]);
    expect(taxonomy.categories.map((category) => category.id)).toEqual(['low-altitude', 'digital', 'manufacturing']);
  });

  it('builds once per data object', () => {
    // Act
    const first = loadTaxonomy(miniTaxonomyData);
    const second = loadTaxonomy(miniTaxonomyData);

    // Assess
    expect(second).toBe(first);
  });

  it('walks parents, children and related skills (related both ways)', () => {
    // Prepare
    const taxonomy = loadTaxonomy(miniTaxonomyData);
    const ids = (skills: readonly { id: string }[]): string[] => skills.map((skill) => skill.id).sort();

    // Act and Assess
    expect(ids(taxonomy.parentsOf('uav-multirotor-piloting'))).toEqual(['uav-piloting']);
    expect(ids(taxonomy.childrenOf('uav-piloting'))).toEqual(['uav-multirotor-piloting']);
    expect(ids(taxonomy.relatedOf('uav-piloting'))).toEqual(['caac-licence', 'uav-aerial-survey']);
    expect(ids(taxonomy.relatedOf('uav-aerial-survey'))).toEqual(['uav-piloting']);
    expect(taxonomy.depthOf('uav-multirotor-piloting')).toBe(1);
    expect(taxonomy.parentsOf('no-such-skill')).toEqual([]);
  });

  it('rejects data with dangling references, naming them', () => {
    // Prepare
    const broken: TaxonomyData = {
      skillFiles: [
        {
          category: { id: 'x', zh: '某类', en: 'X' },
          skills: [{ id: 'a-skill', zh: '甲', en: 'A', parents: ['missing-skill'] }],
        },
      ],
      occupationsFile: {
        occupations: [{ id: 'job', code: null, zh: '岗位', en: 'Job', category: 'x', essential: [{ skill: 'a-skill', level: 7 }], optional: [] }],
      },
    };

    // Act
    const load = (): unknown => loadTaxonomy(broken);

    // Assess
    expect(load).toThrow(TaxonomyDataError);
    expect(load).toThrow(/missing-skill/);
    expect(load).toThrow(/level of a-skill must be 1–5/);
  });
});

describe('taxonomy search', () => {
  const taxonomy = loadTaxonomy(miniTaxonomyData);

  it('finds skills by a Chinese prefix', () => {
    // Act
    const results = taxonomy.search('数据');

    // Assess
    expect(results.map((result) => result.skillId)).toEqual(
      expect.arrayContaining(['data-entry', 'data-annotation', 'data-analysis']),
    );
    expect(results[0]?.label.zh.startsWith('数据')).toBe(true);
  });

  it('finds skills by an English word inside a label, case-insensitively', () => {
    // Act
    const results = taxonomy.search('PILOT');

    // Assess
    expect(results[0]?.skillId).toBe('uav-piloting');
    expect(results.map((result) => result.skillId)).toContain('uav-multirotor-piloting');
  });

  it('ranks an exact label above prefix and substring matches', () => {
    // Act
    const results = taxonomy.search('welding');

    // Assess
    expect(results[0]).toMatchObject({ skillId: 'welding', label: { zh: '焊接', en: 'Welding' }, category: 'manufacturing' });
    expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? 0);
  });

  it('matches synonyms and abbreviations, in full-width too', () => {
    // Act
    const bySynonym = taxonomy.search('飞手');
    const byAbbreviation = taxonomy.search('ＣＮＣ');

    // Assess
    expect(bySynonym.map((result) => result.skillId)).toEqual(expect.arrayContaining(['uav-piloting', 'uav-multirotor-piloting']));
    expect(byAbbreviation[0]?.skillId).toBe('cnc-machining');
  });

  it('respects the limit, and never suggests deprecated skills or answers an empty query', () => {
    // Act and Assess
    expect(taxonomy.search('data', 2)).toHaveLength(2);
    expect(taxonomy.search('spot welding')).toEqual([]);
    expect(taxonomy.search('  ')).toEqual([]);
  });
});
