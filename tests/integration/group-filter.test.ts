import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';

let api: Api;
let employer: string;
let bureau: string;
let demandId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startApi();
  employer = await api.token('employer', 'emp-yq');
  bureau = await api.token('bureau', 'bur-yq', '110119');
  const created = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'PILOT', groupPreferences: ['veteran'] }) });
  expect(created.status).toBe(201);
  demandId = created.body.id;
  // Three pilots alike in skills: a veteran, a veteran who is also 脱贫人口, and a migrant worker.
  for (const [ref, groups] of [['vet', ['veteran']], ['vet-poor', ['poverty_alleviated', 'veteran']], ['migrant', ['migrant_worker']]] as const) {
    const seeker = await api.token('jobseeker', `js-${ref}`);
    const res = await api.call('POST', '/learners', { token: seeker, body: learnerBody({ ref, group: undefined, groups }) });
    expect(res.status).toBe(201);
    ids[ref] = res.body.id;
  }
});
afterAll(() => api.close());

describe('group preferences and the bureau group filter', () => {
  it('stores the employer’s group preference without changing any score', async () => {
    // Act
    const demand = await api.call('GET', `/demands/${demandId}`, { token: employer });
    const all = await api.call('GET', `/demands/${demandId}/matches`, { token: employer });

    // Assess
    expect(demand.body.groupPreferences).toEqual(['veteran']);
    const scores = new Map(all.body.items.map((i: { id: string; score: number }) => [i.id, i.score]));
    expect([...scores.keys()].sort()).toEqual([ids.vet, ids['vet-poor'], ids.migrant].sort());
    expect(new Set(scores.values()).size).toBe(1);
  });

  it('lets bureau staff keep the learners of one group, with the same scores', async () => {
    // Act
    const all = await api.call('GET', `/demands/${demandId}/matches`, { token: bureau });
    const veterans = await api.call('GET', `/demands/${demandId}/matches?group=veteran`, { token: bureau });
    const poor = await api.call('GET', `/demands/${demandId}/matches?group=poverty_alleviated`, { token: bureau });

    // Assess
    expect(veterans.status).toBe(200);
    expect(veterans.body.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.vet, ids['vet-poor']].sort());
    expect(poor.body.items.map((i: { id: string }) => i.id)).toEqual([ids['vet-poor']]);
    const score = (list: { items: Array<{ id: string; score: number }> }, id: string) => list.items.find((i) => i.id === id)?.score;
    expect(score(veterans.body, ids.vet!)).toBe(score(all.body, ids.vet!));
  });

  it('refuses the filter to employers and rejects an unknown group', async () => {
    // Act
    const byEmployer = await api.call('GET', `/demands/${demandId}/matches?group=veteran`, { token: employer });
    const unknown = await api.call('GET', `/demands/${demandId}/matches?group=pirate`, { token: bureau });

    // Assess
    expect(byEmployer.status).toBe(403);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('/group');
  });
});
