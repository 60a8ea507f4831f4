import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandBody, startApi, type Api } from './api-harness.js';

let api: Api;
let employer: string;
let otherEmployer: string;
let bureauYanqing: string;
let bureauShanghai: string;
let jobseeker: string;

beforeAll(async () => {
  api = await startApi();
  employer = await api.token('employer', 'emp-1');
  otherEmployer = await api.token('employer', 'emp-2');
  bureauYanqing = await api.token('bureau', 'bur-yq', '110119');
  bureauShanghai = await api.token('bureau', 'bur-sh', '310000');
  jobseeker = await api.token('jobseeker', 'js-1');
});
afterAll(() => api.close());

describe('demands API', () => {
  it('creates a demand with normalised skills and region, keeping the submitted text', async () => {
    const res = await api.call('POST', '/demands', { token: employer, body: demandBody() });

    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.body).toMatchObject({ ref: 'YQ-001', region: '110119', headcount: 3, status: 'open', version: 1 });
    expect(res.body.id).toMatch(/^d_/);
    expect(res.body.requiredSkills[0]).toMatchObject({ text: '多旋翼无人机驾驶' });
    expect(res.body.requiredSkills[0].skillId).toEqual(expect.any(String));
    expect(res.body.requiredSkills.find((s: { text: string }) => s.text === '无人机维修')?.level).toBe(2);
  });

  it('stores one record when the same request is sent ten times', async () => {
    const body = demandBody({ ref: 'YQ-IDEMPOTENT' });

    const answers = await Promise.all(Array.from({ length: 10 }, () => api.call('POST', '/demands', { token: employer, body })));

    expect(answers.every((a) => a.status === 201 || a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const mains = (await api.allItems()).filter((i) => i.entity === 'DEMAND' && i.ref === 'YQ-IDEMPOTENT');
    expect(mains).toHaveLength(1);
    expect(mains[0]!.version).toBe(1);
  });

  it('updates the record when the same ref comes back with changes', async () => {
    const first = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'YQ-UPD' }) });
    const second = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'YQ-UPD', headcount: 5 }) });

    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, headcount: 5, version: 2 });
  });

  it('reads with an ETag and patches with If-Match, answering 412 when stale', async () => {
    const created = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'YQ-ETAG' }) });
    const id = created.body.id as string;
    const read = await api.call('GET', `/demands/${id}`, { token: employer });
    const etag = read.headers.get('etag')!;

    const patched = await api.call('PATCH', `/demands/${id}`, { token: employer, body: { headcount: 7, salaryMax: null }, headers: { 'if-match': etag } });
    const stale = await api.call('PATCH', `/demands/${id}`, { token: employer, body: { headcount: 8 }, headers: { 'if-match': etag } });

    expect(patched.status).toBe(200);
    expect(patched.body.headcount).toBe(7);
    expect(patched.body.salaryMax).toBeUndefined();
    expect(patched.headers.get('etag')).toBe('"v2"');
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toBe('application/problem+json');
  });

  it('lets exactly one of 50 concurrent updates with the same If-Match win', async () => {
    const created = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'YQ-RACE' }) });
    const id = created.body.id as string;

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => api.call('PATCH', `/demands/${id}`, { token: employer, body: { headcount: i + 10 }, headers: { 'if-match': '"v1"' } })),
    );

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409 || s === 412)).toBe(true);
    const final = await api.call('GET', `/demands/${id}`, { token: employer });
    expect(final.body.version).toBe(2);
    expect(final.body.headcount).toBe(answers.find((a) => a.status === 200)!.body.headcount);
  });

  it('never loses an update: concurrent patches without If-Match either land or get 409', async () => {
    const created = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'YQ-LOST' }) });
    const id = created.body.id as string;

    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => api.call('PATCH', `/demands/${id}`, { token: employer, body: { title: `title ${i}` } })));

    const won = answers.filter((a) => a.status === 200);
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    const final = await api.call('GET', `/demands/${id}`, { token: employer });
    // Every accepted write bumped the version once; none was silently overwritten.
    expect(final.body.version).toBe(1 + won.length);
  });

  it('hides other employers’ demands (404) and refuses job seekers (403)', async () => {
    const created = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'YQ-PRIVATE' }) });
    const id = created.body.id as string;

    expect((await api.call('GET', `/demands/${id}`, { token: otherEmployer })).status).toBe(404);
    expect((await api.call('PATCH', `/demands/${id}`, { token: otherEmployer, body: { headcount: 1 } })).status).toBe(404);
    expect((await api.call('DELETE', `/demands/${id}`, { token: otherEmployer })).status).toBe(404);
    expect((await api.call('GET', `/demands/${id}`, { token: bureauShanghai })).status).toBe(404);
    expect((await api.call('POST', '/demands', { token: jobseeker, body: demandBody() })).status).toBe(403);
    expect((await api.call('GET', '/demands', { token: jobseeker })).status).toBe(403);
  });

  it('lets the bureau of the region read and change a demand', async () => {
    const created = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'YQ-BUREAU' }) });
    const id = created.body.id as string;

    const read = await api.call('GET', `/demands/${id}`, { token: bureauYanqing });
    const patched = await api.call('PATCH', `/demands/${id}`, { token: bureauYanqing, body: { status: 'closed' } });

    expect(read.status).toBe(200);
    expect(patched.status).toBe(200);
    expect(patched.body.status).toBe('closed');
  });

  it('refuses a bureau creating demands outside its region', async () => {
    const res = await api.call('POST', '/demands', { token: bureauShanghai, body: demandBody({ ref: 'SH-OUT' }) });

    expect(res.status).toBe(403);
    expect((await api.allItems()).some((i) => i.ref === 'SH-OUT')).toBe(false);
  });

  it('deletes a demand with its index entries', async () => {
    const created = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'YQ-DEL' }) });
    const id = created.body.id as string;
    expect((await api.allItems()).filter((i) => i.recordId === id).length).toBeGreaterThan(0);

    const deleted = await api.call('DELETE', `/demands/${id}`, { token: employer, headers: { 'if-match': '"v1"' } });

    expect(deleted.status).toBe(204);
    expect((await api.call('GET', `/demands/${id}`, { token: employer })).status).toBe(404);
    expect((await api.allItems()).filter((i) => i.recordId === id || i.id === id)).toHaveLength(0);
  });

  it('pages through an owner’s demands with nextToken, without repeats', async () => {
    const owner = await api.token('employer', 'emp-pager');
    await api.call('POST', '/demands/batch', { token: owner, body: Array.from({ length: 25 }, (_, i) => demandBody({ ref: `P-${String(i).padStart(2, '0')}` })) });

    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const res = await api.call('GET', `/demands?limit=10${next ? `&nextToken=${encodeURIComponent(next)}` : ''}`, { token: owner });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((d: { ref: string }) => d.ref));
      next = res.body.nextToken;
      pages++;
    } while (next && pages < 10);

    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(pages).toBe(3);
  });

  it('lists a bureau region’s demands and narrows them with ?region=', async () => {
    const owner = await api.token('employer', 'emp-regions');
    await api.call('POST', '/demands', { token: owner, body: demandBody({ ref: 'R-YQ', region: '110119' }) });
    await api.call('POST', '/demands', { token: owner, body: demandBody({ ref: 'R-HD', region: '110108' }) });
    const beijing = await api.token('bureau', 'bur-bj', '110000');

    const all = await api.call('GET', '/demands?limit=100', { token: beijing });
    const narrowed = await api.call('GET', '/demands?limit=100&region=110108', { token: beijing });
    const outside = await api.call('GET', '/demands?region=310000', { token: beijing });

    const refs = all.body.items.map((d: { ref: string }) => d.ref);
    expect(refs).toEqual(expect.arrayContaining(['R-YQ', 'R-HD']));
    expect(narrowed.body.items.map((d: { ref: string }) => d.ref)).toEqual(['R-HD']);
    expect(outside.status).toBe(403);
  });

  it('rejects a batch with one bad record as a whole, naming the record index', async () => {
    const before = (await api.allItems()).length;
    const batch = [demandBody({ ref: 'B-1' }), demandBody({ ref: 'B-2' }), demandBody({ ref: 'B-3' }), demandBody({ ref: 'B-4', headcount: 0 })];

    const res = await api.call('POST', '/demands/batch', { token: employer, body: batch });

    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: '/3/headcount' })]);
    expect((await api.allItems()).length).toBe(before);
  });
});
