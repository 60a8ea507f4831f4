import { describe, expect, it } from 'vitest';
import { LearnerInputSchema } from '#shared/schemas/learner.js';
import { extractSkills } from '#shared/taxonomy/extract.js';
import { normaliseSkillInputs } from '#shared/taxonomy/normalise.js';

const ids = (items: ReadonlyArray<{ skillId: string }>) => items.map((i) => i.skillId);

describe('wishes are not skills held', () => {
  it.each([
    ['想学AI数据标注', 'data-annotation'],
    ['想做人工智能数据标注的工作', 'data-annotation'],
    ['希望从事数据标注', 'data-annotation'],
    ['打算考电工证', 'electrician-certificate'],
    ['want to learn welding', 'welding'],
    ['想学焊工，听说焊工好找工作', 'welding'],
    ['听说AI数据标注在招人', 'data-annotation'],
    ['看到村里打药的无人机挺挣钱，想去学', 'uav-plant-protection'],
    ['看别人直播挺好，想试试', 'live-streaming-hosting'],
    ['现在项目都要BIM，想学。', 'bim-modelling'],
    ['想系统学学电商运营', 'ecommerce-operations'],
    ['想去工厂当电工', 'electrician-work'],
    ['想在北京找数据分析的岗', 'data-analysis'],
    ['想到无人机厂做飞手', 'uav-piloting'],
    ['正在B站自学SQL', 'sql'],
  ])('reads %s as a wish for %s', (text, skillId) => {
    // Act
    const found = extractSkills(text);

    // Assess
    expect(ids(found.items)).not.toContain(skillId);
    expect(ids(found.wants)).toContain(skillId);
  });

  it.each([
    ['希望以后能转行做数据分析', 'data-analysis'],
    ['想试试数据标注', 'data-annotation'],
    ['零基础想学无人机驾驶', 'uav-piloting'],
  ])('reads %s as a wish for %s, not a lack', (text, skillId) => {
    const found = extractSkills(text);

    expect(ids(found.wants)).toEqual([skillId]);
    expect(found.negated).toEqual([]);
  });

  it('keeps the level written near a wish', () => {
    expect(extractSkills('想学三级电工').wants.map((w) => [w.skillId, w.level])).toEqual([['electrician-work', 3]]);
  });

  it('keeps what is held beside what is wished in one sentence', () => {
    const found = extractSkills('熟练Python，想学数据标注');

    expect(ids(found.items)).toEqual(['python-programming']);
    expect(ids(found.wants)).toEqual(['data-annotation']);
  });

  it('reads a wish in a posting as a need: "希望你会Python" asks for the skill', () => {
    const { skills } = normaliseSkillInputs(['希望你会Python']);

    expect(skills.map((s) => [s.skillId, s.intent])).toEqual([['python-programming', undefined]]);
  });

  it('moves a profile’s wishes from skills to wants, never scored as held', () => {
    const learner = LearnerInputSchema.parse({
      ref: 'w', skills: ['叉车', '也可以学数据标注'], region: '110119', group: 'migrant_worker', consentToShare: true,
    });

    expect(learner.skills.map((s) => s.skillId)).toEqual(['forklift-operation']);
    expect(learner.wants?.map((s) => s.skillId)).toEqual(['data-annotation']);
  });
});

describe('negations are not skills held', () => {
  it.each(['不会CAD', 'CAD不会', 'CAD也不会', 'Python完全没学过', 'Revit没怎么用过', '三电不太懂', '叉车没开过', 'BIM还没学', 'PLC只见过', 'PLC没接触过', '没有数据标注经验', '零基础学无人机驾驶', '无人机证还没考'])('holds nothing in %s', (text) => {
    const found = extractSkills(text);

    expect(found.items).toEqual([]);
    expect(found.negated.length).toBeGreaterThan(0);
  });

  it('holds no skill the text says is lacking, even where it is named again', () => {
    const found = extractSkills('PLC没碰过，设备一上PLC就得叫厂家。想学PLC。');

    expect(ids(found.items)).not.toContain('plc-programming');
    expect(ids(found.negated)).toContain('plc-programming');
    expect(ids(found.wants)).toEqual(['plc-programming']);
  });

  it('reads 没想到 (unexpectedly) as no negation', () => {
    expect(ids(extractSkills('没想到无人机这么好玩，飞了两年航拍').items)).toContain('uav-piloting');
  });

  it('names the skill that is lacking', () => {
    expect(extractSkills('干了五年施工图，没做过BIM').negated.map((n) => n.skillId)).toEqual(['bim-modelling']);
  });

  it.each(['不想学焊接', '没打算学焊接', '本人不做焊接', "I don't want to learn welding"])('reads %s as turned down: not held, wished or lacking', (text) => {
    const found = extractSkills(text);

    expect([found.items, found.wants, found.negated]).toEqual([[], [], []]);
  });

  it('gives a negated phrase no words to count and no nearest skill', () => {
    const { skills } = normaliseSkillInputs(['电脑锣不会']);

    expect(skills).toEqual([{ text: '电脑锣不会', skillId: null, level: null, confidence: 0 }]);
  });
});
