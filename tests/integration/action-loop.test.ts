import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCampaignContainer } from '../../functions/campaign-container.js';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';

// Two invitations a day per employer, so the limit is reached inside this file.
process.env.INVITATIONS_PER_DAY = '2';

let api: Api;
let employer: string;
let otherEmployer: string;
let bureau: string;
let seekerA: string;
let seekerB: string;
let seekerC: string;
let drone: string;
let labelling: string;

const profile = (overrides: Record<string, unknown> = {}) => {
  const { ref: _ref, ...rest } = learnerBody(overrides);
  return rest;
};

beforeAll(async () => {
  api = await startApi();
  employer = await api.token('employer', 'emp-loop');
  otherEmployer = await api.token('employer', 'emp-other');
  bureau = await api.token('bureau', 'bur-loop', '110119');
  seekerA = await api.token('jobseeker', 'js-a');
  seekerB = await api.token('jobseeker', 'js-b');
  seekerC = await api.token('jobseeker', 'js-c');
  drone = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'LOOP-UAV' }) })).body.id;
  labelling = (
    await api.call('POST', '/demands', {
      token: otherEmployer,
      body: demandBody({ ref: 'LOOP-LABEL', title: 'AI数据标注员', description: '图像与文本标注', requiredSkills: ['数据标注'], preferredSkills: [], region: '310115', salaryMin: 5000, salaryMax: 7000 }),
    })
  ).body.id;
});
afterAll(() => api.close());

describe('my profile', () => {
  it('creates the profile from a whole body, then answers the same profile from any request', async () => {
    const created = await api.call('PATCH', '/me/profile', { token: seekerA, body: profile({ contact: { phone: '13800138000', email: 'a@example.cn' } }) });
    const read = await api.call('GET', '/me/profile', { token: seekerA });

    expect(created.status).toBe(201);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(created.body.id);
    expect(read.body.contact).toEqual({ phone: '13800138000', email: 'a@example.cn' });
    expect(read.headers.get('etag')).toBe('"v1"');
  });

  it('answers 404 to a seeker without a profile, and names every missing field when a partial body cannot create one', async () => {
    const none = await api.call('GET', '/me/profile', { token: seekerC });
    const partial = await api.call('PATCH', '/me/profile', { token: seekerC, body: { summary: '想找工作' } });

    expect(none.status).toBe(404);
    expect(partial.status).toBe(422);
    expect(partial.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/consentToShare', '/group', '/region', '/skills']);
    expect((await api.allItems()).filter((i) => i.entity === 'LEARNER' && i.owner === 'js-c')).toEqual([]);
  });

  it('rejects contact details that are not a phone number or an e-mail address, naming each', async () => {
    const bad = await api.call('PATCH', '/me/profile', { token: seekerC, body: profile({ contact: { phone: '12345', email: 'nope' } }) });

    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/contact/email', '/contact/phone']);
  });
});

describe('job search', () => {
  it('finds open jobs by Chinese words inside longer words, with the match for a seeker with a profile and no employer contact', async () => {
    const res = await api.call('GET', `/jobs?q=${encodeURIComponent('无人机')}`, { token: seekerA });

    expect(res.status).toBe(200);
    expect(res.body.items.map((j: { id: string }) => j.id)).toEqual([drone]);
    const job = res.body.items[0];
    expect(job).toMatchObject({ title: '无人机驾驶员', employer: '延庆区低空物流有限公司', region: '110119', headcount: 3, salaryMin: 6000, salaryMax: 9000 });
    expect(job.match.score).toBeGreaterThan(0);
    expect(job.match.explanation.summary).toEqual(expect.any(String));
    expect(job).not.toHaveProperty('owner');
    expect(job).not.toHaveProperty('description');
  });

  it('scopes by region, skill, pay and remote work, and shows no match to an employer', async () => {
    const inShanghai = await api.call('GET', '/jobs?region=310000', { token: employer });
    const bySkill = await api.call('GET', `/jobs?skill=${encodeURIComponent('数据标注')}`, { token: employer });
    const wellPaid = await api.call('GET', '/jobs?salaryMin=8000', { token: employer });
    const remote = await api.call('GET', '/jobs?remote=true', { token: employer });

    expect(inShanghai.body.items.map((j: { id: string }) => j.id)).toEqual([labelling]);
    expect(inShanghai.body.items[0]).not.toHaveProperty('match');
    expect(bySkill.body.items.map((j: { id: string }) => j.id)).toEqual([labelling]);
    expect(wellPaid.body.items.map((j: { id: string }) => j.id)).toEqual([drone]);
    expect(remote.body.items).toEqual([]);
  });

  it('ranks by match for a seeker with a profile, and pages with nextToken', async () => {
    const first = await api.call('GET', '/jobs?limit=1', { token: seekerA });
    const second = await api.call('GET', `/jobs?limit=1&nextToken=${first.body.nextToken}`, { token: seekerA });

    expect(first.body.items.map((j: { id: string }) => j.id)).toEqual([drone]);
    expect(second.body.items.map((j: { id: string }) => j.id)).toEqual([labelling]);
    expect(second.body.nextToken).toBeUndefined();
    expect(first.body.items[0].match.score).toBeGreaterThan(second.body.items[0].match.score);
  });

  it('drops a demand from the results once it closes', async () => {
    const temp = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'LOOP-TEMP', title: '植保无人机飞手' }) })).body.id;
    const before = await api.call('GET', `/jobs?q=${encodeURIComponent('植保')}`, { token: seekerA });
    await api.call('PATCH', `/demands/${temp}`, { token: employer, body: { status: 'closed' } });
    const after = await api.call('GET', `/jobs?q=${encodeURIComponent('植保')}`, { token: seekerA });

    expect(before.body.items.map((j: { id: string }) => j.id)).toEqual([temp]);
    expect(after.body.items).toEqual([]);
  });

  it('announces a new job in the inbox of matching seekers in its region only', async () => {
    const far = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'LOOP-FAR', title: '无人机巡检员', requiredSkills: ['多旋翼无人机驾驶'], preferredSkills: [], region: '310115' }) })).body.id;
    const near = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'LOOP-NEAR', title: '无人机物流飞手', requiredSkills: ['多旋翼无人机驾驶'], preferredSkills: [] }) })).body.id;

    const inbox = await api.call('GET', '/inbox', { token: seekerA });

    const announced = inbox.body.items.filter((e: { type: string }) => e.type === 'new_matching_job').map((e: { demandId: string }) => e.demandId);
    expect(announced).toContain(near);
    expect(announced).not.toContain(far);
    expect(inbox.body.items.find((e: { demandId: string }) => e.demandId === near).message).toContain('无人机物流飞手');
    await api.call('DELETE', `/demands/${far}`, { token: employer });
    await api.call('DELETE', `/demands/${near}`, { token: employer });
  });
});

describe('the action loop', () => {
  let applicationId: string;
  let invitationId: string;
  let learnerB: string;

  it('a seeker applies once however often the request is sent', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => api.call('POST', '/applications', { token: seekerA, body: { demandId: drone, note: '有CAAC执照' } })));

    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    applicationId = answers[0]!.body.id;
    expect((await api.allItems()).filter((i) => i.entity === 'ENGAGEMENT')).toHaveLength(1);
  });

  it('the employer sees the application, marked viewed, with the contact details the seeker shared, and the reveal is logged', async () => {
    const res = await api.call('GET', '/applications', { token: employer });

    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ id: applicationId, status: 'viewed', note: '有CAAC执照', contact: { phone: '13800138000', email: 'a@example.cn' } });
    expect(res.body.items[0].timestamps).toEqual({ sent: expect.any(String), viewed: expect.any(String) });
    const audit = (await api.allItems()).filter((i) => i.entity === 'AUDIT');
    expect(audit.map((a) => [a.engagementId, a.viewer])).toContainEqual([applicationId, 'emp-loop']);
  });

  it('another employer sees none of it, and the seeker is told the application was viewed', async () => {
    const other = await api.call('GET', '/applications', { token: otherEmployer });
    const inbox = await api.call('GET', '/inbox', { token: seekerA });

    expect(other.body.items).toEqual([]);
    expect(inbox.body.items[0]).toMatchObject({ type: 'application_viewed', engagementId: applicationId, read: false });
    expect(inbox.body.unread).toBe(inbox.body.items.filter((e: { read: boolean }) => !e.read).length);
  });

  it('the employer invites another consenting match; the contact stays hidden until the seeker accepts', async () => {
    learnerB = (await api.call('PATCH', '/me/profile', { token: seekerB, body: profile({ contact: { phone: '13900139000' } }) })).body.id;

    const invited = await api.call('POST', '/invitations', { token: employer, body: { demandId: drone, learnerId: learnerB, note: '欢迎来面试' } });
    invitationId = invited.body.id;
    const beforeAccept = await api.call('GET', '/invitations', { token: employer });
    const seen = await api.call('GET', '/invitations', { token: seekerB });
    const accepted = await api.call('POST', `/invitations/${invitationId}/accept`, { token: seekerB });
    const afterAccept = await api.call('GET', '/invitations', { token: employer });

    expect(invited.status).toBe(201);
    expect(beforeAccept.body.items[0]).not.toHaveProperty('contact');
    expect(seen.body.items[0]).toMatchObject({ id: invitationId, status: 'viewed' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(afterAccept.body.items[0]).toMatchObject({ id: invitationId, status: 'accepted', contact: { phone: '13900139000' } });
  });

  it('answers 409 to a move the state machine does not allow, and 404 to someone else’s invitation', async () => {
    const again = await api.call('POST', `/invitations/${invitationId}/decline`, { token: seekerB });
    const stranger = await api.call('POST', `/invitations/${invitationId}/accept`, { token: seekerA });

    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(stranger.status).toBe(404);
  });

  it('invites only consenting learners who match the demand', async () => {
    const shy = (await api.call('POST', '/learners', { token: seekerC, body: learnerBody({ ref: 'shy', consentToShare: false }) })).body.id;
    const unrelated = (await api.call('POST', '/learners', { token: seekerC, body: learnerBody({ ref: 'cook', summary: '川菜厨师，做过十年', skills: ['中式烹调'], certificates: [] }) })).body.id;

    const toShy = await api.call('POST', '/invitations', { token: employer, body: { demandId: drone, learnerId: shy } });
    const toUnrelated = await api.call('POST', '/invitations', { token: employer, body: { demandId: drone, learnerId: unrelated } });
    const notOwn = await api.call('POST', '/invitations', { token: otherEmployer, body: { demandId: drone, learnerId: learnerB } });

    expect(toShy.status).toBe(404);
    expect(toUnrelated.status).toBe(422);
    expect(toUnrelated.body.errors.map((e: { path: string }) => e.path)).toEqual(['/learnerId']);
    expect(notOwn.status).toBe(404);
  });

  it('invites someone the match list shows for words alone, a need the taxonomy names no skill for', async () => {
    // Prepare: a tea factory's post, and a tea maker who wrote the same words (another employer:
    // this file's employers have two invitations a day).
    const teaEmployer = await api.token('employer', 'emp-tea');
    const tea = (await api.call('POST', '/demands', { token: teaEmployer, body: demandBody({ ref: 'LOOP-TEA', title: '茶厂师傅', description: '做绿茶', requiredSkills: ['手工炒茶'], preferredSkills: [] }) })).body.id;
    const maker = (await api.call('POST', '/learners', { token: seekerC, body: learnerBody({ ref: 'tea', summary: '在茶厂做了八年', skills: ['手工炒茶'], certificates: [] }) })).body.id;

    // Act
    const listed = await api.call('GET', `/demands/${tea}/matches`, { token: teaEmployer });
    const invited = await api.call('POST', '/invitations', { token: teaEmployer, body: { demandId: tea, learnerId: maker } });

    // Assess
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(maker);
    expect(invited.status).toBe(201);
  });

  it('answers 429 with Retry-After once the employer’s invitations for the day are used up, storing nothing', async () => {
    const third = (await api.call('POST', '/learners', { token: seekerC, body: learnerBody({ ref: 'third' }) })).body.id;
    const fourth = (await api.call('POST', '/learners', { token: seekerC, body: learnerBody({ ref: 'fourth' }) })).body.id;

    const ok = await api.call('POST', '/invitations', { token: employer, body: { demandId: drone, learnerId: third } });
    const repeat = await api.call('POST', '/invitations', { token: employer, body: { demandId: drone, learnerId: learnerB } });
    const over = await api.call('POST', '/invitations', { token: employer, body: { demandId: drone, learnerId: fourth } });

    expect(ok.status).toBe(201);
    expect(repeat.status).toBe(200);
    expect(over.status).toBe(429);
    expect(over.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api.allItems()).filter((i) => i.entity === 'ENGAGEMENT' && i.learnerId === fourth)).toEqual([]);
  });

  it('marks an inbox event read once, lowering the unread count', async () => {
    const inbox = await api.call('GET', '/inbox', { token: seekerB });
    const event = inbox.body.items.find((e: { type: string }) => e.type === 'invited');

    const first = await api.call('POST', `/inbox/${event.id}/read`, { token: seekerB });
    const second = await api.call('POST', `/inbox/${event.id}/read`, { token: seekerB });
    const after = await api.call('GET', '/inbox', { token: seekerB });
    const foreign = await api.call('POST', `/inbox/${event.id}/read`, { token: seekerA });

    expect(first.status).toBe(204);
    expect(second.status).toBe(204);
    expect(after.body.unread).toBe(inbox.body.unread - 1);
    expect(after.body.items.find((e: { id: string }) => e.id === event.id).read).toBe(true);
    expect(foreign.status).toBe(404);
  });

  it('withdrawing consent withdraws the open application and hides the contact at once', async () => {
    const patched = await api.call('PATCH', '/me/profile', { token: seekerA, body: { consentToShare: false } });
    const res = await api.call('GET', '/applications', { token: employer });

    expect(patched.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ id: applicationId, status: 'withdrawn' });
    expect(res.body.items[0]).not.toHaveProperty('contact');
  });

  it('deleting the profile withdraws the accepted invitation and hides the contact at once', async () => {
    const deleted = await api.call('DELETE', '/me/profile', { token: seekerB });
    const res = await api.call('GET', '/invitations', { token: employer });
    const mine = await api.call('GET', '/me/profile', { token: seekerB });

    expect(deleted.status).toBe(204);
    const item = res.body.items.find((i: { id: string }) => i.id === invitationId);
    expect(item.status).toBe('withdrawn');
    expect(item).not.toHaveProperty('contact');
    expect(mine.status).toBe(404);
  });

  it('bureau staff see their region’s applications without contact details', async () => {
    const res = await api.call('GET', '/applications', { token: bureau });

    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([applicationId]);
    expect(res.body.items[0]).not.toHaveProperty('contact');
  });
});

describe('claiming a bureau-created profile', () => {
  it('links the person’s account with a one-time code', async () => {
    const walkIn = (await api.call('POST', '/learners', { token: bureau, body: learnerBody({ ref: 'walk-in-7', consentToShare: false }) })).body.id;
    const seeker = await api.token('jobseeker', 'js-walk-in');

    const code = await api.call('POST', `/learners/${walkIn}/claim-code`, { token: bureau });
    const claimed = await api.call('POST', '/me/profile/claim', { token: seeker, body: { code: code.body.code } });
    const mine = await api.call('GET', '/me/profile', { token: seeker });
    const reused = await api.call('POST', '/me/profile/claim', { token: await api.token('jobseeker', 'js-late'), body: { code: code.body.code } });
    const patched = await api.call('PATCH', '/me/profile', { token: seeker, body: { prefersOnline: true } });

    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(claimed.status).toBe(200);
    expect(mine.body.id).toBe(walkIn);
    expect(reused.status).toBe(422);
    expect(reused.body.errors.map((e: { path: string }) => e.path)).toEqual(['/code']);
    expect(patched.status).toBe(200);
    expect(patched.body.prefersOnline).toBe(true);
    expect((await api.allItems()).filter((i) => i.entity === 'CLAIM_CODE')).toEqual([]);
  });
});

describe('campaign finished', () => {
  it('tells the bureau officer who started a campaign, once it has completed', async () => {
    const started = await api.call('POST', '/campaigns', { token: bureau, body: { name: '延庆区春风行动', region: '110119' } });
    await getCampaignContainer().local?.idle();

    const inbox = await api.call('GET', '/inbox', { token: bureau });

    expect(started.status).toBeLessThan(300);
    expect(inbox.body.items.filter((e: { type: string }) => e.type === 'campaign_finished').map((e: { message: string }) => e.message)).toEqual([expect.stringContaining('延庆区春风行动')]);
  });
});

describe('OpenAPI document', () => {
  it('declares every action-loop route with its response schemas, and the 429 of POST /invitations with Retry-After', async () => {
    const doc = (await api.call('GET', '/openapi.json')).body;

    const routes = [
      ['/me/profile', 'get', '200'],
      ['/me/profile', 'patch', '201'],
      ['/me/profile/claim', 'post', '200'],
      ['/learners/{id}/claim-code', 'post', '201'],
      ['/jobs', 'get', '200'],
      ['/applications', 'post', '201'],
      ['/applications', 'get', '200'],
      ['/applications/{id}', 'patch', '200'],
      ['/invitations', 'post', '201'],
      ['/invitations', 'get', '200'],
      ['/invitations/{id}/accept', 'post', '200'],
      ['/invitations/{id}/decline', 'post', '200'],
      ['/invitations/{id}', 'patch', '200'],
      ['/inbox', 'get', '200'],
    ] as const;
    const missing = routes.filter(([path, method, status]) => !doc.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema);

    expect(missing).toEqual([]);
    expect(doc.paths['/invitations'].post.responses['429'].headers).toHaveProperty('Retry-After');
    expect(doc.paths['/me/profile'].delete.responses).toHaveProperty('204');
    expect(doc.paths['/inbox/{id}/read'].post.responses).toHaveProperty('204');
  });
});
