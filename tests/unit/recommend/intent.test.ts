import { describe, expect, it } from 'vitest';
import { mentionedSkills, wantedSkills, wishNeeds } from '#shared/domain/recommend/intent.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);

describe('what a learner wants to learn, from their summary', () => {
  it('reads the skills named in a wish, in Chinese or English, and not the skills held beside them', () => {
    // Prepare / Act / Assess
    expect(wantedSkills('做过三年客服，想学数据标注、图像标注，会电子表格。', taxonomy).map((w) => w.skillId)).toEqual(['data-annotation', 'image-annotation']);
    expect(wantedSkills('Cashier. I would like to learn data annotation, and I can drive a forklift.', taxonomy).map((w) => w.skillId)).toEqual(['data-annotation']);
    expect(wantedSkills('会开叉车', taxonomy)).toEqual([]);
  });

  it('reads a wish put off by a few words, and one to do, become or try something', () => {
    // Prepare / Act / Assess
    expect(wantedSkills('做财务文员，希望以后能转行做数据标注', taxonomy).map((w) => w.skillId)).toEqual(['data-annotation']);
    expect(wantedSkills('想试试数据标注', taxonomy).map((w) => w.skillId)).toEqual(['data-annotation']);
    expect(wantedSkills('零基础，想学焊接', taxonomy).map((w) => w.skillId)).toEqual(['welding']);
  });

  it('skips a wish turned down', () => {
    // Prepare / Act / Assess
    expect(wantedSkills('不想学焊接；没打算学数据标注', taxonomy)).toEqual([]);
    expect(wantedSkills("I don't want to learn welding, not interested in data annotation", taxonomy)).toEqual([]);
  });

  it('maps the wished-for text to taxonomy skills, each once, with the level written near it', () => {
    // Prepare
    const summary = '数据录入员，会电子表格。想学数据标注和数据标注质检；also want to learn data annotation';

    // Act
    const wanted = wantedSkills(summary, taxonomy);

    // Assess
    expect(wanted.map((w) => w.skillId)).toEqual(['data-annotation']);
    expect(wishNeeds(wanted)).toEqual([{ skillId: 'data-annotation', level: 2, role: 'preferred' }]);
    expect(wishNeeds(wantedSkills('想学三级焊接', taxonomy))).toEqual([{ skillId: 'welding', level: 3, role: 'preferred' }]);
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
    // A wish (想学数据标注) is not a mention: extraction reads it as a want. What they do not do is no mention either.
    expect(all.map((m) => m.skillId)).toEqual(['welding', 'forklift-operation']);
    expect(rest.map((m) => m.skillId)).toEqual(['forklift-operation']);
    expect(mentionedSkills('', taxonomy)).toEqual([]);
  });

  it('mentions what the learner says they cannot do yet, but not what they turn down', () => {
    // Prepare / Act / Assess
    expect(mentionedSkills('后来开叉车，不会焊接', taxonomy).map((m) => m.skillId)).toEqual(['forklift-operation', 'welding']);
    expect(mentionedSkills('后来开叉车，不想学焊接', taxonomy).map((m) => m.skillId)).toEqual(['forklift-operation']);
  });
});
