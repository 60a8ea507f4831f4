import { describe, expect, it } from 'vitest';
import { extractSkills } from '#shared/taxonomy/extract.js';
import type { Extraction } from '#shared/taxonomy/extract.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);
const ids = (extraction: Extraction): string[] => extraction.items.map((item) => item.skillId);

describe('extractSkills', () => {
  describe('Chinese', () => {
    it('maps 会开无人机 to UAV piloting', () => {
      // Act
      const result = extractSkills('会开无人机', taxonomy);

      // Assess
      expect(ids(result)).toEqual(['uav-piloting']);
      expect(result.items[0]?.label).toEqual({ zh: '无人机驾驶', en: 'UAV piloting' });
    });

    it('takes the longest dictionary match (多旋翼无人机驾驶 over 无人机驾驶)', () => {
      // Act
      const result = extractSkills('招聘多旋翼无人机驾驶员', taxonomy);

      // Assess
      expect(ids(result)).toEqual(['uav-multirotor-piloting']);
    });

    it('does not confuse 数据录入, 数据标注 and 数据分析', () => {
      // Act
      const entry = extractSkills('负责数据录入工作', taxonomy);
      const annotation = extractSkills('从事数据标注', taxonomy);
      const analysis = extractSkills('擅长数据分析', taxonomy);
      const all = extractSkills('数据录入、数据标注与数据分析', taxonomy);

      // Assess
      expect(ids(entry)).toEqual(['data-entry']);
      expect(ids(annotation)).toEqual(['data-annotation']);
      expect(ids(analysis)).toEqual(['data-analysis']);
      expect(ids(all)).toEqual(['data-entry', 'data-annotation', 'data-analysis']);
    });

    it('prefers the more specific skill when spans tie', () => {
      // Act
      const result = extractSkills('图像标注', taxonomy);

      // Assess
      expect(ids(result)).toEqual(['image-annotation']);
    });
  });

  describe('English', () => {
    it('matches stemmed phrases and synonyms', () => {
      // Act
      const result = extractSkills('Experience piloting drones is not enough: we need drone piloting and data labeling.', taxonomy);

      // Assess
      expect(ids(result)).toEqual(['uav-piloting', 'data-annotation']);
      expect(result.items.every((item) => item.confidence >= 0.9)).toBe(true);
    });

    it('matches abbreviations case-sensitively and as whole words only', () => {
      // Act
      const result = extractSkills('PLC and CNC; plc; MySQL; C alone; C++', taxonomy);

      // Assess
      expect(ids(result)).toEqual(['plc-programming', 'cnc-machining', 'cpp-programming']);
    });

    it('corrects a typo in a long word, with lower confidence', () => {
      // Act
      const result = extractSkills('Skilled in forkilft operation', taxonomy);

      // Assess
      expect(ids(result)).toEqual(['forklift-operation']);
      expect(result.items[0]?.confidence).toBeLessThan(0.8);
    });

    it('does not correct loose resemblances or short words', () => {
      // Act
      const wedding = extractSkills('wedding planning', taxonomy);
      const short = extractSkills('Sqll and Exel', taxonomy);

      // Assess
      expect(wedding.items).toEqual([]);
      expect(short.items).toEqual([]);
    });
  });

  describe('mixed text', () => {
    it('handles Chinese and English runs in one text', () => {
      // Act
      const result = extractSkills('熟练使用Python和SQL，会PLC编程，do data entry', taxonomy);

      // Assess
      expect(ids(result)).toEqual(['python-programming', 'sql', 'plc-programming', 'data-entry']);
    });

    it('accepts full-width Latin letters', () => {
      // Act
      const result = extractSkills('精通ＰＬＣ编程', taxonomy);

      // Assess
      expect(result.items).toMatchObject([{ skillId: 'plc-programming', level: 4, span: [2, 7] }]);
    });

    it('reads full-width English words and keeps offsets into the original text', () => {
      // Prepare
      const text = '熟悉ｄａｔａ　ａｎａｌｙｓｉｓ，会Ｐｙｔｈｏｎ';

      // Act
      const result = extractSkills(text, taxonomy);

      // Assess
      expect(result.items.map((item) => [item.skillId, text.slice(...item.span), item.level])).toEqual([
        ['data-analysis', 'ｄａｔａ　ａｎａｌｙｓｉｓ', 2],
        ['python-programming', 'Ｐｙｔｈｏｎ', undefined],
      ]);
    });

    it('reads a name with a version glued on (Python3, SQL2019) as the name', () => {
      // Prepare
      const text = '会Python3开发，熟悉SQL2019和Java8';

      // Act
      const result = extractSkills(text, taxonomy);

      // Assess
      expect(result.items.map((item) => [item.skillId, text.slice(...item.span)])).toEqual([
        ['python-programming', 'Python'],
        ['sql', 'SQL'],
        ['java-programming', 'Java'],
      ]);
    });
  });

  describe('word order and coordination', () => {
    it('finds a Chinese term written verb first (驾驶无人机, 操作叉车)', () => {
      // Act
      const result = extractSkills('会驾驶无人机，也能操作叉车', taxonomy);

      // Assess
      expect(ids(result)).toEqual(['uav-piloting', 'forklift-operation']);
    });

    it('finds an English activity written verb first, only where its noun phrase ends', () => {
      // Act
      const verbFirst = extractSkills('We operate forklifts and analyse data.', taxonomy);
      const longerObject = extractSkills('pilot drone programme', taxonomy);

      // Assess
      expect(ids(verbFirst)).toEqual(['forklift-operation', 'data-analysis']);
      expect(longerObject.items).toEqual([]);
    });

    it('reads an agent noun closing a phrase as its activity (data analyst, Python programmer)', () => {
      // Act
      const result = extractSkills('Data analyst or Python programmer; any driver', taxonomy);

      // Assess
      expect(ids(result)).toEqual(['data-analysis', 'python-programming']);
    });

    it('shares the object of coordinated Chinese verbs (数据录入与标注)', () => {
      // Prepare
      const text = '负责数据录入与标注';

      // Act
      const result = extractSkills(text, taxonomy);

      // Assess
      expect(result.items.map((item) => [item.skillId, text.slice(...item.span)])).toEqual([
        ['data-entry', '数据录入'],
        ['data-annotation', '标注'],
      ]);
    });

    it('shares words across an English conjunction (image and data annotation, data entry/annotation)', () => {
      // Act
      const headShared = extractSkills('image and data annotation', taxonomy);
      const modifierShared = extractSkills('data entry/annotation', taxonomy);

      // Assess
      expect(ids(headShared)).toEqual(['image-annotation', 'data-annotation']);
      expect(ids(modifierShared)).toEqual(['data-entry', 'data-annotation']);
    });
  });

  describe('levels', () => {
    it('reads 熟练使用Python as Python at level 3', () => {
      // Act
      const result = extractSkills('熟练使用Python', taxonomy);

      // Assess
      expect(result.items).toMatchObject([{ skillId: 'python-programming', level: 3 }]);
    });

    it('reads "expert in PLC" as level 5 and a trailing （高级工） as level 3', () => {
      // Act
      const english = extractSkills('We want an expert in PLC.', taxonomy);
      const chinese = extractSkills('会开叉车（高级工）', taxonomy);

      // Assess
      expect(english.items).toMatchObject([{ skillId: 'plc-programming', level: 5 }]);
      expect(chinese.items).toMatchObject([{ skillId: 'forklift-operation', level: 3 }]);
    });

    it('leaves the level out when no level word is near', () => {
      // Act
      const result = extractSkills('精通英语。我们也需要焊工', taxonomy);

      // Assess
      expect(result.items).toHaveLength(1);
      expect(result.items[0]).not.toHaveProperty('level');
    });
  });

  describe('spans and dedupe', () => {
    it('points each span at the matched text', () => {
      // Prepare
      const text = '岗位要求：熟练掌握数据标注，了解 drone mapping 与 CAAC执照 。';

      // Act
      const result = extractSkills(text, taxonomy);

      // Assess
      expect(result.items.map((item) => text.slice(...item.span))).toEqual(['数据标注', 'drone mapping', 'CAAC执照']);
    });

    it('keeps one item per skill, the best occurrence', () => {
      // Act
      const result = extractSkills('电焊，焊接，welding', taxonomy);

      // Assess
      expect(result.items).toHaveLength(1);
      expect(result.items[0]).toMatchObject({ skillId: 'welding', confidence: 0.95, span: [3, 5] });
    });
  });

  describe('overlaps and context', () => {
    it('keeps a partly overlapping match that adds text of its own (Java后端|后端开发)', () => {
      // Prepare
      const text = 'Java后端开发';

      // Act
      const result = extractSkills(text, taxonomy);

      // Assess
      expect(result.items.map((item) => [item.skillId, text.slice(...item.span)])).toEqual([
        ['java-programming', 'Java后端'],
        ['backend-development', '后端开发'],
      ]);
    });

    it('drops a skill that is negated just before it', () => {
      // Act
      const chinese = extractSkills('不是数据分析，是数据录入', taxonomy);
      const english = extractSkills('No data analysis experience needed, but data entry is', taxonomy);
      const notOnly = extractSkills('not only Python', taxonomy);

      // Assess
      expect(ids(chinese)).toEqual(['data-entry']);
      expect(ids(english)).toEqual(['data-entry']);
      expect(ids(notOnly)).toEqual(['python-programming']);
      expect(chinese.unmapped).toEqual([]);
    });

    it('does not read a one-word term through a derivation (solid is not Solidity)', () => {
      // Prepare
      const text = 'spreadsheets, a spreadsheet, spreading sheets';

      // Act
      const result = extractSkills(text, taxonomy);

      // Assess
      expect(result.items).toMatchObject([{ skillId: 'spreadsheets', span: [0, 12] }]);
    });
  });

  describe('never guessing', () => {
    it('returns distractors in unmapped, not as skills', () => {
      // Act
      const result = extractSkills('会做红烧肉，喜欢打篮球，cooking and basketball', taxonomy);

      // Assess
      expect(result.items).toEqual([]);
      expect(result.unmapped).toEqual(['做红烧肉', '喜欢打篮球', 'cooking', 'basketball']);
    });

    it('leaves stop words, level words and punctuation out of unmapped', () => {
      // Act
      const result = extractSkills('熟练使用Python，以及 the ability to 挖掘机驾驶！', taxonomy);

      // Assess
      expect(ids(result)).toEqual(['python-programming']);
      expect(result.unmapped).toEqual(['挖掘机驾驶']);
    });

    it('does not map a word that only resembles a skill (数据 alone, 分析 alone)', () => {
      // Act
      const result = extractSkills('数据很重要，分析也是', taxonomy);

      // Assess
      expect(result.items).toEqual([]);
    });

    it('returns nothing for empty text', () => {
      // Assess
      expect(extractSkills('', taxonomy)).toEqual({ items: [], wants: [], negated: [], unmapped: [] });
    });
  });
});
