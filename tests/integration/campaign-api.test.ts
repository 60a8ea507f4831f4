import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCampaignContainer } from '../../functions/campaign-container.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import { CSV_COLUMNS } from '../../shared/domain/campaign/csv.js';
import { startApi, type Api } from './api-harness.js';
import { campaignRecords } from '../fixtures/campaign-records.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';

const NOW = new Date();
const data = campaignRecords({ learners: 120, demands: 40, courses: 10, now: NOW, seed: 3 });
const yanqingLearners = data.learners.filter((l) => l.region === '110119');

let api: Api;
let yanqing: string;
let yanqingColleague: string;
let haidian: string;
let seeker: string;
let completedId: string;

/** Waits until every campaign the local server started has finished running. */
const settle = () => getCampaignContainer().local!.idle();

const body = (extra: Record<string, unknown> = {}) => ({ name: '延庆区农民工与高校毕业生低空经济与物流专场', region: '北京市延庆区', groups: ['migrant_worker', 'graduate'], limitPerLearner: 3, threshold: 0.3, assign: true, ...extra });

beforeAll(async () => {
  api = await startApi();
  yanqing = await api.token('bureau', 'yq-officer', '110119');
  yanqingColleague = await api.token('bureau', 'yq-colleague', '110119');
  haidian = await api.token('bureau', 'hd-officer', '110108');
  seeker = await api.token('jobseeker', 'someone');
  const store = new DynamoRecordStore(api.table.client, api.table.tableName, { now: () => NOW }, { index: recordIndex });
  await store.saveMany([...data.learners, ...data.demands, ...data.courses].map((next) => ({ next })));

  const created = await api.call('POST', '/campaigns', { token: yanqing, body: body() });
  expect(created.status).toBe(202);
  completedId = created.body.id;
  await settle();
}, 120_000);
afterAll(async () => {
  await settle();
  await api.close();
});

const targets = yanqingLearners.filter((l) => l.group === 'migrant_worker' || l.group === 'graduate');

describe('POST /campaigns', { timeout: 90_000 }, () => {
  it('answers 202 with the queued status and a location, then runs the campaign in the background', async () => {
    // Prepare
    const res = await api.call('POST', '/campaigns', { token: yanqing, body: body({ assign: false, name: '第二场' }) });

    // Act
    await settle();
    const status = await api.call('GET', `/campaigns/${res.body.id}`, { token: yanqing });

    // Assess
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/campaigns/${res.body.id}`);
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^cp_/), status: expect.stringMatching(/queued|running/), region: '110119', progress: { failed: 0 } });
    expect(status.body).toMatchObject({ status: 'completed', progress: { done: targets.length, total: targets.length, failed: 0 } });
  });

  it('refuses a campaign outside the bureau’s region (403), bad fields (422) and non-bureau tokens (403)', async () => {
    const outside = await api.call('POST', '/campaigns', { token: haidian, body: body() });
    const bad = await api.call('POST', '/campaigns', { token: yanqing, body: body({ threshold: 2, groups: ['pilots'] }) });
    const seekerTry = await api.call('POST', '/campaigns', { token: seeker, body: body() });

    expect(outside.status).toBe(403);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/groups/0', '/threshold']);
    expect(seekerTry.status).toBe(403);
  });
});

describe('GET /campaigns/{id}', { timeout: 90_000 }, () => {
  it('shows progress, and the report with rates per target group once completed', async () => {
    const res = await api.call('GET', `/campaigns/${completedId}`, { token: yanqing });

    expect(res.status).toBe(200);
    expect(res.body.status).toBe('completed');
    expect(res.body.progress).toEqual({ done: targets.length, total: targets.length, failed: 0 });
    const { summary } = res.body;
    expect(summary.byGroup.map((g: { group: string }) => g.group)).toEqual(['graduate', 'migrant_worker']);
    for (const g of summary.byGroup) expect(g).toEqual(expect.objectContaining({ matchRate: expect.any(Number), assignmentRate: expect.any(Number) }));
    expect(summary.method).toEqual({ assignment: 'greedy', bound: expect.stringContaining('1/2') });
    expect(summary.unfilled).toEqual(expect.objectContaining({ demands: expect.any(Number), places: expect.any(Number) }));
  });

  it('shows a campaign to another bureau officer of the region and answers 404 to a bureau elsewhere', async () => {
    const colleague = await api.call('GET', `/campaigns/${completedId}`, { token: yanqingColleague });
    const elsewhere = await api.call('GET', `/campaigns/${completedId}`, { token: haidian });
    const results = await api.call('GET', `/campaigns/${completedId}/results`, { token: haidian });
    const unknown = await api.call('GET', '/campaigns/cp_aaaaaaaaaaaaaaaaaaaa', { token: yanqing });

    expect(colleague.status).toBe(200);
    expect(elsewhere.status).toBe(404);
    expect(results.status).toBe(404);
    expect(unknown.status).toBe(404);
  });
});

describe('GET /campaigns/{id}/results', { timeout: 90_000 }, () => {
  it('answers one item per learner as JSON, with matches, recommendations, assignments and the summary', async () => {
    const res = await api.call('GET', `/campaigns/${completedId}/results?format=json&limit=1000`, { token: yanqing });

    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(targets.length);
    expect(new Set(res.body.items.map((i: { learner: { id: string } }) => i.learner.id))).toEqual(new Set(targets.map((l) => l.id)));
    const matched = res.body.items.find((i: { matches: unknown[] }) => i.matches.length > 0);
    expect(matched.learner).toEqual({ id: expect.any(String), ref: expect.any(String), group: expect.any(String), region: '110119' });
    expect(matched.matches[0]).toEqual(expect.objectContaining({ id: expect.any(String), ref: expect.any(String), score: expect.any(Number), title: expect.any(String) }));
    const missing = res.body.items.flatMap((i: { matches: Array<{ explanation: { missing: unknown[] } }> }) => i.matches.flatMap((m) => m.explanation.missing));
    expect(missing[0]).toEqual({ skillId: expect.any(String), label: { zh: expect.any(String), en: expect.any(String) } });
    expect(res.body.items.some((i: { assignment?: unknown }) => i.assignment !== undefined)).toBe(true);
    expect(res.body.summary.learners).toBe(targets.length);
    expect(res.body.nextToken).toBeUndefined();
  });

  it('answers CSV in UTF-8 with a BOM, one row per learner, paged through X-Next-Token', async () => {
    // Act
    const first = await fetch(`${api.base}/campaigns/${completedId}/results?format=csv&limit=30`, { headers: { authorization: `Bearer ${yanqing}` } });
    const bytes = new Uint8Array(await first.arrayBuffer());
    const token = first.headers.get('x-next-token');
    const rest = await fetch(`${api.base}/campaigns/${completedId}/results?format=csv&limit=4000&nextToken=${encodeURIComponent(token ?? '')}`, { headers: { authorization: `Bearer ${yanqing}` } });
    const restText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await rest.arrayBuffer());

    // Assess
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(31);
    expect(text).toMatch(/无人机|物流|仓/);
    expect(token).toBeTruthy();
    expect(restText.slice(1).trimEnd().split('\r\n')).toHaveLength(targets.length - 30 + 1);
  });
});

describe('POST /campaigns/{id}/cancel', { timeout: 90_000 }, () => {
  it('cancels a running campaign and refuses to cancel a completed one (409)', async () => {
    // Prepare
    const started = await api.call('POST', '/campaigns', { token: yanqing, body: body({ name: '将取消', groups: undefined, limitPerLearner: 1 }) });

    // Act
    const cancelled = await api.call('POST', `/campaigns/${started.body.id}/cancel`, { token: yanqing });
    await settle();
    const after = await api.call('GET', `/campaigns/${started.body.id}`, { token: yanqing });
    const again = await api.call('POST', `/campaigns/${completedId}/cancel`, { token: yanqing });
    const elsewhere = await api.call('POST', `/campaigns/${completedId}/cancel`, { token: haidian });

    // Assess
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(after.body.status).toBe('cancelled');
    expect(after.body.summary).toBeUndefined();
    expect(after.body.progress.done).toBeLessThan(yanqingLearners.length);
    expect(again.status).toBe(409);
    expect(elsewhere.status).toBe(404);
  });
});

describe('DELETE /learners/{id} after a campaign completed', { timeout: 90_000 }, () => {
  it('takes the learner off the campaign’s total and summary at once, and off its results', async () => {
    // Prepare
    const before = (await api.call('GET', `/campaigns/${completedId}`, { token: yanqing })).body;
    const victim = (await api.call('GET', `/campaigns/${completedId}/results?format=json`, { token: yanqing })).body.items[0].learner.id as string;

    // Act
    const deleted = await api.call('DELETE', `/learners/${victim}`, { token: yanqing });
    const after = (await api.call('GET', `/campaigns/${completedId}`, { token: yanqing })).body;
    const results = (await api.call('GET', `/campaigns/${completedId}/results?format=json`, { token: yanqing })).body;

    // Assess
    expect(deleted.status).toBe(204);
    expect(before.status).toBe('completed');
    expect(before.summary.learners).toBe(before.progress.total);
    expect(after.progress.total).toBe(before.progress.total - 1);
    expect(after.progress.done + after.progress.failed).toBe(after.progress.total);
    expect(after.summary.learners).toBe(after.progress.total);
    expect(results.items.map((r: { learner: { id: string } }) => r.learner.id)).not.toContain(victim);
    expect(results.summary.learners).toBe(after.progress.total);
  });
});
