import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.js';
import { NotFoundError } from '../../../shared/domain/errors.js';
import { recordId, type AnyRecord, type Demand, type Learner } from '../../../shared/domain/records.js';
import type { Candidate, CandidateIndex, CandidateQuery } from '../../../shared/ports/candidate-index.js';
import type { RecordStore } from '../../../shared/ports/record-store.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import { demandPartitions, learnerPartitions, makeMatchDemand, makeMatchLearner } from '../../../shared/use-cases/match.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);
const clock = { now: () => new Date('2026-06-01T00:00:00Z') };
const skill = (skillId: string, level: 1 | 2 | 3 | 4 | 5 | null = null) => ({ text: skillId, skillId, level, confidence: 1 });
const meta = (kind: 'demand' | 'learner', owner: string, ref: string) => ({ id: recordId(kind, owner, ref), ref, owner, version: 1, createdAt: '', updatedAt: '', contentHash: '' });

const demand: Demand = {
  ...meta('demand', 'emp-a', 'D1'),
  kind: 'demand', status: 'open', employer: 'E', title: 'Drone pilot', description: '', region: '110119', headcount: 1,
  requiredSkills: [skill('uav-piloting', 3), skill('welding')], preferredSkills: [skill('sql')],
};
const learner: Learner = {
  ...meta('learner', 'js-a', 'me'),
  kind: 'learner', summary: 'secret summary', skills: [skill('uav-piloting', 4)], certificates: [], region: '110119', group: 'veteran', consentToShare: true,
};

/** A store holding a fixed set of records (only `get` is used by matching). */
const storeOf = (...records: AnyRecord[]): RecordStore =>
  ({ get: async (kind: string, id: string) => records.find((r) => r.kind === kind && r.id === id) }) as unknown as RecordStore;

/** An index over fixed candidates that honours `within`, `outside` and consent, and records each query. */
function indexOf(candidates: Candidate[]) {
  const queries: CandidateQuery[] = [];
  const prefixOf = (region: string) => region.replace(/(0000|00)$/, '');
  const index: CandidateIndex = {
    find: async (q) => {
      queries.push(q);
      const inside = q.within === undefined ? '' : prefixOf(q.within);
      return {
        candidates: candidates.filter(
          (c) =>
            c.kind === q.kind &&
            c.region.startsWith(inside) &&
            (q.outside === undefined || !c.region.startsWith(prefixOf(q.outside))) &&
            (!q.consentedOnly || c.consentToShare) &&
            c.skills.some((s) => q.skillIds.includes(s.skillId)),
        ),
        truncated: false,
      };
    },
  };
  return { index, queries };
}

const learnerCandidate = (id: string, region: string, skills: Array<[string, 1 | 2 | 3 | 4 | 5 | null]>, consentToShare = true): Candidate => ({
  kind: 'learner', id, ref: id, region, consentToShare, skills: skills.map(([skillId, level]) => ({ skillId, level, role: 'held' })),
});

const owner: Caller = { sub: 'emp-a', role: 'employer' };
const options = { limit: 10, lang: 'en' as const };

describe('makeMatchDemand', () => {
  it('ranks consenting learners by score and leaves out those who did not consent', async () => {
    // Prepare
    const { index } = indexOf([
      learnerCandidate('l-full', '110119', [['uav-piloting', 3], ['welding', null], ['sql', null]]),
      learnerCandidate('l-half', '110119', [['uav-piloting', 4]]),
      learnerCandidate('l-hidden', '110119', [['uav-piloting', 5], ['welding', 5], ['sql', 5]], false),
    ]);
    const match = makeMatchDemand({ store: storeOf(demand), candidates: index, clock, taxonomy });

    // Act
    const list = await match(owner, demand.id, options);

    // Assess
    expect(list.items.map((i) => i.id)).toEqual(['l-full', 'l-half']);
    expect(list.items[0]).toEqual({ id: 'l-full', ref: 'l-full', score: 1, explanation: expect.objectContaining({ summary: expect.stringContaining('Meets all 2 required skills') }) });
    expect(Object.keys(list.items[1]!).sort()).toEqual(['explanation', 'id', 'ref', 'score']);
  });

  it('answers 404 to an employer who does not own the demand and to a bureau of another region', async () => {
    const match = makeMatchDemand({ store: storeOf(demand), candidates: indexOf([]).index, clock, taxonomy });

    await expect(match({ sub: 'emp-b', role: 'employer' }, demand.id, options)).rejects.toBeInstanceOf(NotFoundError);
    await expect(match({ sub: 'bur-sh', role: 'bureau', region: '310000' }, demand.id, options)).rejects.toBeInstanceOf(NotFoundError);
    await expect(match({ sub: 'bur-bj', role: 'bureau', region: '110000' }, demand.id, options)).resolves.toEqual({ items: [] });
  });

  it('ranks every region, a full match far away above a weak one nearby', async () => {
    // Nearby learners hold the preferred skill only (0.2 × 0.97); the far one holds everything (1 × 0.3).
    const local = Array.from({ length: 3 }, (_, i) => learnerCandidate(`l-bj-${i}`, '110108', [['sql', 3]]));
    const far = learnerCandidate('l-gd', '440305', [['uav-piloting', 3], ['welding', 3], ['sql', 3]]);
    const { index, queries } = indexOf([...local, far]);

    const list = await makeMatchDemand({ store: storeOf(demand), candidates: index, clock, taxonomy })(owner, demand.id, { ...options, limit: 3 });

    expect(queries[0]).toMatchObject({ within: '110000' });
    expect(queries.some((q) => q.outside === '110000')).toBe(true);
    expect(list.items[0]!.id).toBe('l-gd');
  });

  it('reads no other province once the list is full of scores that no one there can reach', async () => {
    // Prepare: two full matches in the demand's province; elsewhere the region credit caps any score at 0.3.
    const local = ['l-bj-1', 'l-bj-2'].map((id) => learnerCandidate(id, '110108', [['uav-piloting', 3], ['welding', 3], ['sql', 3]]));
    const far = learnerCandidate('l-gd', '440305', [['uav-piloting', 5], ['welding', 5], ['sql', 5]]);
    const { index, queries } = indexOf([...local, far]);

    // Act
    const list = await makeMatchDemand({ store: storeOf(demand), candidates: index, clock, taxonomy })(owner, demand.id, { ...options, limit: 2 });

    // Assess
    expect(list.items.map((i) => i.id)).toEqual(['l-bj-1', 'l-bj-2']);
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.every((q) => q.within === '110000' && q.outside === undefined)).toBe(true);
  });
});

describe('makeMatchLearner', () => {
  it('ranks open, unexpired demands for the learner and answers 404 to other job seekers', async () => {
    const demandCandidate = (id: string, expiresAt?: string): Candidate => ({
      kind: 'demand', id, ref: id, region: '110119', title: `T ${id}`, employer: 'E', headcount: 1,
      skills: [{ skillId: 'uav-piloting', level: 3, role: 'required' }],
      ...(expiresAt ? { expiresAt } : {}),
    });
    const { index } = indexOf([demandCandidate('d-open'), demandCandidate('d-expired', '2026-01-01T00:00:00Z'), demandCandidate('d-later', '2027-01-01T00:00:00Z')]);
    const match = makeMatchLearner({ store: storeOf(learner), candidates: index, clock, taxonomy });

    const list = await match({ sub: 'js-a', role: 'jobseeker' }, learner.id, options);

    expect(list.items.map((i) => i.id)).toEqual(['d-later', 'd-open']);
    expect(list.items[0]).toMatchObject({ title: 'T d-later', employer: 'E', region: '110119', score: 1 });
    await expect(match({ sub: 'js-b', role: 'jobseeker' }, learner.id, options)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('exact retrieval', () => {
  const demandCandidate = (id: string, region: string, skills: string[]): Candidate => ({
    kind: 'demand', id, ref: id, region, title: id, employer: 'E', headcount: 1, skills: skills.map((skillId) => ({ skillId, level: null, role: 'required' })),
  });
  // The learner holds uav-piloting only: the local demand is a quarter met (0.25 × 0.97), the distant one fully (0.3).
  const candidates = [demandCandidate('d-local-weak', '110108', ['uav-piloting', 'welding', 'sql', 'forklift-operation']), demandCandidate('d-far-strong', '440305', ['uav-piloting'])];

  it('reads every region, so a perfect match far away is not lost to a weak one nearby', async () => {
    const { index, queries } = indexOf(candidates);

    const list = await makeMatchLearner({ store: storeOf(learner), candidates: index, clock, taxonomy })({ sub: 'js-a', role: 'jobseeker' }, learner.id, { ...options, limit: 1 });

    expect(queries.some((q) => q.outside === '110000')).toBe(true);
    expect(list.items.map((i) => i.id)).toEqual(['d-far-strong']);
  });

  it('finds a learner holding a narrower skill for a demand needing the broader one', async () => {
    // Prepare: the demand needs uav-piloting; the learner holds only its child, multirotor piloting.
    const parentDemand: Demand = { ...demand, requiredSkills: [skill('uav-piloting')], preferredSkills: [] };
    const { index } = indexOf([learnerCandidate('l-child', '110119', [['uav-multirotor-piloting', 3]])]);

    // Act
    const list = await makeMatchDemand({ store: storeOf(parentDemand), candidates: index, clock, taxonomy })(owner, parentDemand.id, options);

    // Assess
    expect(list.items.map((i) => i.id)).toEqual(['l-child']);
    expect(list.items[0]!.score).toBe(0.75);
  });

  it('skips the neighbour partitions only when nobody found there could enter the list', async () => {
    // Prepare: two learners fully meet the demand's one need; a neighbour could score at most 0.75.
    const oneNeed: Demand = { ...demand, requiredSkills: [skill('uav-piloting')], preferredSkills: [] };
    const { index, queries } = indexOf([
      learnerCandidate('l-a', '110119', [['uav-piloting', 3]]),
      learnerCandidate('l-b', '110119', [['uav-piloting', 3]]),
      learnerCandidate('l-child', '110119', [['uav-multirotor-piloting', 3]]),
    ]);
    const match = makeMatchDemand({ store: storeOf(oneNeed), candidates: index, clock, taxonomy });

    // Act
    const two = await match(owner, oneNeed.id, { ...options, limit: 2 });
    const readsForTwo = queries.length;
    const three = await match(owner, oneNeed.id, { ...options, limit: 3 });

    // Assess
    expect(two.items.map((i) => i.id)).toEqual(['l-a', 'l-b']);
    expect(readsForTwo).toBe(1);
    expect(three.items.map((i) => i.id)).toEqual(['l-a', 'l-b', 'l-child']);
  });
});

describe('read planning', () => {
  it('reads only the needed skills outside the province while the list has room, not their neighbours', async () => {
    // Prepare: nobody in the demand's province; elsewhere two full matches (0.4) and a holder of a narrower skill (at most 0.3).
    const oneNeed: Demand = { ...demand, requiredSkills: [skill('uav-piloting')], preferredSkills: [] };
    const { index, queries } = indexOf([
      learnerCandidate('l-gd', '440305', [['uav-piloting', 3]]),
      learnerCandidate('l-sh', '310115', [['uav-piloting', 3]]),
      learnerCandidate('l-child', '440106', [['uav-multirotor-piloting', 3]]),
    ]);

    // Act
    const list = await makeMatchDemand({ store: storeOf(oneNeed), candidates: index, clock, taxonomy })(owner, oneNeed.id, { ...options, limit: 2 });

    // Assess
    expect(list.items.map((i) => i.id)).toEqual(['l-gd', 'l-sh']);
    const beyond = queries.filter((q) => q.within === undefined).flatMap((q) => q.skillIds);
    expect(beyond).toContain('uav-piloting');
    expect(beyond).not.toContain('uav-multirotor-piloting');
  });

  it("reads one need's narrower skills without every need's, when that is enough to close the list", async () => {
    // Prepare: a learner meeting one of two needs (0.5); one need's children read, the other need's bound is 0.75, so the mean is 0.375.
    const twoNeeds: Demand = { ...demand, requiredSkills: [skill('uav-piloting'), skill('industrial-automation')], preferredSkills: [] };
    const { index, queries } = indexOf([
      learnerCandidate('l-y', '110119', [['industrial-automation', null]]),
      learnerCandidate('l-x-child', '110119', [['uav-multirotor-piloting', null]]),
    ]);

    // Act
    const list = await makeMatchDemand({ store: storeOf(twoNeeds), candidates: index, clock, taxonomy })(owner, twoNeeds.id, { ...options, limit: 1 });

    // Assess
    expect(list.items.map((i) => [i.id, i.score])).toEqual([['l-y', 0.5]]);
    const read = queries.flatMap((q) => q.skillIds);
    expect(read).toContain('plc-programming');
    expect(read).not.toContain('uav-multirotor-piloting');
  });
});

describe('demandPartitions', () => {
  it('reads the needed skills, then the skills one hop away', () => {
    const needs = [
      { skillId: 'uav-piloting', level: null, role: 'required' as const },
      { skillId: 'sql', level: null, role: 'preferred' as const },
    ];

    const { direct, tiers } = demandPartitions(needs, taxonomy);
    expect(direct).toEqual(['uav-piloting', 'sql']);
    // A learner holding the narrower multirotor piloting earns the child credit, the best tier.
    expect(tiers[0]).toMatchObject({ credit: 0.75 });
    expect(tiers[0]!.partitions).toContain('uav-multirotor-piloting');
    const learnerTiers = learnerPartitions([{ skillId: 'uav-multirotor-piloting', level: 4 }], taxonomy).tiers;
    expect(learnerTiers[0]).toMatchObject({ credit: 0.75, partitions: ['uav-piloting'] });
  });

  it('reads each gram of a lexical need as its own partition', () => {
    const { direct, tiers } = demandPartitions([{ skillId: '~电池+pack+模组', level: null, role: 'required' }], taxonomy);

    expect(direct).toEqual(['~电池', '~pack', '~模组']);
    expect(tiers).toEqual([]);
  });
});
