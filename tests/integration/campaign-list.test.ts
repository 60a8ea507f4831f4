import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCampaignContainer } from '../../functions/campaign-container.js';
import { startApi, type Api } from './api-harness.js';

/**
 * GET /campaigns on the local server and DynamoDB Local: a bureau lists the campaigns of its
 * region and of the regions inside it, newest first, page by page; one Query on the region's list
 * partition, which each campaign joins at creation for its district, city, province and the nation.
 */

let api: Api;
let yanqing: string;
let beijing: string;
let national: string;
let tianjin: string;
const created: Record<string, { id: string; region: string }> = {};

/** Waits until every campaign the local server started has finished running. */
const settle = () => getCampaignContainer().local!.idle();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Listed {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly createdAt: string;
}

/** Every page of GET /campaigns (with these query parameters), following nextToken. */
async function listAll(token: string, query: Record<string, string> = {}): Promise<{ items: Listed[]; pages: number }> {
  const items: Listed[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const qs = new URLSearchParams({ ...query, ...(nextToken ? { nextToken } : {}) });
    const res = await api.call('GET', `/campaigns?${qs}`, { token });
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    nextToken = res.body.nextToken;
    pages++;
  } while (nextToken);
  return { items, pages };
}

beforeAll(async () => {
  api = await startApi();
  yanqing = await api.token('bureau', 'yq-officer', '110119');
  beijing = await api.token('bureau', 'bj-officer', '110000');
  national = await api.token('bureau', 'mohrss-officer', 'national');
  tianjin = await api.token('bureau', 'tj-officer', '120000');
  const haidian = await api.token('bureau', 'hd-officer', '110108');
  const pudong = await api.token('bureau', 'pd-officer', '310115');
  // Apart in time, so "newest first" has one right answer.
  for (const [name, token, region] of [
    ['yq-spring', yanqing, '110119'],
    ['hd-graduates', haidian, '110108'],
    ['pd-logistics', pudong, '310115'],
    ['yq-autumn', yanqing, '110119'],
  ] as const) {
    const res = await api.call('POST', '/campaigns', { token, body: { name, region } });
    expect(res.status).toBe(202);
    created[name] = { id: res.body.id, region };
    await sleep(5);
  }
  await settle();
}, 120_000);

afterAll(async () => {
  await settle();
  await api.close();
});

describe('GET /campaigns', { timeout: 60_000 }, () => {
  it('lists the campaigns of a district bureau’s own district, newest first', async () => {
    // Act
    const res = await api.call('GET', '/campaigns', { token: yanqing });

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.items.map((c: Listed) => c.name)).toEqual(['yq-autumn', 'yq-spring']);
    expect(res.body.nextToken).toBeUndefined();
  });

  it('answers each campaign as GET /campaigns/{id} does, progress and report included', async () => {
    const list = await api.call('GET', '/campaigns', { token: yanqing });
    for (const item of list.body.items) {
      const one = await api.call('GET', `/campaigns/${item.id}`, { token: yanqing });
      expect(item).toEqual(one.body);
      expect(item).toMatchObject({ status: 'completed', progress: { failed: 0 } });
    }
  });

  it('includes the regions inside the bureau’s: a province sees its districts, the ministry every province', async () => {
    const province = await listAll(beijing);
    const everywhere = await listAll(national);

    expect(province.items.map((c) => c.name)).toEqual(['yq-autumn', 'hd-graduates', 'yq-spring']);
    expect(everywhere.items.map((c) => c.name)).toEqual(['yq-autumn', 'pd-logistics', 'hd-graduates', 'yq-spring']);
  });

  it('narrows to a region inside the bureau’s with ?region=, and refuses one outside it (403)', async () => {
    const narrowed = await listAll(beijing, { region: '北京市延庆区' });
    const outside = await api.call('GET', '/campaigns?region=310115', { token: beijing });

    expect(narrowed.items.map((c) => c.name)).toEqual(['yq-autumn', 'yq-spring']);
    expect(outside.status).toBe(403);
  });

  it('pages with nextToken: every campaign once, in the same order as one page', async () => {
    const onePage = await listAll(national, { limit: '100' });
    const paged = await listAll(national, { limit: '1' });

    expect(paged.pages).toBeGreaterThanOrEqual(4);
    expect(paged.items.map((c) => c.id)).toEqual(onePage.items.map((c) => c.id));
  });

  it('answers an empty list for a region without campaigns', async () => {
    const res = await api.call('GET', '/campaigns', { token: tianjin });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });

  it('rejects a nextToken it did not issue (422 naming /nextToken) and callers without the bureau scope (403)', async () => {
    const forged = Buffer.from(JSON.stringify({ sk: 'RESULT#l_1' })).toString('base64url');
    const bad = await api.call('GET', `/campaigns?nextToken=${forged}`, { token: yanqing });
    const employer = await api.call('GET', '/campaigns', { token: await api.token('employer', 'acme-hr') });

    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['/nextToken']);
    expect(employer.status).toBe(403);
  });

  it('stores one list entry per region containing the campaign, written with the campaign', async () => {
    const items = await api.allItems();
    const entries = items.filter((i) => i.entity === 'CAMPAIGN_LIST_ENTRY' && i.campaignId === created['yq-spring']!.id).map((i) => i.pk);

    expect(entries.sort()).toEqual(['CAMPAIGNS#000000', 'CAMPAIGNS#110000', 'CAMPAIGNS#110100', 'CAMPAIGNS#110119']);
  });
});
