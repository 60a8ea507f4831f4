import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSubsidies, type SubsidyFacts } from '#shared/domain/subsidy/rules.js';
import { loadSubsidyRules } from '#shared/schemas/subsidy-rules.js';
import { regionContains } from '#shared/regions/regions.js';
import { LEARNER_GROUPS } from '#shared/schemas/learner.js';
import { SUBSIDY_KINDS } from '#shared/schemas/subsidy.js';
import { NOW, testRules } from './fixtures.js';

/** Regions in and around the rules' payers: Beijing districts, Shanghai, Hebei, Guangdong. */
const REGIONS = ['110119', '110105', '110000', '310104', '310115', '310000', '130102', '440305'];
const CERTIFICATES = [undefined, '人工智能训练师（数据标注员）四级', 'CAAC多旋翼超视距驾驶员执照', '电子商务师', 'AI data labelling certificate'];

const factsArb: fc.Arbitrary<SubsidyFacts> = fc.record({
  learner: fc.record({
    groups: fc.uniqueArray(fc.constantFrom(...LEARNER_GROUPS), { minLength: 1, maxLength: 3 }),
    region: fc.constantFrom(...REGIONS),
    insuredRegion: fc.option(fc.constantFrom('none', ...REGIONS), { nil: undefined }),
    householdRegion: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
    birthYear: fc.option(fc.integer({ min: 1950, max: 2008 }), { nil: undefined }),
    certificates: fc.array(fc.constantFrom('CAAC多旋翼视距内驾驶员执照', '电工证'), { maxLength: 2 }),
    history: fc.array(
      fc.record({
        kind: fc.constantFrom(...SUBSIDY_KINDS),
        occupation: fc.option(fc.constantFrom('数据标注员', '电工'), { nil: undefined }),
        level: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        amountYuan: fc.integer({ min: 100, max: 3000 }),
        paidAt: fc.constantFrom('2024-05-01', '2025-11-30', '2026-01-15'),
      }),
      { maxLength: 2 },
    ),
  }),
  course: fc.record({
    region: fc.constantFrom(...REGIONS),
    mode: fc.constantFrom('online', 'offline', 'blended'),
    hours: fc.integer({ min: 8, max: 400 }),
    level: fc.integer({ min: 1, max: 5 }),
    certificate: fc.constantFrom(...CERTIFICATES),
    priceYuan: fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: undefined }),
    subsidyYuan: fc.option(fc.integer({ min: 0, max: 9_000 }), { nil: undefined }),
    subsidyConditions: fc.option(fc.constant('须在本市参保'), { nil: undefined }),
    skillIds: fc.subarray(['data-annotation', 'uav-multirotor-piloting', 'python'], { minLength: 1 }),
  }),
  shortage: fc.dictionary(fc.constantFrom('data-annotation', 'uav-multirotor-piloting'), fc.double({ min: 0.5, max: 3, noNaN: true })).map((d) => new Map(Object.entries(d))),
  now: fc.constant(NOW),
});

describe('subsidy totals (property)', () => {
  it.each([
    ['the test rules', testRules],
    ['the shipped rules', loadSubsidyRules()],
  ])('with %s, no eligible total exceeds the price or includes a payer that does not cover the learner', (_name, rules) => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        // Act
        const outcome = evaluateSubsidies(rules, facts);

        // Assess
        const price = facts.course.priceYuan;
        if (price !== undefined) {
          expect(outcome.totalYuan).toBeLessThanOrEqual(price);
          expect(outcome.netCostYuan).toBeCloseTo(price - outcome.totalYuan, 2);
        }
        const insured = facts.learner.insuredRegion;
        for (const line of outcome.eligible) {
          const covers = regionContains(line.payerRegion, facts.learner.region) || (insured !== undefined && insured !== 'none' && regionContains(line.payerRegion, insured));
          expect(covers).toBe(true);
          expect(line.unknown).toEqual([]);
        }
        expect(outcome.toConfirm.every((l) => l.unknown.length > 0)).toBe(true);
        expect(outcome.totalYuan).toBeCloseTo(outcome.eligible.reduce((s, l) => s + l.amountYuan, 0), 2);
        // No two eligible lines of one kind unless a rule stacks.
        const stacking = new Set(rules.rules.filter((r) => r.stacksWithSameKind).map((r) => r.id));
        const kinds = outcome.eligible.filter((l) => !stacking.has(l.ruleId)).map((l) => l.kind);
        expect(new Set(kinds).size).toBe(kinds.length);
      }),
      { seed: 20261206, numRuns: 400 },
    );
  });
});
