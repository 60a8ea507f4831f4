import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';

let api: Api;
let employer: string;
let jobseeker: string;

beforeAll(async () => {
  api = await startApi();
  employer = await api.token('employer', 'emp-bad');
  jobseeker = await api.token('jobseeker', 'js-bad');
});
afterAll(() => api.close());

const paths = (body: { errors?: Array<{ path: string }> }) => (body.errors ?? []).map((e) => e.path);

describe('bad input on write routes', () => {
  const cases: Array<[string, () => { body?: unknown; rawBody?: string; headers?: Record<string, string> }, number, string[]]> = [
    ['wrong types', () => ({ body: demandBody({ headcount: 'three', title: 42 }) }), 422, ['/headcount', '/title']],
    ['missing fields', () => ({ body: { ref: 'X' } }), 422, ['/employer', '/title', '/requiredSkills', '/region', '/headcount']],
    ['unknown fields', () => ({ body: demandBody({ colour: 'red', salary: 5 }) }), 422, ['/colour', '/salary']],
    ['an unknown region', () => ({ body: demandBody({ region: '火星市' }) }), 422, ['/region']],
    ['an unknown level', () => ({ body: demandBody({ requiredSkills: [{ skill: 'Python', level: 'guru' }] }) }), 422, ['/requiredSkills/0/level']],
    ['salaryMin above salaryMax', () => ({ body: demandBody({ salaryMin: 9000, salaryMax: 5000 }) }), 422, ['/salaryMax']],
    ['zero skills', () => ({ body: demandBody({ requiredSkills: [] }) }), 422, ['/requiredSkills']],
    ['10,000 skills', () => ({ body: demandBody({ requiredSkills: Array.from({ length: 10_000 }, (_, i) => `skill ${i}`) }) }), 422, ['/requiredSkills']],
    ['a 100 KB string', () => ({ body: demandBody({ description: 'x'.repeat(100_000) }) }), 422, ['/description']],
    ['a lone surrogate', () => ({ rawBody: JSON.stringify(demandBody()).replace('无人机驾驶员', '\\ud800'), headers: { 'content-type': 'application/json' } }), 422, ['/title']],
    ['a __proto__ key', () => ({ rawBody: JSON.stringify(demandBody()).replace('{', '{"__proto__":{"admin":true},'), headers: { 'content-type': 'application/json' } }), 422, ['/__proto__']],
    ['malformed JSON', () => ({ rawBody: '{"ref": "X",', headers: { 'content-type': 'application/json' } }), 400, []],
    ['a wrong content type', () => ({ rawBody: JSON.stringify(demandBody()), headers: { 'content-type': 'text/plain' } }), 415, []],
    ['an oversized body', () => ({ body: demandBody({ description: 'x'.repeat(300_000) }) }), 413, []],
    ['an empty body', () => ({ rawBody: '', headers: { 'content-type': 'application/json' } }), 400, []],
    ['a JSON array instead of an object', () => ({ body: [demandBody()] }), 422, ['/']],
  ];

  it.each(cases)('answers %s with problem JSON naming each bad field and stores nothing', async (_name, make, status, fields) => {
    const before = await api.allItems();

    const res = await api.call('POST', '/demands', { token: employer, ...make() });

    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
    expect(paths(res.body)).toEqual(expect.arrayContaining(fields));
    expect(await api.allItems()).toEqual(before);
  });

  it('rejects a patch that would change the ref, naming the field', async () => {
    const created = await api.call('POST', '/learners', { token: jobseeker, body: learnerBody() });

    const res = await api.call('PATCH', `/learners/${created.body.id}`, { token: jobseeker, body: { ref: 'other', consentToShare: 'yes' } });

    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(expect.arrayContaining(['/ref', '/consentToShare']));
    const after = await api.call('GET', `/learners/${created.body.id}`, { token: jobseeker });
    expect(after.body.version).toBe(1);
  });

  it('rejects a bad query parameter, naming it', async () => {
    const res = await api.call('GET', '/demands?limit=0&bogus=1', { token: employer });

    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(expect.arrayContaining(['/limit', '/bogus']));
  });

  it('rejects a forged nextToken', async () => {
    const res = await api.call('GET', `/demands?nextToken=${Buffer.from('{"p":99}').toString('base64url')}`, { token: employer });

    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(['/nextToken']);
  });

  it('answers 401 without a token, with a bad token, and with an expired one', async () => {
    const noToken = await api.call('GET', '/demands');
    const badToken = await api.call('GET', '/demands', { token: 'not.a.jwt' });
    const forged = await api.call('GET', '/demands', { token: `${employer.split('.').slice(0, 2).join('.')}.c2lnbmF0dXJl` });

    expect([noToken.status, badToken.status, forged.status]).toEqual([401, 401, 401]);
  });
});
