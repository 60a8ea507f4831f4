import { describe, expect, it } from 'vitest';
import { describeTradeFit, describeUnmet, pathwaySummary, scopePrefix, stillToCover, targetSummary, targetWord, wordsPrefix } from '#shared/domain/recommend/explain.js';

describe('recommendation sentences', () => {
  it('names a demand as the target job when it is aimed at, and as another open job when it only fills the list', () => {
    // Prepare
    const annotator = { kind: 'demand' as const, title: '数据标注员' };

    // Act
    const aimed = targetWord({ ...annotator, primary: true }, 'zh');
    const filling = targetWord({ ...annotator, primary: false }, 'en');

    // Assess
    expect(aimed).toBe('目标岗位“数据标注员”');
    expect(filling).toBe('the open job “数据标注员”');
    expect(targetWord({ kind: 'adjacent' }, 'zh')).toBe('现有技能的相邻技能');
  });

  it('starts a filled-in course with why it is listed, naming at most three targets, and a worded one with at most four of the shared words', () => {
    // Prepare
    const why = ['a', 'b', 'c', 'd'];

    // Act
    const broader = scopePrefix('broader', why, 'en');
    const related = scopePrefix('related', [], 'zh');
    const worded = wordsPrefix(['电池', '模组', '装配', '万用', '叉车'], 'zh');

    // Assess
    expect(broader).toBe('Broader option (toward a; b; c): ');
    expect(related).toBe('相关推荐（与其他目标相关）：');
    expect(worded).toBe('与你写的内容相近（相近表述：电池、模组、装配、万用）：');
    // Overlapping pairs are shown as the word they come from, not as halves of it.
    expect(wordsPrefix(['无人', '人机', '送货'], 'zh')).toBe('与你写的内容相近（相近表述：无人机、送货）：');
    expect(stillToCover([], 'en')).toBe('');
    expect(stillToCover(['SQL', 'Excel'], 'en')).toBe(' Still to cover: SQL, Excel.');
  });

  it('says what a learner wants to learn beside the nearby jobs, and only that when they hold nothing to raise', () => {
    // Prepare
    const jobs = [{ title: '数据标注员', employer: '浦江数据' }];

    // Act
    const nearby = targetSummary('nearby-demands', jobs, undefined, ['数据标注'], true, 'zh');
    const onlyWishes = targetSummary('upskilling', [], undefined, ['数据标注'], false, 'en');

    // Assess
    expect(nearby).toBe('目标：与您最接近的1个在招岗位：数据标注员（浦江数据）；并兼顾您想学的：数据标注');
    expect(onlyWishes).toBe('No open job nearby to aim at: courses in what you want to learn (数据标注)');
  });

  it('names what a course asks for on entry that the profile lacks, with its alternatives, and nothing when it asks for nothing', () => {
    expect(describeUnmet(['电工证', '电工基础'], 'zh')).toBe('课程要求入学前已具备：电工证或电工基础，您的档案中还没有。');
    expect(describeUnmet(['CAAC licence'], 'en')).toBe(' It asks on entry for CAAC licence, which your profile does not show yet.');
    expect(describeUnmet([], 'zh')).toBe('');
  });

  it('says when a course is mostly another trade’s, mostly known already or below the learner’s level, and nothing otherwise', () => {
    // Act
    const fits = describeTradeFit({ inTrade: 1, isNew: 0.5 }, 'zh');
    const below = describeTradeFit({ inTrade: 1, isNew: 1, tooBasic: true }, 'zh');
    const belowEn = describeTradeFit({ inTrade: 1, isNew: 1, tooBasic: true }, 'en');
    const other = describeTradeFit({ inTrade: 1 / 3, isNew: 1 }, 'zh');
    const both = describeTradeFit({ inTrade: 0, isNew: 0 }, 'zh');
    const known = describeTradeFit({ inTrade: 1, isNew: 0 }, 'en');

    // Assess
    expect(fits).toBe('');
    expect(describeTradeFit(undefined, 'zh')).toBe('');
    expect(other).toBe('课程多半属于其他行当。');
    expect(both).toBe('课程多半属于其他行当；所教内容多半您已掌握。');
    expect(known).toBe(' Note: you already know most of what it teaches.');
    expect(below).toBe('课程级别低于您在本行当已有的水平。');
    expect(belowEn).toBe(' Note: it is below the level you already have in this trade.');
  });

  it('sums a pathway up in one sentence, or says there is no gap or no course', () => {
    // Prepare
    const figures = { courses: 2, coverage: 0.754, hours: 144, costYuan: 480, certificate: '数据标注员三级', opens: ['数据标注员'], gapSize: 3 };

    // Act
    const zh = pathwaySummary(figures, 'zh');
    const en = pathwaySummary({ ...figures, courses: 1, certificate: null, opens: [] }, 'en');

    // Assess
    expect(zh).toBe('2门课程，共144学时，自付约480元，补齐约75%的技能差距，最终取得“数据标注员三级”；完成后满足数据标注员的必需技能。');
    expect(en).toBe('1 course, 144 hours, about 480 yuan to pay, closing about 75% of the gap.');
    expect(pathwaySummary({ ...figures, gapSize: 0 }, 'en')).toBe('There is no skill gap to close');
    expect(pathwaySummary({ ...figures, courses: 0 }, 'zh')).toBe('暂无能补齐差距的合适课程');
  });
});
