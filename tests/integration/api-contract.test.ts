import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCampaignContainer } from '../../functions/campaign-container.js';
import type { Method, RouteDef } from '../../functions/http/route-def.js';
import { ROUTES } from '../../functions/routes.js';
import { API_DOCS } from '../../scripts/gen-api-docs.js';
import { pathsTypeSource } from '../../scripts/openapi-to-ts.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import { OpenApiDocumentSchema } from '../../shared/schemas/views/common.js';
import { ProblemSchema } from '../../shared/schemas/views/problem.js';
import type { paths } from '../../web/src/api/paths.generated.js';
import { campaignRecords } from '../fixtures/campaign-records.js';
import { courseBody, demandBody, learnerBody, startApi, type Api } from './api-harness.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';

type LearnerBody = paths['/learners']['post']['requestBody']['content']['application/json'];
type CourseBody = paths['/courses']['post']['requestBody']['content']['application/json'];

/** The harness's sample records, typed as the document's request bodies. */
const learner = (over: Partial<LearnerBody> = {}): LearnerBody => ({ ...learnerBody(), group: 'veteran', ...over });
const course = (over: Partial<CourseBody> = {}): CourseBody => ({ ...courseBody(), mode: 'blended', level: 'elementary', region: '110119', ...over });

/**
 * The route contract, end to end: every route is called through a client typed from the OpenAPI
 * document (openapi-fetch over web/src/api/paths.generated.ts, which is generated from the
 * document and checked against the one the server serves), on the local server and DynamoDB
 * Local, and every answer is checked against the status, schema and headers its route declares.
 */

const NOW = new Date();
const seeded = campaignRecords({ learners: 80, demands: 20, courses: 6, now: NOW, seed: 3 });

let api: Api;
let client: (token?: string) => ReturnType<typeof createClient<paths>>;
const tokens: Record<'employer' | 'jobseeker' | 'bureau', string> = { employer: '', jobseeker: '', bureau: '' };

/** Routes whose answers were checked, as "METHOD /path". */
const checked = new Set<string>();

/**
 * Checks one real answer against its route's declaration: the status is declared, the body
 * parses with the declared schema and carries no field the schema leaves out, and the declared
 * headers are sent.
 */
function expectDeclared(method: Method, path: string, result: { response: Response; data?: unknown; error?: unknown }, present: readonly string[] = []): void {
  const route = (ROUTES as readonly RouteDef[]).find((r) => r.method === method && r.path === path);
  expect(route, `${method} ${path} is a route`).toBeDefined();
  const status = result.response.status;
  const answer = route?.responses?.[status];
  expect(answer, `${method} ${path} answered ${status}: ${JSON.stringify(result.error ?? '')}`).toBeDefined();
  if (answer?.schema) {
    const parsed = answer.schema.safeParse(result.data);
    expect(parsed.success ? [] : parsed.error.issues, `${method} ${path} ${status}`).toEqual([]);
    // Parsing drops fields the schema does not declare: none may be missing from the declaration.
    if (answer.schema !== OpenApiDocumentSchema) expect(parsed.data, `${method} ${path}: undeclared fields`).toEqual(result.data);
  } else {
    expect(result.response.headers.get('content-length') ?? '0', `${method} ${path}: no body`).toBe('0');
  }
  for (const header of [...(answer?.headers ?? []).filter((h) => h === 'ETag' || h === 'Location' || h === 'Content-Language'), ...present]) {
    expect(result.response.headers.get(header), `${method} ${path}: ${header}`).toBeTruthy();
  }
  checked.add(`${method} ${path}`);
}

const settle = () => getCampaignContainer().local!.idle();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  api = await startApi();
  tokens.employer = await api.token('employer', 'contract-employer');
  tokens.jobseeker = await api.token('jobseeker', 'contract-seeker');
  tokens.bureau = await api.token('bureau', 'contract-bureau', '110119');
  client = (token?: string) => createClient<paths>({ baseUrl: api.base, ...(token ? { headers: bearer(token) } : {}) });
  // Enough learners that a campaign is still running when it is cancelled right after its start.
  const store = new DynamoRecordStore(api.table.client, api.table.tableName, { now: () => NOW }, { index: recordIndex });
  await store.saveMany([...seeded.learners, ...seeded.demands, ...seeded.courses].map((next) => ({ next })));
}, 120_000);
afterAll(async () => {
  await settle();
  await api.close();
});

describe('the OpenAPI document the server serves', () => {
  it('is the one the committed openapi-fetch types were generated from', async () => {
    // Act
    const result = await client().GET('/openapi.json');

    // Assess
    expectDeclared('GET', '/openapi.json', result);
    expect(readFileSync(join(import.meta.dirname, '../..', API_DOCS.paths), 'utf8')).toBe(pathsTypeSource(JSON.parse(JSON.stringify(result.data))));
  });

  it('answers GET /health', async () => {
    expectDeclared('GET', '/health', await client().GET('/health'));
  });
});

describe('every route answers what it declares', { timeout: 90_000 }, () => {
  const ids = { demand: '', learner: '', course: '', campaign: '' };

  it('demands: create (201), update by ref (200), batch, list, read, patch with If-Match, delete (204)', async () => {
    const employer = client(tokens.employer);
    const created = await employer.POST('/demands', { body: demandBody({ ref: 'CT-1', region: '110119' }) });
    expectDeclared('POST', '/demands', created);
    expect(created.response.status).toBe(201);
    ids.demand = created.data?.id ?? '';

    const updated = await employer.POST('/demands', { body: demandBody({ ref: 'CT-1', region: '110119', headcount: 5 }) });
    expectDeclared('POST', '/demands', updated);
    expect(updated.response.status).toBe(200);
    expect(updated.data?.headcount).toBe(5);

    const batch = await employer.POST('/demands/batch', { body: [demandBody({ ref: 'CT-2' }), demandBody({ ref: 'CT-3', title: '物流无人机驾驶员' })] });
    expectDeclared('POST', '/demands/batch', batch);
    expect(batch.data?.items.map((d) => d.ref)).toEqual(['CT-2', 'CT-3']);

    const list = await employer.GET('/demands', { params: { query: { limit: 2 } } });
    expectDeclared('GET', '/demands', list);
    expect(list.data?.items).toHaveLength(2);
    expect(list.data?.nextToken).toBeDefined();

    const read = await employer.GET('/demands/{id}', { params: { path: { id: ids.demand } } });
    expectDeclared('GET', '/demands/{id}', read);
    const patched = await employer.PATCH('/demands/{id}', {
      params: { path: { id: ids.demand }, header: { 'If-Match': read.response.headers.get('etag') ?? '' } },
      body: { salaryMax: 12_000 },
    });
    expectDeclared('PATCH', '/demands/{id}', patched);
    expect(patched.response.headers.get('etag')).toBe(`"v${(read.data?.version ?? 0) + 1}"`);

    const doomed = batch.data?.items[1]?.id ?? '';
    const deleted = await employer.DELETE('/demands/{id}', { params: { path: { id: doomed } } });
    expectDeclared('DELETE', '/demands/{id}', deleted);
    expect(deleted.response.status).toBe(204);
  });

  it('learners: create, batch, list, read, patch, delete', async () => {
    const seeker = client(tokens.jobseeker);
    const bureau = client(tokens.bureau);
    const created = await seeker.POST('/learners', { body: learner({ ref: 'me', education: '大专' }) });
    expectDeclared('POST', '/learners', created);
    expect(created.response.status).toBe(201);
    ids.learner = created.data?.id ?? '';

    const batch = await bureau.POST('/learners/batch', { body: [learner({ ref: 'B-1', group: 'graduate', consentToShare: false }), learner({ ref: 'B-2', group: 'laid_off', consentToShare: false })] });
    expectDeclared('POST', '/learners/batch', batch);

    const list = await bureau.GET('/learners', { params: { query: { region: '110119', limit: 5 } } });
    expectDeclared('GET', '/learners', list);
    expect(list.data?.items.length).toBe(5);

    const read = await seeker.GET('/learners/{id}', { params: { path: { id: ids.learner } } });
    expectDeclared('GET', '/learners/{id}', read);
    const patched = await seeker.PATCH('/learners/{id}', { params: { path: { id: ids.learner } }, body: { yearsExperience: 4, education: null } });
    expectDeclared('PATCH', '/learners/{id}', patched);
    expect(patched.data?.education).toBeUndefined();

    const deleted = await bureau.DELETE('/learners/{id}', {
      params: { path: { id: batch.data?.items[1]?.id ?? '' }, header: { 'If-Match': `"v${batch.data?.items[1]?.version}"` } },
    });
    expectDeclared('DELETE', '/learners/{id}', deleted);
  });

  it('courses: create, batch, list by skill', async () => {
    const bureau = client(tokens.bureau);
    const created = await bureau.POST('/courses', { body: course({ ref: 'CT-C1' }) });
    expectDeclared('POST', '/courses', created);
    ids.course = created.data?.id ?? '';
    const batch = await bureau.POST('/courses/batch', { body: [course({ ref: 'CT-C2', mode: 'online', level: 3, certificate: undefined })] });
    expectDeclared('POST', '/courses/batch', batch);
    const list = await client(tokens.jobseeker).GET('/courses', { params: { query: { skill: '多旋翼无人机驾驶', limit: 50 } } });
    expectDeclared('GET', '/courses', list);
    expect(list.data?.items.map((c) => c.id)).toContain(ids.course);
  });

  it('skills: search and extraction', async () => {
    const seeker = client(tokens.jobseeker);
    const search = await seeker.GET('/skills', { params: { query: { q: '无人机' } } });
    expectDeclared('GET', '/skills', search);
    expect(search.data?.items.length).toBeGreaterThan(0);
    const extract = await seeker.POST('/skills/extract', { body: { text: '熟练使用Python做数据分析，会开多旋翼无人机，想学数据标注' } });
    expectDeclared('POST', '/skills/extract', extract);
    expect(extract.data?.items.length).toBeGreaterThan(1);
  });

  it('shortage, matches both ways and recommendations', async () => {
    const shortage = await client(tokens.employer).GET('/insights/shortage', { params: { query: { region: '110119' } } });
    expectDeclared('GET', '/insights/shortage', shortage);

    const placements = await client(tokens.bureau).GET('/insights/placements', { params: { query: { region: '110119', from: '2026-01-01', to: '2026-01-31' } } });
    expectDeclared('GET', '/insights/placements', placements);

    const forDemand = await client(tokens.employer).GET('/demands/{id}/matches', { params: { path: { id: ids.demand }, query: { limit: 20 } }, headers: { 'accept-language': 'en' } });
    expectDeclared('GET', '/demands/{id}/matches', forDemand);
    expect(forDemand.response.headers.get('content-language')).toBe('en');
    expect(forDemand.data?.items.map((m) => m.id)).toContain(ids.learner);

    const forLearner = await client(tokens.jobseeker).GET('/learners/{id}/matches', { params: { path: { id: ids.learner } } });
    expectDeclared('GET', '/learners/{id}/matches', forLearner);
    expect(forLearner.data?.items.map((m) => m.id)).toContain(ids.demand);

    const recommended = await client(tokens.jobseeker).GET('/learners/{id}/recommendations', { params: { path: { id: ids.learner }, query: { demandId: ids.demand } } });
    expectDeclared('GET', '/learners/{id}/recommendations', recommended);
    expect(recommended.data?.items.length).toBeGreaterThan(0);
  });

  it('campaigns: start (202), list, status with summary, results as JSON and CSV, cancel', async () => {
    const bureau = client(tokens.bureau);
    const started = await bureau.POST('/campaigns', { body: { name: '契约测试专场', region: '110119', limitPerLearner: 3, threshold: 0.3, assign: true } });
    expectDeclared('POST', '/campaigns', started);
    ids.campaign = started.data?.id ?? '';
    await settle();

    const list = await bureau.GET('/campaigns', {});
    expectDeclared('GET', '/campaigns', list);
    const status = await bureau.GET('/campaigns/{id}', { params: { path: { id: ids.campaign } } });
    expectDeclared('GET', '/campaigns/{id}', status);
    expect(status.data?.status).toBe('completed');
    expect(status.data?.summary).toBeDefined();

    const json = await bureau.GET('/campaigns/{id}/results', { params: { path: { id: ids.campaign }, query: { limit: 5 } } });
    expectDeclared('GET', '/campaigns/{id}/results', json);
    expect(typeof json.data === 'object' ? json.data.items : json.data).toHaveLength(5);
    const csv = await bureau.GET('/campaigns/{id}/results', { params: { path: { id: ids.campaign }, query: { format: 'csv', limit: 2 } }, parseAs: 'text' });
    expect(csv.response.status).toBe(200);
    expect(csv.response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.response.headers.get('content-disposition')).toContain(`campaign-${ids.campaign}.csv`);
    expect(csv.response.headers.get('x-next-token')).toBeTruthy();

    const running = await bureau.POST('/campaigns', { body: { name: '将取消', region: '110119', limitPerLearner: 1, threshold: 0.3, assign: false } });
    const cancelled = await bureau.POST('/campaigns/{id}/cancel', { params: { path: { id: running.data?.id ?? '' } } });
    expectDeclared('POST', '/campaigns/{id}/cancel', cancelled);
    expect(cancelled.data?.status).toBe('cancelled');
    await settle();
  });

  it('answers errors as problem JSON', async () => {
    const missing = await client(tokens.employer).GET('/demands/{id}', { params: { path: { id: 'd_aaaaaaaaaaaaaaaaaaaa' } } });
    const bad = await client(tokens.employer).POST('/demands', { body: { ...demandBody(), headcount: 0 } });

    expect(missing.response.status).toBe(404);
    expect(ProblemSchema.safeParse(missing.error).success).toBe(true);
    expect(bad.response.status).toBe(422);
    expect(ProblemSchema.parse(bad.error).errors?.map((e) => e.path)).toEqual(['/headcount']);
  });

  it('the action loop and a subsidy history: my profile, claim, jobs, applications, invitations, inbox', async () => {
    const me = client(await api.token('jobseeker', 'contract-loop-seeker'));
    const invitee = client(await api.token('jobseeker', 'contract-loop-invitee'));
    const claimer = client(await api.token('jobseeker', 'contract-loop-claimer'));
    const employer = client(tokens.employer);
    const bureau = client(tokens.bureau);
    const job = await employer.POST('/demands', { body: { ...demandBody({ ref: 'LOOP-1' }), region: '110119' } as never });
    const demandId = job.data?.id ?? '';

    const created = await me.PATCH('/me/profile', { body: learner({ ref: 'mine', contact: { phone: '13800138000' } } as never) });
    expectDeclared('PATCH', '/me/profile', created);
    expect(created.response.status).toBe(201);
    const updated = await me.PATCH('/me/profile', { body: { yearsExperience: 3 } });
    expectDeclared('PATCH', '/me/profile', updated);
    expectDeclared('GET', '/me/profile', await me.GET('/me/profile'));

    const walkIn = await bureau.POST('/learners', { body: learner({ ref: 'walk-in', consentToShare: false }) });
    const code = await bureau.POST('/learners/{id}/claim-code', { params: { path: { id: walkIn.data?.id ?? '' } } });
    expectDeclared('POST', '/learners/{id}/claim-code', code);
    expectDeclared('POST', '/me/profile/claim', await claimer.POST('/me/profile/claim', { body: { code: code.data?.code ?? '' } }));

    const recorded = await bureau.POST('/learners/{id}/subsidies', {
      params: { path: { id: created.data?.id ?? '' } },
      body: { ref: 'BT-1', kind: 'training', amountYuan: 1000, paidAt: '2026-03-01', payerRegion: '110119' },
    });
    expectDeclared('POST', '/learners/{id}/subsidies', recorded);

    expectDeclared('GET', '/jobs', await me.GET('/jobs', { params: { query: { region: '110119' } } }));
    const applied = await me.POST('/applications', { body: { demandId, note: '有CAAC执照' } });
    expectDeclared('POST', '/applications', applied);
    expectDeclared('GET', '/applications', await employer.GET('/applications'));
    expectDeclared('PATCH', '/applications/{id}', await employer.PATCH('/applications/{id}', { params: { path: { id: applied.data?.id ?? '' } }, body: { status: 'accepted' } }));

    const theirs = await invitee.PATCH('/me/profile', { body: learner({ ref: 'theirs' }) });
    const invited = await employer.POST('/invitations', { body: { demandId, learnerId: theirs.data?.id ?? '', note: '欢迎来面试' } });
    expectDeclared('POST', '/invitations', invited);
    expectDeclared('GET', '/invitations', await invitee.GET('/invitations'));
    expectDeclared('POST', '/invitations/{id}/accept', await invitee.POST('/invitations/{id}/accept', { params: { path: { id: invited.data?.id ?? '' } } }));
    expectDeclared('PATCH', '/invitations/{id}', await employer.PATCH('/invitations/{id}', { params: { path: { id: invited.data?.id ?? '' } }, body: { status: 'hired' } }));
    const again = await employer.POST('/invitations', { body: { demandId, learnerId: created.data?.id ?? '' } });
    expectDeclared('POST', '/invitations/{id}/decline', await me.POST('/invitations/{id}/decline', { params: { path: { id: again.data?.id ?? '' } } }));

    const inbox = await invitee.GET('/inbox');
    expectDeclared('GET', '/inbox', inbox);
    expectDeclared('POST', '/inbox/{id}/read', await invitee.POST('/inbox/{id}/read', { params: { path: { id: inbox.data?.items[0]?.id ?? '' } } }));
    expectDeclared('DELETE', '/me/profile', await me.DELETE('/me/profile'));
  });

  it('covered every route of the route table', () => {
    expect([...checked].sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });
});
