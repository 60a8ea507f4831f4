import { describe, expect, it } from 'vitest';
import { intentClauses, wantedSkills, wishNeeds } from '#shared/domain/recommend/intent.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);

describe('what a learner wants to learn, from their summary', () => {
  it('takes the clause after an intent phrase, in Chinese or English, up to the end of the clause', () => {
    // Prepare / Act / Assess
    expect(intentClauses('做过三年客服，想学数据标注、图像标注，会Excel。')).toEqual(['数据标注、图像标注']);
    expect(intentClauses('Cashier. I would like to learn data analysis, and I can drive a forklift.')).toEqual(['data analysis']);
    expect(intentClauses('Interested in SQL')).toEqual(['SQL']);
    expect(intentClauses('会开叉车')).toEqual([]);
  });

  it('skips a negated wish', () => {
    // Prepare / Act / Assess
    expect(intentClauses('不想学焊接；没打算学数控')).toEqual([]);
    expect(intentClauses("I don't want to learn welding, not interested in SQL")).toEqual([]);
  });

  it('maps the wished-for text to taxonomy skills, each once, without reading skills elsewhere in the summary as wishes', () => {
    // Prepare
    const summary = '数据录入员，会电子表格。想学数据标注和数据标注质检；also want to learn data annotation';

    // Act
    const wanted = wantedSkills(summary, taxonomy);

    // Assess
    expect(wanted.map((w) => w.skillId)).toEqual(['data-annotation']);
    expect(wishNeeds(wanted)).toEqual([{ skillId: 'data-annotation', level: 2, role: 'preferred' }]);
    expect(wantedSkills('数据录入员，会电子表格', taxonomy)).toEqual([]);
  });
});
