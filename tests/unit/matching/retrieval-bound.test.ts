import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionKey, regionPrefix } from '../../../shared/adapters/dynamodb/keys.js';
import { partitionsOf } from '../../../shared/domain/matching/lexical.js';
import { demandSkillBound, directCredit, learnerSkillBound, regionScopes, scoreBound, type RegionScope } from '../../../shared/domain/matching/retrieval-bound.js';
import { havesOf, needsOf, rankMatch, REGION_CREDIT } from '../../../shared/domain/matching/score.js';
import type { IndexedSkill } from '../../../shared/domain/records.js';
import { regionDistance } from '../../../shared/regions/regions.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import { learnerPartitions } from '../../../shared/use-cases/match.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

/**
 * The bounds retrieval stops on must never be below a score: if one were, a match call could stop
 * reading before a record that belongs in its top k. Checked against the scorer itself (rankMatch)
 * on random vectors, so a change of the scoring constants that the bounds do not follow fails here.
 * The mini taxonomy is dense in parents, children and related skills. Fixed seed.
 */

const taxonomy = loadTaxonomy(miniTaxonomyData);
const SKILLS = [...taxonomy.skills.keys()];
const GRAMS = ['电池', '模组', '装配', '万用', '用表', 'pack'];
const REGIONS = ['110119', '110108', '110000', '500101', '310115', '440305', '440106', '441900', '440000', 'national'];
const SEED = 20261207;

const level = fc.constantFrom(null, 1, 2, 3, 4, 5);
const held = fc.oneof(
  fc.record({ skillId: fc.constantFrom(...SKILLS), level, role: fc.constant('held' as const), fuzzy: fc.boolean() }),
  fc.record({ skillId: fc.constantFrom(...GRAMS.map((g) => `~${g}`)), level: fc.constant(null), role: fc.constant('held' as const) }),
);
const needed = fc.oneof(
  fc.record({
    skillId: fc.constantFrom(...SKILLS),
    level,
    role: fc.constantFrom('required' as const, 'preferred' as const),
    fuzzy: fc.boolean(),
    grams: fc.subarray(GRAMS, { maxLength: 3 }),
  }),
  fc.record({
    skillId: fc.subarray(GRAMS, { minLength: 1, maxLength: 4 }).map((gs) => `~${gs.join('+')}`),
    level: fc.constant(null),
    role: fc.constantFrom('required' as const, 'preferred' as const),
  }),
);
const clean = (skills: ReadonlyArray<IndexedSkill & { grams?: readonly string[] }>): IndexedSkill[] =>
  skills.map((s) => (s.grams !== undefined && s.grams.length === 0 ? { skillId: s.skillId, level: s.level, role: s.role, ...(s.fuzzy ? { fuzzy: true } : {}) } : s));
const ctx = fc.record({ demandRegion: fc.constantFrom(...REGIONS), learnerRegion: fc.constantFrom(...REGIONS) });

describe('retrieval bounds', () => {
  it('bound a learner no higher than the partitions it is in allow: bound ≥ exact score', () => {
    fc.assert(
      fc.property(fc.array(needed, { minLength: 1, maxLength: 5 }), fc.array(held, { minLength: 1, maxLength: 6 }), ctx, (ns, hs, where) => {
        const needs = needsOf(clean(ns));
        const haves = havesOf(clean(hs));
        // Prepare: the learner is in exactly its own partitions, so those are all "unread" for it.
        const unread = new Set(partitionsOf(clean(hs)));

        const { score } = rankMatch(needs, haves, where, taxonomy);

        expect(score).toBeLessThanOrEqual(scoreBound(learnerSkillBound(needs, unread, taxonomy), 1));
        expect(score).toBeLessThanOrEqual(scoreBound(learnerSkillBound(needs, unread, taxonomy), REGION_CREDIT[regionDistance(where.demandRegion, where.learnerRegion)]));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('bound a demand no higher than the credits of the partitions it is in: bound ≥ exact score', () => {
    fc.assert(
      fc.property(fc.array(needed, { minLength: 1, maxLength: 5 }), fc.array(held, { minLength: 1, maxLength: 6 }), ctx, (ns, hs, where) => {
        const haves = havesOf(clean(hs));
        const { direct, tiers } = learnerPartitions(haves, taxonomy);
        const credits = new Map<string, number>([...tiers.flatMap((t) => t.partitions.map((p) => [p, t.credit] as const)), ...direct.map((p) => [p, directCredit(p)] as const)]);
        const unread = new Set(partitionsOf(clean(ns)));

        const { score } = rankMatch(needsOf(clean(ns)), haves, where, taxonomy);

        expect(score).toBeLessThanOrEqual(scoreBound(demandSkillBound(credits, unread), REGION_CREDIT[regionDistance(where.demandRegion, where.learnerRegion)]));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('give nobody in the partitions a need cannot credit any bound above zero', () => {
    const needs = needsOf([{ skillId: '~电池+模组', level: null, role: 'required' }]);

    expect(learnerSkillBound(needs, new Set(['~装配', 'welding']), taxonomy)).toBe(0);
    expect(learnerSkillBound(needs, new Set(['~电池']), taxonomy)).toBeCloseTo(0.35, 9);
  });

  it('split the country into scopes that hold every record once, none above its region credit', () => {
    const codes = [...REGIONS, '120101', '500229', '419001', '410100', '650100', '999999'];
    const inside = (scope: RegionScope, code: string) => {
      const key = regionKey(code);
      if (scope.within !== undefined) return key.startsWith(regionPrefix(scope.within));
      if (scope.outside !== undefined) return !key.startsWith(regionPrefix(scope.outside));
      return true;
    };
    for (const subject of codes) {
      for (const other of codes) {
        const holding = regionScopes(subject).filter((scope) => inside(scope, other));

        expect(holding, `${subject} → ${other}`).toHaveLength(1);
        // The subject is the demand or the learner: both orders.
        expect(REGION_CREDIT[regionDistance(subject, other)], `${subject} → ${other}`).toBeLessThanOrEqual(holding[0]!.regionCredit);
        expect(REGION_CREDIT[regionDistance(other, subject)], `${other} → ${subject}`).toBeLessThanOrEqual(holding[0]!.regionCredit);
      }
    }
    expect(regionScopes('440305')).toEqual([
      { within: '440000', regionCredit: Math.max(...Object.values(REGION_CREDIT)) },
      { outside: '440000', regionCredit: REGION_CREDIT[3] },
    ]);
  });
});
