import { describe, expect, it } from 'vitest';
import { ENGINEER_GRADES, findLevelMentions, levelLabel, levelsNearSpans, parseLevel } from '#shared/taxonomy/levels.js';
import type { Span } from '#shared/taxonomy/levels.js';

describe('parseLevel', () => {
  it.each([
    [1, 1], [5, 5], ['3', 3], ['level 4', 4], ['L2', 2],
    ['elementary', 1], ['Intermediate', 3], ['ADVANCED', 4], ['expert', 5],
    ['五级', 1], ['初级工', 1], ['四级', 2], ['中级工', 2], ['三级', 3], ['高级工', 3],
    ['二级', 4], ['技师', 4], ['一级', 5], ['高级技师', 5],
    ['了解', 1], ['入门', 1], ['基础', 1], ['熟悉', 2], ['掌握', 2], ['熟练', 3], ['精通', 4], ['专家', 5],
    ['basic', 1], ['Beginner', 1], ['familiar', 2], ['proficient', 3], ['solid', 3],
    ['strong', 4], ['Expert', 5], ['master', 5], ['  三级/高级工 ', 3], ['二级（技师）', 4],
    ['新手', 1], ['学徒', 1], ['还行', 2], ['老手', 3], ['老师傅', 3], ['八级工', 5], ['中级水平', 2], ['八级工水平', 5], ['熟练程度', 3],
  ] as const)('reads %j as level %i', (input, expected) => {
    // Act
    const level = parseLevel(input);

    // Assess
    expect(level).toBe(expected);
  });

  it.each([0, 6, 2.5, '', 'xyz', '7', '三级/技师', 'very good', '水平', '5年'])('rejects %j', (input) => {
    // Act
    const level = parseLevel(input);

    // Assess
    expect(level).toBeUndefined();
  });
});

describe('levelLabel', () => {
  it('names levels on the national ladder in Chinese and the proficiency scale in English', () => {
    // Assess
    expect(levelLabel(1, 'zh')).toBe('五级/初级工');
    expect(levelLabel(5, 'zh')).toBe('一级/高级技师');
    expect(levelLabel(3, 'en')).toBe('Intermediate');
    expect(levelLabel(5, 'en')).toBe('Expert');
  });
});

describe('levelsNearSpans', () => {
  const spanOf = (text: string, word: string): Span => {
    const start = text.indexOf(word);
    return [start, start + word.length];
  };

  it('takes the level word before a skill in the same clause', () => {
    // Prepare
    const text = '熟练使用Python，了解SQL';

    // Act
    const levels = levelsNearSpans(text, [spanOf(text, 'Python'), spanOf(text, 'SQL')]);

    // Assess
    expect(levels).toEqual([3, 1]);
  });

  it('lets one level word govern a list of skills', () => {
    // Prepare
    const text = 'Proficient in Python, SQL and Excel';

    // Act
    const levels = levelsNearSpans(text, ['Python', 'SQL', 'Excel'].map((word) => spanOf(text, word)));

    // Assess
    expect(levels).toEqual([3, 3, 3]);
  });

  it('reads a level written after the skill when no later skill takes it', () => {
    // Prepare
    const text = '电工证（高级工），Python: expert';

    // Act
    const levels = levelsNearSpans(text, [spanOf(text, '电工证'), spanOf(text, 'Python')]);

    // Assess
    expect(levels).toEqual([3, 5]);
  });

  it('gives a bracketed level word to the skill (and list) just before it', () => {
    // Prepare
    const text = 'Linux（熟练）、Docker/K8s（熟悉）、Python（熟练）';

    // Act
    const levels = levelsNearSpans(text, ['Linux', 'Docker', 'K8s', 'Python'].map((word) => spanOf(text, word)));

    // Assess
    expect(levels).toEqual([3, 2, 2, 3]);
  });

  it('reads a skill only trained in (数控车床（实训）, 三菱PLC（课程）) as a beginner, and 实训 outside brackets as no level', () => {
    // Prepare
    const bracketed = '数控车床（实训）、三菱PLC（课程）、护理（实习）、Revit（课程设计）、氩弧焊（练过一点）';
    const running = '实训台上练过数控车床，实习半年PLC';

    // Act
    const trained = levelsNearSpans(bracketed, ['数控车床', 'PLC', '护理', 'Revit', '氩弧焊'].map((word) => spanOf(bracketed, word)));
    const none = levelsNearSpans(running, ['数控车床', 'PLC'].map((word) => spanOf(running, word)));

    // Assess
    expect(trained).toEqual([1, 1, 1, 1, 1]);
    expect(none).toEqual([undefined, undefined]);
  });

  it('lets a trailing level word qualify the list it ends', () => {
    // Prepare
    const text = 'pytorch and tensorflow, basic';

    // Act
    const levels = levelsNearSpans(text, [spanOf(text, 'pytorch'), spanOf(text, 'tensorflow')]);

    // Assess
    expect(levels).toEqual([1, 1]);
  });

  it('reads 基础 after a skill as level 1', () => {
    // Prepare
    const text = '有西门子PLC基础';

    // Act
    const levels = levelsNearSpans(text, [spanOf(text, 'PLC')]);

    // Assess
    expect(levels).toEqual([1]);
  });

  it('carries a list through names no skill covers (熟悉Git、Maven、Docker)', () => {
    // Prepare
    const text = '熟悉Git、Maven、Docker；会Python and some SQL';

    // Act
    const levels = levelsNearSpans(text, [spanOf(text, 'Git'), spanOf(text, 'Docker'), spanOf(text, 'Python'), spanOf(text, 'SQL')]);

    // Assess
    expect(levels).toEqual([2, 2, undefined, undefined]);
  });

  it('does not give a skill the level word meant for the next one', () => {
    // Prepare
    const text = 'Python and strong SQL';

    // Act
    const levels = levelsNearSpans(text, [spanOf(text, 'Python'), spanOf(text, 'SQL')]);

    // Assess
    expect(levels).toEqual([undefined, 4]);
  });

  it('ignores level words too far away or inside a skill name', () => {
    // Prepare
    const text = '精通各类办公软件以及日常行政事务处理流程并能使用Excel；Scrum Master';
    const mentions = findLevelMentions(text);

    // Act
    const levels = levelsNearSpans(text, [spanOf(text, 'Excel'), spanOf(text, 'Scrum Master')], mentions);

    // Assess
    expect(levels).toEqual([undefined, undefined]);
  });

  it('finds the longest level word (高级技师, not 高级) and skips degrees (master\'s)', () => {
    // Act
    const mentions = findLevelMentions("高级技师 with a master's degree, strongly");

    // Assess
    expect(mentions).toEqual([{ level: 5, start: 0, end: 4 }]);
  });
});

describe('the two ladders', () => {
  it('reads 初级/中级/高级 alone as the vocational ladder, as workers write them', () => {
    expect(parseLevel('中级')).toBe(2);
    expect(parseLevel('高级')).toBe(3);
    expect(findLevelMentions('中级电工').map((m) => m.level)).toEqual([2]);
    expect(findLevelMentions('高级电工证').map((m) => m.level)).toEqual([3]);
  });

  it('maps the engineer ladder by the national equivalences, only where the words say engineer', () => {
    expect(parseLevel('助理工程师')).toBe(ENGINEER_GRADES.初级);
    expect(ENGINEER_GRADES).toEqual({ 初级: 3, 中级: 4, 高级: 5 });
    expect(findLevelMentions('中级工程师').map((m) => m.level)).toEqual([4]);
    expect(findLevelMentions('高级工程师职称').map((m) => m.level)).toEqual([5]);
  });
});
