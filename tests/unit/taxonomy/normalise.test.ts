import { describe, expect, it } from 'vitest';
import { normaliseSkillInputs } from '#shared/taxonomy/normalise.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);

describe('normaliseSkillInputs', () => {
  it('maps an exact taxonomy id directly with confidence 1', () => {
    // Act
    const result = normaliseSkillInputs([{ skill: 'welding', level: 3 }], taxonomy);

    // Assess
    expect(result).toEqual({ skills: [{ text: 'welding', skillId: 'welding', level: 3, confidence: 1 }], errors: [] });
  });

  it('moves a deprecated id to its replacement', () => {
    // Act
    const { skills } = normaliseSkillInputs(['old-spot-welding'], taxonomy);

    // Assess
    expect(skills).toEqual([{ text: 'old-spot-welding', skillId: 'welding', level: null, confidence: 1 }]);
  });

  it('yields one entry per skill found in free text, each keeping the text', () => {
    // Prepare
    const text = '熟练使用Python，会开叉车';

    // Act
    const { skills } = normaliseSkillInputs([text], taxonomy);

    // Assess
    expect(skills.map(({ skillId, level }) => ({ skillId, level }))).toEqual([
      { skillId: 'python-programming', level: 3 },
      { skillId: 'forklift-operation', level: null },
    ]);
    expect(skills.every((skill) => skill.text === text)).toBe(true);
  });

  it('keeps text that maps to nothing, with a null skill id', () => {
    // Act
    const { skills, errors } = normaliseSkillInputs(['会做红烧肉'], taxonomy);

    // Assess
    expect(skills).toEqual([{ text: '会做红烧肉', skillId: null, level: null, confidence: 0 }]);
    expect(errors).toEqual([]);
  });

  it('lets an explicit level beat level words in the text', () => {
    // Act
    const { skills } = normaliseSkillInputs([{ skill: '了解PLC编程', level: '技师' }], taxonomy);

    // Assess
    expect(skills).toEqual([{ text: '了解PLC编程', skillId: 'plc-programming', level: 4, confidence: 0.95 }]);
  });

  it('reports an unreadable level with the index of the input', () => {
    // Act
    const { skills, errors } = normaliseSkillInputs(['welding', { skill: 'PLC', level: 'xyz' }], taxonomy);

    // Assess
    expect(skills.map((skill) => skill.skillId)).toEqual(['welding']);
    expect(errors).toEqual([
      { index: 1, message: 'level "xyz" is not a known level: use 1–5, elementary|intermediate|advanced|expert, or 五级/初级工 … 一级/高级技师.' },
    ]);
  });

  it('tells someone who wrote years for a level (十年, 3年以上) where years go, and reads no level from them', () => {
    // Act
    const { skills, errors } = normaliseSkillInputs([{ skill: '电焊', level: '十年' }, { skill: 'PLC', level: '3年以上' }, { skill: 'Excel', level: '熟练' }], taxonomy);

    // Assess
    expect(skills.map((skill) => [skill.text, skill.level])).toEqual([['Excel', 3]]);
    expect(errors.map((e) => e.index)).toEqual([0, 1]);
    expect(errors[0]!.message).toBe(
      'level "十年" is years of experience, not a level: use 1–5, elementary|intermediate|advanced|expert, or 五级/初级工 … 一级/高级技师 (熟练 or 四级/中级工, say); years go in yearsExperience (工作年限) on a résumé.',
    );
  });

  it('merges entries for the same skill, keeping the highest level', () => {
    // Act
    const { skills } = normaliseSkillInputs(
      [{ skill: 'python-programming', level: 2 }, '精通Python', { skill: 'Python开发', level: 'basic' }],
      taxonomy,
    );

    // Assess
    expect(skills).toEqual([{ text: 'python-programming；精通Python；Python开发', skillId: 'python-programming', level: 4, confidence: 1 }]);
  });

  it('keeps every phrase a person wrote for one skill, once, and no more than a form takes', () => {
    // Prepare
    // A phrase of 196 characters: with the two before it, past the 200 a form takes for one skill.
    const long = `Python${'脚本'.repeat(95)}`;

    // Act
    const { skills } = normaliseSkillInputs(['会Python', '写Python爬虫', '会Python', long], taxonomy);

    // Assess
    expect(skills.map((s) => [s.skillId, s.text])).toEqual([['python-programming', '会Python；写Python爬虫']]);
  });

  it('keeps the same texts when a profile is read and saved again', () => {
    // Prepare: one phrase names two skills, another one of them again.
    const first = normaliseSkillInputs(['Python和SQL', 'SQL查询', '会Python'], taxonomy).skills;

    // Act: what was stored, sent back as it reads.
    const again = normaliseSkillInputs(first.map((s) => ({ skill: s.text, ...(s.level === null ? {} : { level: s.level }) })), taxonomy).skills;

    // Assess
    expect(first.map((s) => [s.skillId, s.text])).toEqual([
      ['python-programming', 'Python和SQL；会Python'],
      ['sql', 'Python和SQL；SQL查询'],
    ]);
    expect(again).toEqual(first);
  });

  it('reports an empty skill as an error', () => {
    // Act
    const { errors } = normaliseSkillInputs(['  '], taxonomy);

    // Assess
    expect(errors).toEqual([{ index: 0, message: 'skill is empty' }]);
  });
});
