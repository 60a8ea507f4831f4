import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyRecord } from '#shared/domain/records.js';
import {
  ShortageTally,
  bucketLive,
  cellName,
  expiryBucket,
  parseCell,
  rankShortage,
  shortageContribution,
  shortageDelta,
  shortageDetail,
  shortageIndex,
  tallyShortage,
  withoutExpired,
  type ShortageCounter,
} from '#shared/domain/shortage.js';
import type { Level } from '#shared/taxonomy/levels.js';
import { demandRecord, learnerRecord, skill } from '../../fixtures/shortage-records.js';

const UAV = 'uav-multirotor-piloting';
const PHOTO = 'uav-aerial-photography';
const NOW = new Date('2026-06-01T00:00:00Z');

/** The cells of one region and skill, or undefined. */
const cellsAt = (counters: readonly ShortageCounter[], region: string, skillId: string) => counters.find((c) => c.region === region && c.skillId === skillId)?.cells;

describe('shortage index', () => {
  it('weights a demand’s headcount 1 for required and 0.5 for preferred skills, at the needed level', () => {
    // Prepare
    const demand = demandRecord({ headcount: 4, requiredSkills: [skill(UAV, 3)], preferredSkills: [skill(PHOTO, 2)] });

    // Act
    const counters = shortageContribution(demand);

    // Assess
    expect(cellsAt(counters, '110119', UAV)).toEqual({ 'd:never:3': 4 });
    expect(cellsAt(counters, '110119', PHOTO)).toEqual({ 'd:never:2': 2 });
  });

  it('gives a skill without a level the demand’s minLevel, else level 1', () => {
    // Prepare
    const withMin = demandRecord({ requiredSkills: [skill(UAV)], preferredSkills: [], minLevel: 2 });
    const without = demandRecord({ requiredSkills: [skill(UAV)], preferredSkills: [] });
    const learner = learnerRecord({ skills: [skill(UAV)] });

    // Act
    const [a, b, c] = [withMin, without, learner].map((r) => cellsAt(shortageContribution(r), 'national', UAV));

    // Assess
    expect(a).toEqual({ 'd:never:2': 2 });
    expect(b).toEqual({ 'd:never:1': 2 });
    expect(c).toEqual({ 's:1': 1 });
  });

  it('counts a district’s record for its city, its province and the nation', () => {
    // Prepare
    const learner = learnerRecord({ region: '110119' });

    // Act
    const regions = shortageContribution(learner).map((c) => c.region);

    // Assess
    expect(regions).toEqual(['110119', '110100', '110000', 'national']);
  });

  it('adds nothing for a closed demand, a demand with an unreadable expiry, or a course', () => {
    // Prepare
    const closed = demandRecord({ status: 'closed' });
    const broken = demandRecord({ expiresAt: 'soon' });
    const course = { kind: 'course', region: '110000', skillsTaught: [skill(UAV)] } as unknown as AnyRecord;

    // Act
    const contributions = [closed, broken, course].map(shortageContribution);

    // Assess
    expect(contributions).toEqual([[], [], []]);
  });

  it('moves a demand’s contribution when its region changes, leaving the shared regions untouched', () => {
    // Prepare
    const before = demandRecord({ region: '110119', preferredSkills: [] });
    const after = demandRecord({ region: '110105', preferredSkills: [] });

    // Act
    const delta = shortageDelta(before, after);

    // Assess
    expect(delta).toEqual([
      { region: '110105', skillId: UAV, cells: { 'd:never:3': 2 } },
      { region: '110119', skillId: UAV, cells: { 'd:never:3': -2 } },
    ]);
  });

  it('takes out the whole contribution when a demand closes or is deleted', () => {
    // Prepare
    const open = demandRecord();
    const closed = demandRecord({ status: 'closed', version: 2 });

    // Act
    const closing = shortageDelta(open, closed);
    const deleting = shortageDelta(open, undefined);

    // Assess
    expect(closing).toEqual(deleting);
    expect(new ShortageTally().add(shortageContribution(open)).add(closing).counters()).toEqual([]);
  });

  it('moves learner supply between levels when the held level changes', () => {
    // Prepare
    const before = learnerRecord({ skills: [skill(UAV, 2)], region: '110000' });
    const after = learnerRecord({ skills: [skill(UAV, 4)], region: '110000' });

    // Act
    const delta = shortageDelta(before, after);

    // Assess
    expect(cellsAt(delta, '110000', UAV)).toEqual({ 's:2': -1, 's:4': 1 });
  });

  it('cuts expiry at the next midnight in China Standard Time', () => {
    expect(expiryBucket(undefined)).toBe('never');
    expect(expiryBucket(null)).toBe('never');
    expect(expiryBucket('2026-07-01T00:00:00+08:00')).toBe('20260701');
    expect(expiryBucket('2026-06-30T16:00:00Z')).toBe('20260701');
    expect(expiryBucket('2026-06-30T10:00:00+08:00')).toBe('20260701');
    expect(expiryBucket('2026-06-30T23:59:59+08:00')).toBe('20260701');
    expect(expiryBucket('2026-07-01T00:00:01+08:00')).toBe('20260702');
    expect(bucketLive('20260701', new Date('2026-06-30T15:59:59Z'))).toBe(true);
    expect(bucketLive('20260701', new Date('2026-06-30T16:00:00Z'))).toBe(false);
    expect(bucketLive('never', new Date('2999-01-01T00:00:00Z'))).toBe(true);
  });

  it('stops counting a demand once its expiry passes, with no write in between', () => {
    // Prepare
    const demand = demandRecord({ expiresAt: '2026-07-01T00:00:00+08:00', preferredSkills: [] });
    const counter = shortageContribution(demand).find((c) => c.region === 'national')!;

    // Act
    const before = shortageDetail(counter, new Date('2026-06-30T12:00:00Z'));
    const after = shortageDetail(counter, new Date('2026-06-30T16:00:00Z'));

    // Assess
    expect(before.demand).toBe(2);
    expect(after.demand).toBe(0);
    expect(withoutExpired([counter], new Date('2026-06-30T16:00:00Z'))).toEqual([]);
  });

  it('counts as supply only learners at or above the level demand needs', () => {
    // Prepare: 3 openings need level 3, 1 needs level 1; learners hold levels 1, 2, 3 and 5.
    const counter: ShortageCounter = { region: '110119', skillId: UAV, cells: { 'd:never:3': 3, 'd:never:1': 1, 's:1': 1, 's:2': 1, 's:3': 1, 's:5': 1 } };

    // Act
    const detail = shortageDetail(counter, NOW);

    // Assess: level 3 has 2 qualified learners, level 1 has 4; weighted (3·2 + 1·4) / 4 = 2.5.
    expect(detail.demand).toBe(4);
    expect(detail.supply).toBe(2.5);
    expect(detail.levels.find((l) => l.level === 3)).toEqual({ level: 3, demand: 3, supply: 2 });
    expect(detail.index).toBeCloseTo((4 + 2) / (2.5 + 2));
  });

  it('uses every holder as supply where there is no demand', () => {
    const detail = shortageDetail({ region: 'national', skillId: UAV, cells: { 's:1': 2, 's:4': 3 } }, NOW);

    expect(detail).toMatchObject({ demand: 0, supply: 5, index: 2 / 7 });
  });

  it('keeps tiny counts near balance and lets large ones speak', () => {
    expect(shortageIndex(0, 0)).toBe(1);
    expect(shortageIndex(1, 0)).toBe(1.5);
    expect(shortageIndex(20, 0)).toBe(11);
    expect(shortageIndex(200, 100)).toBeCloseTo(1.98, 2);
  });

  it('reads a counter below zero as none', () => {
    const detail = shortageDetail({ region: 'national', skillId: UAV, cells: { 'd:never:2': -1, 's:1': -2 } }, NOW);

    expect(detail).toMatchObject({ demand: 0, supply: 0, index: 1 });
  });

  it('ranks by index, then demand, then skill id', () => {
    const ranked = rankShortage([
      { skillId: 'b', demand: 1, index: 1 },
      { skillId: 'a', demand: 1, index: 1 },
      { skillId: 'c', demand: 5, index: 1 },
      { skillId: 'd', demand: 1, index: 3 },
    ]);

    expect(ranked.map((r) => r.skillId)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('names cells so that they read back, and ignores other attributes', () => {
    const cells = [{ side: 'demand', expiry: '20260701', level: 4 }, { side: 'demand', expiry: 'never', level: 1 }, { side: 'supply', level: 5 }] as const;

    for (const cell of cells) expect(parseCell(cellName(cell))).toEqual(cell);
    expect(parseCell('region')).toBeUndefined();
    expect(parseCell('d:2026:3')).toBeUndefined();
    expect(parseCell('s:6')).toBeUndefined();
  });

  it('sums the deltas of any history of writes to the counters of the final state', () => {
    const level = fc.option(fc.constantFrom<Level>(1, 2, 3, 4, 5), { nil: null });
    const skills = fc.uniqueArray(fc.record({ id: fc.constantFrom(UAV, PHOTO, 'uav-maintenance'), level }), { selector: (s) => s.id, maxLength: 3 }).map((list) => list.map((s) => skill(s.id, s.level)));
    const region = fc.constantFrom('110119', '110105', '110000', '310115', 'national');
    const demand = fc.record({
      id: fc.constantFrom('d_aaaaaaaaaaaaaaaaaaaa', 'd_bbbbbbbbbbbbbbbbbbbb'),
      region,
      headcount: fc.integer({ min: 1, max: 9 }),
      status: fc.constantFrom('open' as const, 'closed' as const),
      requiredSkills: skills,
      preferredSkills: skills,
      minLevel: fc.option(fc.constantFrom<Level>(1, 3), { nil: undefined }),
      expiresAt: fc.option(fc.constantFrom('2026-05-01T00:00:00+08:00', '2026-09-01T12:00:00+08:00'), { nil: undefined }),
    }).map((d) => demandRecord(d));
    const learner = fc.record({ id: fc.constantFrom('l_aaaaaaaaaaaaaaaaaaaa', 'l_bbbbbbbbbbbbbbbbbbbb'), region, skills }).map((l) => learnerRecord(l));
    const write = fc.oneof(fc.record({ put: fc.oneof(demand, learner) }), fc.record({ remove: fc.constantFrom('d_aaaaaaaaaaaaaaaaaaaa', 'd_bbbbbbbbbbbbbbbbbbbb', 'l_aaaaaaaaaaaaaaaaaaaa', 'l_bbbbbbbbbbbbbbbbbbbb') }));

    fc.assert(
      fc.property(fc.array(write, { maxLength: 30 }), (writes) => {
        // Prepare
        const stored = new Map<string, AnyRecord>();
        const incremental = new ShortageTally();

        // Act
        for (const w of writes) {
          const id = 'put' in w ? w.put.id : w.remove;
          const before = stored.get(id);
          const after = 'put' in w ? w.put : undefined;
          incremental.add(shortageDelta(before, after));
          if (after) stored.set(id, after);
          else stored.delete(id);
        }

        // Assess
        expect(incremental.counters()).toEqual(tallyShortage(stored.values()));
      }),
      { numRuns: 300 },
    );
  });
});
