import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceTop, creditRoutesOf, DemandEngine, makeScoredEngine, type EngineDemand, type EngineLearner, type RankedDemand } from '../../../shared/domain/matching/engine.js';
import { LEXICAL_CREDIT } from '../../../shared/domain/matching/lexical.js';
import { needWeights, RELATION_CREDIT, REQUIRED_WEIGHT } from '../../../shared/domain/matching/score.js';
import type { Need } from '../../../shared/domain/matching/types.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import type { Level } from '../../../shared/taxonomy/levels.js';
import { prng } from '../../fixtures/campaign-records.js';

const taxonomy = loadTaxonomy();

// Skills from a few categories, chosen to include parents, children and related skills, so that
// partial credit through the taxonomy is exercised, not only exact matches.
const POOL = [
  ...['uav-piloting', 'uav-multirotor-piloting', 'uav-fixed-wing-piloting', 'caac-uav-licence', 'uav-maintenance', 'uav-aerial-survey', 'uav-aerial-photography', 'uav-mission-planning'],
  ...['warehouse-management', 'smart-warehousing', 'order-picking', 'inventory-counting', 'wms', 'logistics-management', 'logistics-dispatch', 'cold-chain-logistics'],
  ...['ms-office', 'ms-excel', 'customer-service', 'data-entry', 'computer-basics'],
];
const REGIONS = ['110119', '110108', '110100', '130102', '440305', 'national'];
/** Grams of words people write (Chinese character pairs, Latin words), some shared between phrases. */
const GRAMS = ['电池', '模组', '组装', '装配', 'pack', '万用', '用表', '绝缘', '测试', '叉车', '仓库', '收发', '拉框', '图片'];
/** Fixed seeds, so every run checks the same cases (recorded: change them only on purpose). */
const SEED = 20261207;
const LEXICAL_SEED = 20261208;

const level = fc.constantFrom<Level | null>(null, 1, 2, 3, 4, 5);
const needArb = fc.record({ skillId: fc.constantFrom(...POOL), level, role: fc.constantFrom<Need['role']>('required', 'preferred') });
const demandsArb = fc.array(fc.record({ region: fc.constantFrom(...REGIONS), needs: fc.uniqueArray(needArb, { minLength: 1, maxLength: 6, selector: (n) => n.skillId }) }), { minLength: 1, maxLength: 60 });
const learnerArb = fc.record({
  region: fc.constantFrom(...REGIONS),
  haves: fc.array(fc.record({ skillId: fc.constantFrom(...POOL), level }), { maxLength: 6 }),
  prefersOnline: fc.option(fc.boolean(), { nil: undefined }),
});

// With lexical evidence: lexical needs (a gram written twice in a phrase included), named needs
// carrying the grams of their phrase, links by likeness on either side, grams held, a skill listed twice.
const gramsArb = fc.array(fc.constantFrom(...GRAMS), { minLength: 1, maxLength: 4 });
const lexicalNeedArb = fc.oneof(
  fc.record({
    skillId: fc.constantFrom(...POOL),
    level,
    role: fc.constantFrom<Need['role']>('required', 'preferred'),
    fuzzy: fc.boolean(),
    grams: fc.option(fc.uniqueArray(fc.constantFrom(...GRAMS), { minLength: 1, maxLength: 4 }), { nil: undefined }),
  }).map(({ grams, fuzzy, ...n }): Need => ({ ...n, ...(fuzzy ? { fuzzy } : {}), ...(grams ? { grams } : {}) })),
  fc.record({ grams: gramsArb, role: fc.constantFrom<Need['role']>('required', 'preferred') }).map(({ grams, role }): Need => ({ skillId: `~${grams.join('+')}`, level: null, role })),
);
const lexicalDemandsArb = fc.array(fc.record({ region: fc.constantFrom(...REGIONS), needs: fc.uniqueArray(lexicalNeedArb, { minLength: 1, maxLength: 6, selector: (n) => n.skillId }) }), { minLength: 1, maxLength: 60 });
const lexicalLearnerArb = fc.record({
  region: fc.constantFrom(...REGIONS),
  haves: fc.array(
    fc.oneof(
      fc.record({ skillId: fc.constantFrom(...POOL), level, fuzzy: fc.boolean() }),
      fc.record({ skillId: fc.constantFrom(...GRAMS.map((g) => `~${g}`)), level: fc.constant(null) }),
    ),
    { maxLength: 8 },
  ),
  prefersOnline: fc.option(fc.boolean(), { nil: undefined }),
});

const asDemands = (raw: ReadonlyArray<{ region: string; needs: Need[] }>): EngineDemand[] => raw.map((d, i) => ({ id: `d${String(i).padStart(3, '0')}`, ref: `D${i}`, ...d }));
const view = (list: readonly RankedDemand[]) => list.map((r) => [r.demand.id, r.rank.score, r.rank.requiredMet, r.rank.distance]);

/** Random demands and learners (fixed seed): the engine's top k equals scoring every demand with `rankMatch`, for every learner. */
function agreesWithBruteForce(
  demandsOf: fc.Arbitrary<ReadonlyArray<{ region: string; needs: Need[] }>>,
  learnerOf: fc.Arbitrary<Omit<EngineLearner, 'id'>>,
  seed: number,
): void {
  fc.assert(
    fc.property(demandsOf, fc.array(learnerOf, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 0.2, 0.5), (raw, learners, k, threshold) => {
      // Prepare
      const demands = asDemands(raw);
      const { engine, rank } = makeScoredEngine(demands, taxonomy);
      learners.forEach((l, i) => {
        const learner: EngineLearner = { id: `l${i}`, ...l };

        // Act
        const fast = engine.topFor(learner, k, threshold);
        const slow = bruteForceTop(demands, rank, learner, k, threshold);

        // Assess
        expect(view(fast)).toEqual(view(slow));
      });
    }),
    { seed, numRuns: 300 },
  );
}

describe('DemandEngine', () => {
  it('gives exactly the brute-force top k of rankMatch on random demands and learners', () => {
    agreesWithBruteForce(demandsArb, learnerArb, SEED);
  });

  it('gives exactly the brute-force top k with lexical needs, phrase grams, links by likeness and grams held', () => {
    agreesWithBruteForce(lexicalDemandsArb, lexicalLearnerArb, LEXICAL_SEED);
  });

  it('finds a demand whose only needs are words by the words a learner wrote, at the lexical credit', () => {
    // Prepare: the learner names no skill, only words; one demand asks for words only, one for a skill.
    const demands = asDemands([
      { region: '110119', needs: [{ skillId: '~电池+pack+模组+组装', level: null, role: 'required' }] },
      { region: '110119', needs: [{ skillId: 'uav-piloting', level: null, role: 'required' }] },
      { region: '110119', needs: [{ skillId: 'warehouse-management', level: null, role: 'required', grams: ['仓库', '收发'] }] },
    ]);
    const { engine } = makeScoredEngine(demands, taxonomy);
    const learner: EngineLearner = { id: 'l', region: '110119', haves: ['~电池', '~pack', '~仓库'].map((skillId) => ({ skillId, level: null })) };

    // Act
    const top = engine.topFor(learner, 5);

    // Assess: half the grams of the first demand, half those of the third's phrase.
    expect(top.map((r) => [r.demand.id, r.rank.score])).toEqual([
      ['d000', Math.round(LEXICAL_CREDIT * 500) / 1000],
      ['d002', Math.round(LEXICAL_CREDIT * 500) / 1000],
    ]);
  });

  it('scores only a small share of the demands exactly on a larger market, and still agrees with brute force', () => {
    // Prepare: 3,000 demands and 100 learners drawn from the whole taxonomy, skewed towards a few skills.
    const rand = prng(99);
    const skills = [...taxonomy.skills.values()].filter((s) => !s.deprecated).map((s) => s.id);
    const pick = () => skills[Math.floor(skills.length * rand.next() ** 3)]!;
    const demands = asDemands(
      Array.from({ length: 3000 }, () => ({
        region: rand.pick(REGIONS),
        needs: [...new Set(Array.from({ length: 3 + rand.int(6) }, pick))].map((skillId, j) => ({ skillId, level: rand.pick([null, 2, 3] as const), role: j < 3 ? ('required' as const) : ('preferred' as const) })),
      })),
    );
    const learners: EngineLearner[] = Array.from({ length: 100 }, (_, i) => ({ id: `l${i}`, region: rand.pick(REGIONS), haves: Array.from({ length: 2 + rand.int(7) }, () => ({ skillId: pick(), level: rand.pick([null, 1, 3, 5] as const) })) }));
    const { engine, rank } = makeScoredEngine(demands, taxonomy);

    // Act
    const agree = learners.every((l) => JSON.stringify(view(engine.topFor(l, 10))) === JSON.stringify(view(bruteForceTop(demands, rank, l, 10))));

    // Assess
    expect(agree).toBe(true);
    expect(engine.stats.ranked / engine.stats.learners).toBeLessThan(0.02 * demands.length);
  });

  it('returns nothing below the threshold or at zero, best first with ties broken by required skills met, distance and id', () => {
    // Prepare
    const demands = asDemands([
      { region: '110119', needs: [{ skillId: 'uav-piloting', level: null, role: 'required' }] },
      { region: '110108', needs: [{ skillId: 'uav-piloting', level: null, role: 'required' }] },
      { region: '110119', needs: [{ skillId: 'welding', level: null, role: 'required' }] },
      { region: '110119', needs: [{ skillId: 'uav-piloting', level: null, role: 'required' }] },
    ]);
    const { engine } = makeScoredEngine(demands, taxonomy);
    const learner: EngineLearner = { id: 'l', region: '110119', haves: [{ skillId: 'uav-piloting', level: 3 }] };

    // Act
    const top = engine.topFor(learner, 10, 0.98);

    // Assess
    expect(top.map((r) => [r.demand.id, r.rank.score])).toEqual([
      ['d000', 1],
      ['d003', 1],
    ]);
  });

  it('bounds words with the lexical credit it is given, so a tuned credit keeps the list exact', () => {
    // Prepare: a toy ranker crediting a skill held at 0.5 and words at 0.9 × the share of a need's
    // grams held (as if LEXICAL_CREDIT were tuned to 0.9).
    const demands = asDemands([
      { region: 'x', needs: [{ skillId: 't', level: null, role: 'required' }] },
      { region: 'x', needs: [{ skillId: 's', level: null, role: 'required', grams: ['a'] }] },
      { region: 'x', needs: [{ skillId: '~a+b', level: null, role: 'required' }] },
    ]);
    const rank = (d: EngineDemand, l: EngineLearner) => {
      const held = new Set(l.haves.map((h) => h.skillId));
      const need = d.needs[0]!;
      const grams = need.skillId.startsWith('~') ? need.skillId.slice(1).split('+') : (need.grams ?? []);
      const words = grams.length === 0 ? 0 : (0.9 * grams.filter((g) => held.has(`~${g}`)).length) / grams.length;
      return { score: Math.round(Math.max(held.has(need.skillId) ? 0.5 : 0, words) * 1000) / 1000, requiredMet: 0, needsMet: 0, distance: 0 as const };
    };
    const learner: EngineLearner = { id: 'l', region: 'x', haves: [{ skillId: 't', level: null }, { skillId: '~a', level: null }] };
    const options = { creditRoutes: (id: string) => [{ skillId: id, factor: 0.5 }], needWeights: (needs: readonly Need[]) => needWeights(needs, taxonomy), regionCredit: () => 1 };
    const view2 = (list: readonly RankedDemand[]) => list.map((r) => [r.demand.id, r.rank.score]);

    // Act
    const tuned = new DemandEngine(demands, rank, { ...options, lexicalCredit: 0.9 }).topFor(learner, 1);
    const understated = new DemandEngine(demands, rank, { ...options, lexicalCredit: 0.3 }).topFor(learner, 1);

    // Assess: with the ranker's credit, the engine's best is brute force's (the words, 0.9); told a
    // lower credit, the words' bound falls below the skill's exact score and it stops before them.
    expect(view2(bruteForceTop(demands, rank, learner, 1))).toEqual([['d001', 0.9]]);
    expect(view2(tuned)).toEqual([['d001', 0.9]]);
    expect(view2(understated)).toEqual([['d000', 0.5]]);
  });

  it('never misses a candidate when the ranker credits only what the routes allow', () => {
    // Prepare: a toy ranker (share of needs held) and routes that credit only the skill itself.
    const demands = asDemands([
      { region: 'x', needs: [{ skillId: 'a', level: null, role: 'required' }, { skillId: 'b', level: null, role: 'required' }] },
      { region: 'x', needs: [{ skillId: 'b', level: null, role: 'required' }] },
      { region: 'x', needs: [{ skillId: 'c', level: null, role: 'required' }] },
    ]);
    const rank = (d: EngineDemand, l: EngineLearner) => ({ score: d.needs.filter((n) => l.haves.some((h) => h.skillId === n.skillId)).length / d.needs.length, requiredMet: 0, needsMet: 0, distance: 0 as const });
    const engine = new DemandEngine(demands, rank, { creditRoutes: (id) => [{ skillId: id, factor: 1 }], needWeights: (needs) => needWeights(needs, taxonomy), regionCredit: () => 1 });

    // Act
    const top = engine.topFor({ id: 'l', region: 'x', haves: [{ skillId: 'b', level: null }] }, 2);

    // Assess
    expect(top.map((r) => [r.demand.id, r.rank.score])).toEqual([
      ['d001', 1],
      ['d000', 0.5],
    ]);
    expect(engine.stats.touched).toBe(2);
  });
});

describe('needWeights', () => {
  it('splits the skill score as the scorer does: REQUIRED_WEIGHT over required needs and the rest over preferred ones', () => {
    const needs: Need[] = [
      { skillId: 'a', level: null, role: 'required' },
      { skillId: 'b', level: null, role: 'required' },
      { skillId: 'c', level: null, role: 'preferred' },
    ];

    expect(needWeights(needs, taxonomy)).toEqual([REQUIRED_WEIGHT / 2, REQUIRED_WEIGHT / 2, expect.closeTo(1 - REQUIRED_WEIGHT, 12)]);
    expect(needWeights(needs.slice(0, 2), taxonomy)).toEqual([0.5, 0.5]);
    expect(needWeights(needs.slice(2), taxonomy)).toEqual([1]);
  });

  it('weighs a generic skill a quarter of a trade skill beside it, and alike when the demand needs nothing else', () => {
    const annotator: Need[] = [
      { skillId: 'image-annotation', level: null, role: 'required' },
      { skillId: 'computer-basics', level: null, role: 'required' },
      { skillId: 'autonomous-driving-annotation', level: null, role: 'preferred' },
    ];
    const clerk: Need[] = [
      { skillId: 'data-entry', level: null, role: 'required' },
      { skillId: 'typing', level: null, role: 'required' },
    ];

    expect(needWeights(annotator, taxonomy)).toEqual([expect.closeTo(REQUIRED_WEIGHT * 0.8, 12), expect.closeTo(REQUIRED_WEIGHT * 0.2, 12), expect.closeTo(1 - REQUIRED_WEIGHT, 12)]);
    expect(needWeights(clerk, taxonomy)).toEqual([0.5, 0.5]);
  });

  it('takes words for no trade: a guard whose other need is words keeps security at full weight', () => {
    const guard: Need[] = [
      { skillId: 'security-services', level: null, role: 'required' },
      { skillId: '~看监+监控', level: null, role: 'required' },
    ];

    expect(needWeights(guard, taxonomy)).toEqual([0.5, 0.5]);
  });
});

describe('creditRoutesOf', () => {
  it('credits a held skill fully, its parents as a narrower child, its children as a broader parent', () => {
    const routes = new Map(creditRoutesOf(taxonomy)('uav-multirotor-piloting').map((r) => [r.skillId, r.factor]));

    expect(routes.get('uav-multirotor-piloting')).toBe(1);
    expect(routes.get('uav-piloting')).toBe(RELATION_CREDIT.child);
    expect(new Map(creditRoutesOf(taxonomy)('uav-piloting').map((r) => [r.skillId, r.factor])).get('uav-multirotor-piloting')).toBe(RELATION_CREDIT.parent);
  });
});
