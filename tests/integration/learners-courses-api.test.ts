import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseBody, learnerBody, startApi, type Api } from './api-harness.js';

let api: Api;
let seeker: string;
let otherSeeker: string;
let employer: string;
let bureau: string;

beforeAll(async () => {
  api = await startApi();
  seeker = await api.token('jobseeker', 'js-a');
  otherSeeker = await api.token('jobseeker', 'js-b');
  employer = await api.token('employer', 'emp-a');
  bureau = await api.token('bureau', 'bur-bj', '110000');
});
afterAll(() => api.close());

describe('learners API', () => {
  it('lets a job seeker create, read and edit only their own profile', async () => {
    const created = await api.call('POST', '/learners', { token: seeker, body: learnerBody() });
    const id = created.body.id as string;

    const own = await api.call('GET', `/learners/${id}`, { token: seeker });
    const edited = await api.call('PATCH', `/learners/${id}`, { token: seeker, body: { consentToShare: false } });
    const other = await api.call('GET', `/learners/${id}`, { token: otherSeeker });
    const employerRead = await api.call('GET', `/learners/${id}`, { token: employer });

    expect(created.status).toBe(201);
    expect(own.body).toMatchObject({ id, group: 'veteran', consentToShare: true, region: '110119' });
    expect(own.body.skills.length).toBeGreaterThan(0);
    expect(edited.body.consentToShare).toBe(false);
    expect(other.status).toBe(404);
    expect(employerRead.status).toBe(403);
  });

  it('lets only bureau staff list learners of their region', async () => {
    await api.call('POST', '/learners', { token: otherSeeker, body: learnerBody({ ref: 'b', region: '110108', group: 'graduate' }) });

    const listed = await api.call('GET', '/learners?limit=50', { token: bureau });
    const bySeeker = await api.call('GET', '/learners', { token: seeker });

    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThanOrEqual(2);
    expect(bySeeker.status).toBe(403);
  });

  it('deletes a profile and every index entry about it', async () => {
    const created = await api.call('POST', '/learners', { token: seeker, body: learnerBody({ ref: 'to-delete' }) });
    const id = created.body.id as string;

    const deleted = await api.call('DELETE', `/learners/${id}`, { token: seeker });

    expect(deleted.status).toBe(204);
    expect((await api.allItems()).filter((i) => i.id === id || i.recordId === id)).toHaveLength(0);
  });
});

describe('courses API', () => {
  it('lets bureau staff write courses and anyone signed in read them by skill and region', async () => {
    const created = await api.call('POST', '/courses', { token: bureau, body: courseBody() });
    await api.call('POST', '/courses', { token: bureau, body: courseBody({ ref: 'C-PY', title: 'Python数据分析', skillsTaught: ['Python数据分析'], region: '110108', mode: 'online' }) });

    const bySkill = await api.call('GET', `/courses?skill=${encodeURIComponent('多旋翼无人机驾驶')}&region=110119`, { token: seeker });
    const byRegion = await api.call('GET', '/courses?region=110108', { token: employer });
    const unknownSkill = await api.call('GET', `/courses?skill=${encodeURIComponent('打篮球')}`, { token: seeker });

    expect(created.status).toBe(201);
    expect(bySkill.body.items.map((c: { ref: string }) => c.ref)).toEqual(['C-UAV-1']);
    expect(byRegion.body.items.map((c: { ref: string }) => c.ref)).toEqual(['C-PY']);
    expect(unknownSkill.status).toBe(422);
  });

  it('refuses course writes from employers and job seekers', async () => {
    expect((await api.call('POST', '/courses', { token: employer, body: courseBody({ ref: 'X' }) })).status).toBe(403);
    expect((await api.call('POST', '/courses', { token: seeker, body: courseBody({ ref: 'Y' }) })).status).toBe(403);
  });
});

describe('OpenAPI and health', () => {
  it('serves an OpenAPI 3.1 document generated from the request schemas', async () => {
    const res = await api.call('GET', '/openapi.json');

    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const post = res.body.paths['/demands'].post;
    const schema = post.requestBody.content['application/json'].schema;
    const resolved = schema.$ref ? res.body.components.schemas[schema.$ref.split('/').pop()] : schema;
    expect(resolved.required).toEqual(expect.arrayContaining(['ref', 'employer', 'title', 'requiredSkills', 'region', 'headcount']));
    expect(res.body.paths['/learners/{id}'].patch).toBeDefined();
  });

  it('answers /health without a token', async () => {
    expect((await api.call('GET', '/health')).body).toEqual({ status: 'ok', service: 'skillbridge' });
  });
});
