import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';

let api: Api;
let employer: string;
let otherEmployer: string;
let bureau: string;
let farBureau: string;
let drone: string;
let other: string;
/** Application ids to `drone`, oldest first. */
const toDrone: string[] = [];
/** Application ids to `other`. */
const toOther: string[] = [];
let invitation: string;

const profile = (overrides: Record<string, unknown> = {}) => {
  const { ref: _ref, ...rest } = learnerBody(overrides);
  return rest;
};

async function seekerApplying(sub: string, demandId: string, phone?: string): Promise<{ learnerId: string; application: string }> {
  const token = await api.token('jobseeker', sub);
  const learnerId = (await api.call('PATCH', '/me/profile', { token, body: profile(phone ? { contact: { phone } } : {}) })).body.id as string;
  const application = (await api.call('POST', '/applications', { token, body: { demandId } })).body.id as string;
  return { learnerId, application };
}

/** Every item of a list, page by page. */
async function everyPage(path: string, token: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const res = await api.call('GET', `${path}&limit=${limit}${nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : ''}`, { token });
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
    nextToken = res.body.nextToken;
    pages += 1;
  } while (nextToken && pages < 20);
  return { ids, pages };
}

beforeAll(async () => {
  api = await startApi();
  employer = await api.token('employer', 'emp-bydemand');
  otherEmployer = await api.token('employer', 'emp-bydemand-other');
  bureau = await api.token('bureau', 'bur-bydemand', '110119');
  farBureau = await api.token('bureau', 'bur-bydemand-far', '310115');
  drone = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'BYD-UAV', headcount: 10 }) })).body.id;
  other = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'BYD-OTHER', title: '无人机维修员', headcount: 10 }) })).body.id;
  // Three applications to `drone` first, then four newer ones to `other`: the employer's own list
  // starts with `other`'s, so a page of it filtered to `drone` would come back short or empty.
  for (const [i, phone] of ['13800138101', undefined, '13800138103'].entries()) toDrone.push((await seekerApplying(`js-byd-d${i}`, drone, phone)).application);
  for (let i = 0; i < 4; i++) toOther.push((await seekerApplying(`js-byd-o${i}`, other)).application);
  const invitee = await api.token('jobseeker', 'js-byd-invitee');
  const inviteeId = (await api.call('PATCH', '/me/profile', { token: invitee, body: profile() })).body.id as string;
  invitation = (await api.call('POST', '/invitations', { token: employer, body: { demandId: drone, learnerId: inviteeId } })).body.id;
  await api.call('POST', '/invitations', { token: employer, body: { demandId: other, learnerId: inviteeId } });
});
afterAll(() => api.close());

describe('GET /applications and /invitations with demandId', () => {
  it('answers a full first page of one demand’s applications, newest first, though newer ones to another demand exist', async () => {
    const first = await api.call('GET', `/applications?demandId=${drone}&limit=2`, { token: employer });

    expect(first.status).toBe(200);
    expect(first.body.items.map((a: { id: string }) => a.id)).toEqual([toDrone[2], toDrone[1]]);
    expect(first.body.nextToken).toEqual(expect.any(String));
  });

  it('pages through exactly that demand’s applications and invitations', async () => {
    const applications = await everyPage(`/applications?demandId=${drone}`, employer, 1);
    const invitations = await everyPage(`/invitations?demandId=${drone}`, employer, 1);
    const others = await everyPage(`/applications?demandId=${other}`, employer, 3);

    expect(applications.ids).toEqual([...toDrone].reverse());
    expect(invitations.ids).toEqual([invitation]);
    expect(new Set(others.ids)).toEqual(new Set(toOther));
  });

  it('still shows the employer the contact of a live application, and only there', async () => {
    const res = await api.call('GET', `/applications?demandId=${drone}`, { token: employer });

    const byId = new Map(res.body.items.map((a: { id: string; contact?: unknown }) => [a.id, a.contact]));
    expect(byId.get(toDrone[0]!)).toEqual({ phone: '13800138101' });
    expect(byId.get(toDrone[1]!)).toBeUndefined();
    expect(byId.get(toDrone[2]!)).toEqual({ phone: '13800138103' });
  });

  it('lets bureau staff of the demand’s region list it, and narrows to nothing with a region that does not hold it', async () => {
    const city = await api.token('bureau', 'bur-bydemand-city', '110000');
    const mine = await api.call('GET', `/applications?demandId=${drone}`, { token: bureau });
    const holding = await api.call('GET', `/applications?demandId=${drone}&region=110119`, { token: city });
    const elsewhere = await api.call('GET', `/applications?demandId=${drone}&region=110101`, { token: city });

    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([...toDrone].reverse());
    expect(mine.body.items.every((a: object) => !('contact' in a))).toBe(true);
    expect(holding.body.items).toHaveLength(3);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.items).toEqual([]);
  });

  it.each([
    ['another employer', () => otherEmployer, 404],
    ['bureau staff of another region', () => farBureau, 404],
    ['a job seeker', () => api.token('jobseeker', 'js-byd-d0'), 403],
  ])('answers %s as the demand itself would (%i), as problem+json', async (_who, token, status) => {
    const caller = await token();

    const applications = await api.call('GET', `/applications?demandId=${drone}`, { token: caller });
    const invitations = await api.call('GET', `/invitations?demandId=${drone}`, { token: caller });

    for (const res of [applications, invitations]) {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers 404 for a well-formed id that names no demand, and 403 for a bureau asking outside its region', async () => {
    const none = await api.call('GET', '/applications?demandId=d_aaaaaaaaaaaaaaaaaaaa', { token: employer });
    const outside = await api.call('GET', `/invitations?demandId=${drone}&region=310115`, { token: bureau });

    expect(none.status).toBe(404);
    expect(outside.status).toBe(403);
  });

  it('answers 422 naming demandId (and any other bad field) for a malformed id', async () => {
    const bad = await api.call('GET', '/applications?demandId=DROP%20TABLE&limit=0', { token: employer });
    const empty = await api.call('GET', '/invitations?demandId=', { token: employer });

    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/demandId', '/limit']);
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((e: { path: string }) => e.path)).toEqual(['/demandId']);
  });
});
