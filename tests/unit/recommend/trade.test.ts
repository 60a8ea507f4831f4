import { describe, expect, it } from 'vitest';
import { KNOWN_FLOOR, OFF_TRADE_FLOOR, tradeFit, tradeOf } from '#shared/domain/recommend/trade.js';
import type { Level } from '#shared/taxonomy/levels.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);
const taught = (...entries: Array<[string, Level]>) => new Map<string, Level>(entries);

describe('a course’s fit with the learner’s trade', () => {
  it('takes the skills held or wished for and their one-hop neighbours as the trade, and nothing two hops away', () => {
    // Prepare: uav-multirotor-piloting → parent uav-piloting → related uav-aerial-survey, caac-licence.

    // Act
    const trade = tradeOf(['uav-multirotor-piloting', 'welding'], taxonomy);

    // Assess
    expect([...trade].sort()).toEqual(['uav-multirotor-piloting', 'uav-piloting', 'welding']);
  });

  it('keeps the whole score of a course wholly in the trade and new, and a floor of one wholly outside it', () => {
    // Prepare
    const trade = tradeOf(['uav-piloting'], taxonomy);
    const held = new Map([['uav-piloting', 2]]);

    // Act
    const inTrade = tradeFit(taught(['uav-aerial-survey', 2], ['caac-licence', 2]), trade, held);
    const outside = tradeFit(taught(['welding', 1], ['cnc-machining', 1]), trade, held);

    // Assess
    expect(inTrade).toEqual({ inTrade: 1, isNew: 1, factor: 1 });
    expect(outside.inTrade).toBe(0);
    expect(outside.factor).toBeCloseTo(OFF_TRADE_FLOOR, 10);
  });

  it('counts a skill taught at or below the level held as nothing new, and weighs shares skill by skill', () => {
    // Prepare: an entry course in what they do at working level, plus one new neighbour.
    const trade = tradeOf(['data-entry'], taxonomy);
    const held = new Map([['data-entry', 2]]);

    // Act
    const known = tradeFit(taught(['data-entry', 1]), trade, held);
    const half = tradeFit(taught(['data-entry', 1], ['data-annotation', 1]), trade, held);
    const halfOutside = tradeFit(taught(['data-annotation', 1], ['welding', 1]), trade, held);

    // Assess
    expect(known).toEqual({ inTrade: 1, isNew: 0, factor: KNOWN_FLOOR });
    expect(half.isNew).toBe(0.5);
    expect(half.factor).toBeCloseTo(KNOWN_FLOOR + (1 - KNOWN_FLOOR) / 2, 10);
    expect(halfOutside.inTrade).toBe(0.5);
    expect(halfOutside.factor).toBeCloseTo(OFF_TRADE_FLOOR + (1 - OFF_TRADE_FLOOR) / 2, 10);
  });

  it('leaves a course that names no taxonomy skill as it is (its words are weighed elsewhere)', () => {
    expect(tradeFit(new Map(), tradeOf(['welding'], taxonomy), new Map()).factor).toBe(1);
  });
});
