import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionKey, regionPrefix } from '../../../shared/adapters/dynamodb/keys.js';
import { partitionsOf } from '../../../shared/domain/matching/lexical.js';
import { havesOf, needsOf, rankMatch } from '../../../shared/domain/matching/score.js';
import { recordId, type Demand, type IndexedSkill } from '../../../shared/domain/records.js';
import type { Candidate, CandidateIndex } from '../../../shared/ports/candidate-index.js';
import type { RecordStore } from '../../../shared/ports/record-store.js';
import { provinceOf } from '../../../shared/regions/regions.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import { makeMatchDemand, makeMatchLearner } from '../../../shared/use-cases/match.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

/**
 * The property behind exact retrieval: whatever the records, the list a match call returns is the
 * top k of scoring every eligible record, for both directions. The index is an in-memory fake that
 * answers exactly the partitions asked for, so the property checks the use case's choice of
 * partitions and its neighbour bound. Fixed seed: the same cases on every run.
 */

const taxonomy = loadTaxonomy(miniTaxonomyData);
const SKILLS = [...taxonomy.skills.keys()];
const GRAMS = ['电池', '模组', '装配', '万用', '用表', 'pack', '叉车', '仓库'];
const REGIONS = ['110119', '110108', '110000', '310115', '440305', '440106', '440000', 'national'];
const clock = { now: () => new Date('2026-06-01T00:00:00Z') };
const SEED = 20261206;
/** No presence (every partition read), or presence with some stale provinces. */
const presenceArb = fc.option(fc.subarray(['110000', '440000', '310000', 'national']), { nil: undefined });

const level = fc.constantFrom(null, 1, 2, 3, 4, 5);
const held = fc.oneof(
  fc.record({ skillId: fc.constantFrom(...SKILLS), level, role: fc.constant('held' as const), fuzzy: fc.boolean() }),
  fc.record({ skillId: fc.constantFrom(...GRAMS.map((g) => `~${g}`)), level: fc.constant(null), role: fc.constant('held' as const) }),
);
const needed = fc.oneof(
  fc.record({ skillId: fc.constantFrom(...SKILLS), level, role: fc.constantFrom('required' as const, 'preferred' as const), grams: fc.subarray(GRAMS, { maxLength: 2 }) }),
  fc.record({
    skillId: fc.subarray(GRAMS, { minLength: 1, maxLength: 3 }).map((gs) => `~${gs.join('+')}`),
    level: fc.constant(null),
    role: fc.constantFrom('required' as const, 'preferred' as const),
  }),
);
const learnerArb = fc.record({ skills: fc.array(held, { minLength: 1, maxLength: 5 }), region: fc.constantFrom(...REGIONS), consentToShare: fc.boolean() });
const demandArb = fc.record({ skills: fc.array(needed, { minLength: 1, maxLength: 4 }), region: fc.constantFrom(...REGIONS) });

/**
 * A demand and learners who mostly hold what it needs (its skills, their grams, their neighbours):
 * lists fill with close scores, where a bound set too low would lose someone.
 */
const demandWithLearners = demandArb.chain((d) => {
  const near = d.skills.flatMap((n) => [
    n.skillId.startsWith('~') ? n.skillId.slice(1).split('+').map((g) => `~${g}`) : [n.skillId],
    ...('grams' in n ? n.grams.map((g) => `~${g}`) : []),
    ...(n.skillId.startsWith('~') ? [] : [...taxonomy.childrenOf(n.skillId), ...taxonomy.parentsOf(n.skillId), ...taxonomy.relatedOf(n.skillId)].map((s) => s.id)),
  ].flat());
  const close = fc.record({ skillId: fc.constantFrom(...near), level, role: fc.constant('held' as const), fuzzy: fc.boolean() })
    .map((h) => (h.skillId.startsWith('~') ? { skillId: h.skillId, level: null, role: h.role } : h));
  const learner = fc.record({ skills: fc.array(fc.oneof({ arbitrary: close, weight: 4 }, { arbitrary: held, weight: 1 }), { minLength: 1, maxLength: 5 }), region: fc.constantFrom(...REGIONS), consentToShare: fc.boolean() });
  return fc.tuple(fc.constant(d), fc.array(learner, { maxLength: 40 }));
});

const clean = (skills: ReadonlyArray<IndexedSkill & { grams?: readonly string[] }>): IndexedSkill[] =>
  skills.map((s) => (s.grams !== undefined && s.grams.length === 0 ? { skillId: s.skillId, level: s.level, role: s.role } : s));

/** Whether a record's region key lies in a region, as the table's sort keys select it. */
const inRegion = (code: string, region: string) => regionKey(code).startsWith(regionPrefix(region));

/**
 * An index over fixed candidates answering exactly the partitions and region scope asked for;
 * with `stale`, it also tells where each partition holds anyone (presence), as the table's presence
 * items do: the provinces of its entries, consenting or not, plus `stale` ones whose entries are
 * gone (presence only grows), which must cost reads, never results.
 */
const indexOf = (candidates: readonly Candidate[], stale?: readonly string[]): CandidateIndex => ({
  ...(stale === undefined
    ? {}
    : {
        presence: async (kind, partitions) =>
          new Map(
            partitions.map((p) => [
              p,
              new Set([...candidates.filter((c) => c.kind === kind && partitionsOf(c.skills).includes(p)).map((c) => provinceOf(c.region) ?? 'national'), ...stale]),
            ]),
          ),
      }),
  find: async (q) => ({
    candidates: candidates.filter(
      (c) =>
        c.kind === q.kind &&
        (!q.consentedOnly || c.consentToShare) &&
        (q.within === undefined || inRegion(c.region, q.within)) &&
        (q.outside === undefined || !inRegion(c.region, q.outside)) &&
        partitionsOf(c.skills).some((p) => q.skillIds.includes(p)),
    ),
    truncated: false,
  }),
});

/** Best first, with the use case's tie-breakers. */
function exhaustive(scored: Array<{ id: string; rank: ReturnType<typeof rankMatch> }>, k: number): string[] {
  return scored
    .filter((s) => s.rank.score > 0)
    .sort((a, b) => b.rank.score - a.rank.score || b.rank.requiredMet - a.rank.requiredMet || a.rank.distance - b.rank.distance || (a.id < b.id ? -1 : 1))
    .slice(0, k)
    .map((s) => s.id);
}

describe('exact retrieval', () => {
  it('returns the top k of scoring every consenting learner, for a demand', async () => {
    await fc.assert(
      fc.asyncProperty(demandWithLearners, fc.integer({ min: 1, max: 6 }), presenceArb, async ([d, ls], k, stale) => {
        const learners: Candidate[] = ls.map((l, i) => ({ kind: 'learner', id: `l${String(i).padStart(2, '0')}`, ref: `l${i}`, region: l.region, consentToShare: l.consentToShare, skills: clean(l.skills) }));
        const skills = clean(d.skills);
        const demand = {
          kind: 'demand', id: recordId('demand', 'emp', 'D'), ref: 'D', owner: 'emp', version: 1, createdAt: '', updatedAt: '', contentHash: '', status: 'open',
          employer: 'E', title: 'T', description: '', region: d.region, headcount: 1, requiredSkills: [], preferredSkills: [],
        } as unknown as Demand;
        // The demand's vector is given directly (skillsOf), rather than derived from text.
        const needs = needsOf(skills);
        const store = { get: async () => demand } as unknown as RecordStore;
        const match = makeMatchDemand({ store, candidates: indexOf(learners, stale), clock, taxonomy, skillsOf: () => skills });

        const list = await match({ sub: 'emp', role: 'employer' }, demand.id, { limit: k, lang: 'zh' });

        const brute = exhaustive(
          learners.filter((l) => l.consentToShare).map((l) => ({ id: l.id, rank: rankMatch(needs, havesOf(l.skills), { demandRegion: d.region, learnerRegion: l.region }, taxonomy) })),
          k,
        );
        expect(list.items.map((i) => i.id)).toEqual(brute);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('returns the top k of scoring every open demand, for a learner', async () => {
    await fc.assert(
      fc.asyncProperty(learnerArb, fc.array(demandArb, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), presenceArb, async (l, ds, k, stale) => {
        const demands: Candidate[] = ds.map((d, i) => ({ kind: 'demand', id: `d${String(i).padStart(2, '0')}`, ref: `d${i}`, region: d.region, title: 't', employer: 'e', skills: clean(d.skills) }));
        const haves = havesOf(clean(l.skills));
        const id = recordId('learner', 'me', 'L');
        const store = { get: async () => ({ kind: 'learner', id, ref: 'L', owner: 'me', region: l.region }) } as unknown as RecordStore;
        const match = makeMatchLearner({ store, candidates: indexOf(demands, stale), clock, taxonomy, skillsOf: () => clean(l.skills) });

        const list = await match({ sub: 'me', role: 'jobseeker' }, id, { limit: k, lang: 'zh' });

        const brute = exhaustive(
          demands.map((d) => ({ id: d.id, rank: rankMatch(needsOf(d.skills), haves, { demandRegion: d.region, learnerRegion: l.region }, taxonomy) })),
          k,
        );
        expect(list.items.map((i) => i.id)).toEqual(brute);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
