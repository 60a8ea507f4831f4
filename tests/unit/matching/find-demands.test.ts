import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { findDemandsFor } from '#shared/use-cases/match.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';
import { demand, learner, MemoryCandidateIndex, MemoryRecordStore, skill } from '../recommend/fakes.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);
const now = new Date('2026-03-01T00:00:00Z');

/** A Shanghai data-entry clerk, three open demands needing data annotation (one expired by now, one in Beijing). */
function world() {
  const me = learner({ ref: 'me', region: '310104', prefersOnline: true, skills: [skill('data-entry', 2)] });
  const near = demand({ ref: 'SH', region: '310115', requiredSkills: [skill('data-annotation', 3), skill('data-entry', 2)] });
  const expired = demand({ ref: 'SH-OLD', region: '310104', expiresAt: '2026-02-01T00:00:00Z' });
  const far = demand({ ref: 'BJ', region: '110108', requiredSkills: [skill('data-annotation', 2)] });
  const store = new MemoryRecordStore([me, near, expired, far], () => new Date('2026-01-15T00:00:00Z'));
  return { me, near, expired, far, index: new MemoryCandidateIndex(store, () => new Date('2026-01-15T00:00:00Z')) };
}

describe('findDemandsFor (the search for open demands for a learner)', () => {
  it('reads the partitions asked for inside the region given, leaves out demands whose expiry has passed, and ranks each for the learner', async () => {
    // Prepare: the index still holds the expired demand (expiry passes without a write).
    const w = world();
    const haves = [{ skillId: 'data-entry', level: 2 as const }];

    // Act
    const inShanghai = await findDemandsFor(w.index, w.me, haves, { skillIds: ['data-annotation', 'data-entry'], within: '310000' }, { now, taxonomy });
    const everywhere = await findDemandsFor(w.index, w.me, haves, { skillIds: ['data-annotation'] }, { now, taxonomy });

    // Assess
    expect(inShanghai.map((d) => d.candidate.ref)).toEqual(['SH']);
    const [sh] = inShanghai;
    expect(sh!.ctx).toEqual({ demandRegion: '310115', learnerRegion: '310104', learnerPrefersOnline: true });
    expect(sh!.needs.map((n) => n.skillId).sort()).toEqual(['data-annotation', 'data-entry']);
    expect(sh!.rank.score).toBeGreaterThan(0);
    expect(sh!.rank.needsMet).toBe(1);
    expect(everywhere.map((d) => d.candidate.ref).sort()).toEqual(['BJ', 'SH']);
  });

  it('counts only the needs kept and leaves out demands already ranked', async () => {
    // Prepare: recommendations keep only some needs (there, no lexical ones); here, all but data entry.
    const w = world();
    const haves = [{ skillId: 'data-entry', level: 2 as const }];

    // Act
    const kept = await findDemandsFor(w.index, w.me, haves, { skillIds: ['data-annotation'] }, { now, taxonomy, keepNeed: (n) => n.skillId !== 'data-entry', skip: (id) => id === w.far.id });

    // Assess
    expect(kept.map((d) => d.candidate.ref)).toEqual(['SH']);
    expect(kept[0]!.needs.map((n) => n.skillId)).toEqual(['data-annotation']);
    expect(kept[0]!.rank.needsMet).toBe(0);
  });
});
