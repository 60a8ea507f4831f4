import { describe, expect, it } from 'vitest';
import { KNOWN_FLOOR, OFF_TRADE_FLOOR, SHARED_CATEGORY_WEIGHT, TOO_BASIC_FIT, tooBasicFor, tradeFit, tradeOf, tradeShare } from '#shared/domain/recommend/trade.js';
import type { Level } from '#shared/taxonomy/levels.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);
const taught = (...entries: Array<[string, Level]>) => new Map<string, Level>(entries);

describe('a course’s fit with the learner’s trade', () => {
  it('weighs each category by its share of the skills given, relative to the main one, and a skill given as 1', () => {
    // Prepare: three drone skills and one manufacturing skill (categories of the mini taxonomy).
    const trade = tradeOf(['uav-piloting', 'uav-multirotor-piloting', 'caac-licence', 'forklift-operation'], taxonomy);

    // Act
    const weights = ['uav-aerial-survey', 'welding', 'forklift-operation', 'data-entry', 'not-a-skill'].map(trade);

    // Assess
    expect(weights).toEqual([1, 1 / 3, 1, 0, 0]);
  });

  it('gives the categories every trade draws on (office work, safety and quality) a fixed weight, and no trade of their own', () => {
    // Prepare: the bundled taxonomy, whose office-general category holds Excel.
    const full = loadTaxonomy();
    expect(full.getSkill('ms-excel')?.category).toBe('office-general');

    // Act
    const welder = tradeOf(['smaw-welding'], full);
    const clerk = tradeOf(['ms-excel'], full);

    // Assess
    expect(welder('ms-excel')).toBe(SHARED_CATEGORY_WEIGHT);
    expect(clerk('ms-excel')).toBe(1);
    expect(clerk('smaw-welding')).toBe(0);
  });

  it('keeps the whole score of a course wholly in the trade and new, and a floor of one wholly outside it', () => {
    // Prepare
    const trade = tradeOf(['uav-piloting'], taxonomy);
    const held = new Map([['uav-piloting', 2]]);

    // Act
    const inTrade = tradeFit(taught(['uav-aerial-survey', 2], ['caac-licence', 2]), trade, held);
    const outside = tradeFit(taught(['welding', 1], ['cnc-machining', 1]), trade, held);

    // Assess
    expect(inTrade).toEqual({ inTrade: 1, isNew: 1, tooBasic: false, factor: 1 });
    expect(outside.inTrade).toBe(0);
    expect(outside.factor).toBeCloseTo(OFF_TRADE_FLOOR, 10);
  });

  it('counts a skill taught at or below the level held as nothing new, and weighs shares skill by skill', () => {
    // Prepare: an entry course in what they do at working level, plus one new skill of the same category.
    const trade = tradeOf(['data-entry'], taxonomy);
    const held = new Map([['data-entry', 2]]);

    // Act
    const known = tradeFit(taught(['data-entry', 1]), trade, held);
    const half = tradeFit(taught(['data-entry', 1], ['data-annotation', 1]), trade, held);
    const halfOutside = tradeFit(taught(['data-annotation', 1], ['welding', 1]), trade, held);

    // Assess
    expect(known).toEqual({ inTrade: 1, isNew: 0, tooBasic: false, factor: KNOWN_FLOOR });
    expect(half.isNew).toBe(0.5);
    expect(half.factor).toBeCloseTo(KNOWN_FLOOR + (1 - KNOWN_FLOOR) / 2, 10);
    expect(halfOutside.inTrade).toBe(0.5);
    expect(halfOutside.factor).toBeCloseTo(OFF_TRADE_FLOOR + (1 - OFF_TRADE_FLOOR) / 2, 10);
  });

  it('marks a course too basic when most of it sits in trades where the learner states a higher level, and only then', () => {
    // Prepare: a drone pilot at level 4 (stated), and one whose level is not stated.
    const trade = tradeOf(['uav-piloting'], taxonomy);
    const seasoned = tooBasicFor([{ skillId: 'uav-piloting', level: 4 }], taxonomy);
    const unstated = tooBasicFor([{ skillId: 'uav-piloting', level: null }], taxonomy);
    const entry = taught(['uav-aerial-survey', 1], ['caac-licence', 1]);
    const advanced = taught(['uav-aerial-survey', 4], ['caac-licence', 4]);
    const mostlyOther = taught(['uav-aerial-survey', 1], ['welding', 1], ['cnc-machining', 1]);

    // Act
    const basic = tradeFit(entry, trade, new Map([['uav-piloting', 4]]), seasoned);

    // Assess: an entry course of their trade is too basic for the seasoned pilot, not for the other.
    expect(seasoned(entry)).toBe(true);
    expect(unstated(entry)).toBe(false);
    expect(seasoned(advanced)).toBe(false);
    expect(seasoned(mostlyOther)).toBe(false);
    expect(basic.tooBasic).toBe(true);
    expect(basic.factor).toBeCloseTo(TOO_BASIC_FIT, 10);
  });

  it('leaves a course that names no taxonomy skill as it is (its words are weighed elsewhere), and a share of nothing at 1', () => {
    expect(tradeFit(new Map(), tradeOf(['welding'], taxonomy), new Map()).factor).toBe(1);
    expect(tradeShare([], tradeOf(['welding'], taxonomy))).toBe(1);
    expect(tradeShare(['welding', 'data-entry'], tradeOf(['welding'], taxonomy))).toBe(0.5);
  });
});
