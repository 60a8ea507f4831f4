import { describe, expect, it } from 'vitest';
import type { ErasureJob, ErasureJobs } from '#shared/ports/erasures.js';
import type { RecordStore } from '#shared/ports/record-store.js';
import { makeFinishErasure, makeSweepErasures, mayFinish, SWEEP_GRACE_MS } from '#shared/use-cases/erasure.js';

const NOW = new Date('2026-12-07T02:00:00Z');
const job = (learnerId: string, minutesAgo: number, accounts = ['js-1']): ErasureJob => ({
  learnerId,
  accounts,
  region: '110119',
  deletedAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
});

/** In-memory fakes of every port the clean-up uses, recording the steps in order. */
function fakes(options: { jobs: ErasureJob[]; profiles?: string[]; links?: Record<string, string>; failing?: string } ) {
  const steps: string[] = [];
  const jobs = new Map(options.jobs.map((j) => [j.learnerId, j]));
  const links = new Map(Object.entries(options.links ?? {}));
  const erasures: ErasureJobs = {
    get: async (id) => jobs.get(id),
    due: async (before, limit) => [...jobs.values()].filter((j) => j.deletedAt < before.toISOString()).slice(0, limit),
    removeCampaignResults: async (id) => {
      steps.push(`campaigns ${id}`);
      return ['cp_1'];
    },
    complete: async (id, unlink) => {
      steps.push(`complete ${id} unlink ${unlink.join(',')}`);
      jobs.delete(id);
      for (const sub of unlink) links.delete(sub);
    },
  };
  const deps = {
    store: { get: async (_kind: string, id: string) => (options.profiles?.includes(id) ? { kind: 'learner', id } : undefined) } as unknown as RecordStore,
    links: { profileOf: async (sub: string) => links.get(sub) },
    erasures,
    withdrawOpen: async (id: string) => {
      if (id === options.failing) throw new Error('injected');
      steps.push(`withdraw ${id}`);
      return 0;
    },
    eraseTraces: async (id: string, accounts?: ReadonlyArray<string | undefined>) => void steps.push(`traces ${id} for ${(accounts ?? []).join(',')}`),
    campaignsChanged: async (ids: readonly string[]) => void steps.push(`settle ${ids.join(',')}`),
    clock: { now: () => NOW },
  };
  return { steps, jobs, links, deps };
}

describe('finishing a learner deletion', () => {
  it('runs every step of the clean-up, then ends the job together with the links that still point at the learner', async () => {
    const { steps, jobs, deps } = fakes({ jobs: [job('l_1', 1, ['js-1', 'js-2'])], links: { 'js-1': 'l_1', 'js-2': 'l_other' } });

    const finished = await makeFinishErasure(deps)('l_1');

    expect(finished).toBe(true);
    expect(steps).toEqual(['withdraw l_1', 'traces l_1 for js-1,js-2', 'campaigns l_1', 'settle cp_1', 'complete l_1 unlink js-1']);
    expect(jobs.size).toBe(0);
  });

  it('answers false and does nothing when there is no job', async () => {
    const { steps, deps } = fakes({ jobs: [] });

    expect(await makeFinishErasure(deps)('l_1')).toBe(false);
    expect(steps).toEqual([]);
  });

  it('ends the job without touching anything when the profile was created again under the same id', async () => {
    const { steps, jobs, deps } = fakes({ jobs: [job('l_1', 1)], profiles: ['l_1'] });

    expect(await makeFinishErasure(deps)('l_1')).toBe(false);
    expect(steps).toEqual(['complete l_1 unlink ']);
    expect(jobs.size).toBe(0);
  });

  it('finishes from a job already off the table (its expiry on the stream)', async () => {
    const expired = job('l_9', 30);
    const { steps, deps } = fakes({ jobs: [] });

    expect(await makeFinishErasure(deps)(expired)).toBe(true);
    expect(steps[0]).toBe('withdraw l_9');
  });
});

describe('the erasure sweep', () => {
  it('takes only jobs past the grace period, goes on past one that fails and counts it', async () => {
    const { jobs, deps } = fakes({ jobs: [job('l_old', 20), job('l_bad', 30), job('l_new', 5)], failing: 'l_bad' });
    const errors: string[] = [];

    const result = await makeSweepErasures({ ...deps, onError: (id) => void errors.push(id) })();

    expect(SWEEP_GRACE_MS).toBe(15 * 60_000);
    expect(result).toEqual({ finished: 1, failed: 1 });
    expect(errors).toEqual(['l_bad']);
    expect([...jobs.keys()].sort()).toEqual(['l_bad', 'l_new']);
  });
});

describe('who may finish a deletion', () => {
  it('is one of the profile’s accounts or bureau staff serving its region', () => {
    const j = job('l_1', 1, ['js-1']);

    expect(mayFinish({ sub: 'js-1', role: 'jobseeker' }, j)).toBe(true);
    expect(mayFinish({ sub: 'js-2', role: 'jobseeker' }, j)).toBe(false);
    expect(mayFinish({ sub: 'bur', role: 'bureau', region: '110000' }, j)).toBe(true);
    expect(mayFinish({ sub: 'bur', role: 'bureau', region: '310000' }, j)).toBe(false);
    expect(mayFinish({ sub: 'emp', role: 'employer' }, j)).toBe(false);
  });
});
