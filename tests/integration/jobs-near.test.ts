import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandBody, startApi, type Api } from './api-harness.js';

let api: Api;
let seeker: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startApi();
  const employer = await api.token('employer', 'emp-near');
  seeker = await api.token('jobseeker', 'js-near');
  // One job in 石家庄市长安区, one elsewhere in 石家庄市 (桥西区), one elsewhere in 河北省 (唐山市路南区), one in 北京.
  for (const [name, region] of [
    ['district', '130102'],
    ['city', '130104'],
    ['province', '130202'],
    ['beijing', '110119'],
  ] as const) {
    ids[name] = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: `NEAR-${name}`, region }) })).body.id;
  }
});
afterAll(() => api.close());

const find = (query: string) => api.call('GET', `/jobs?${query}`, { token: seeker });
const shown = (body: { items: Array<{ id: string; scope?: string }> }) => body.items.map((j) => [Object.entries(ids).find(([, id]) => id === j.id)?.[0], j.scope]);

describe('job search near a region', () => {
  it('widens a thin district to its city, then its province, and names the scope of each item', async () => {
    const narrow = await find('region=130102');
    const near = await find('region=130102&near=true&limit=3');

    expect(shown(narrow.body)).toEqual([['district', undefined]]);
    expect(near.status).toBe(200);
    expect(shown(near.body)).toEqual([
      ['district', 'region'],
      ['city', 'city'],
      ['province', 'province'],
    ]);
  });

  it('widens only as far as the page needs, and pages on through the wider scopes', async () => {
    const first = await find('region=130102&near=true&limit=1');
    const second = await find(`region=130102&near=true&limit=1&nextToken=${first.body.nextToken}`);
    const third = await find(`region=130102&near=true&limit=1&nextToken=${second.body.nextToken}`);

    expect(shown(first.body)).toEqual([['district', 'region']]);
    expect(shown(second.body)).toEqual([['city', 'city']]);
    expect(shown(third.body)).toEqual([['province', 'province']]);
    expect(third.body.nextToken).toBeUndefined();
  });

  it('does not widen a region that fills the page, nor beyond the province, nor a search without a region', async () => {
    const full = await find('region=130102&near=true&limit=1');
    const province = await find('region=130000&near=true&limit=10');
    const everywhere = await find('near=true&limit=10');

    expect(full.body.items).toHaveLength(1);
    expect(shown(province.body).map(([name]) => name).sort()).toEqual(['city', 'district', 'province']);
    expect(province.body.items.every((j: { scope?: string }) => j.scope === 'region')).toBe(true);
    expect(everywhere.body.items).toHaveLength(4);
    expect(everywhere.body.items.every((j: { scope?: string }) => j.scope === undefined)).toBe(true);
  });

  it('names a near that is not a yes or no', async () => {
    const bad = await find('region=130102&near=maybe');

    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['/near']);
  });
});
