import { describe, expect, it } from 'vitest';
import { intentClauses, mentionedSkills, wantedSkills, wishNeeds } from '#shared/domain/recommend/intent.js';
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

  it('reads wishes to do, become or try something', () => {
    // Prepare / Act / Assess
    expect(intentClauses('机械专业毕业，想做数控加工。')).toEqual(['数控加工']);
    expect(intentClauses('想试试数据标注')).toEqual(['数据标注']);
    expect(intentClauses('I would like to become a welder')).toEqual(['a welder']);
    expect(intentClauses('不想做焊接')).toEqual([]);
  });
});

describe('what a learner’s summary mentions', () => {
  it('finds the skills the summary mentions, leaving out negated ones and those already counted', () => {
    // Prepare
    const summary = '在工厂干过三年焊接，后来开叉车；本人不做数据分析。想学数据标注。';

    // Act
    const all = mentionedSkills(summary, taxonomy);
    const rest = mentionedSkills(summary, taxonomy, new Set(['welding', 'data-annotation']));

    // Assess
    // A wish (想学数据标注) is not a mention: extraction reads it as a want.
    expect(all.map((m) => m.skillId)).toEqual(['welding', 'forklift-operation']);
    expect(rest.map((m) => m.skillId)).toEqual(['forklift-operation']);
    expect(mentionedSkills('', taxonomy)).toEqual([]);
  });
});
