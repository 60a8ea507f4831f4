import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseBody, learnerBody, startApi, type Api } from './api-harness.js';

let api: Api;
let seeker: string;
let bureauShanghai: string;
let bureauBeijing: string;
let learnerId: string;

/** A Shanghai learner insured in Shanghai, in two groups, and an online course ending in the data-labelling certificate. */
const profile = (over: Record<string, unknown> = {}) =>
  learnerBody({
    ref: 'me',
    summary: '外来务工人员，做过电商客服',
    skills: [{ skill: '图像标注', level: 1 }],
    certificates: [],
    region: '310104',
    group: undefined,
    groups: ['migrant_worker', 'poverty_alleviated'],
    insuredRegion: '310104',
    ...over,
  });
const payment = (over: Record<string, unknown> = {}) => ({ ref: 'SH-BT-1', kind: 'skill_upgrade', occupation: '数据标注员', level: 2, amountYuan: 1000, paidAt: new Date().toISOString(), payerRegion: '310000', ...over });

beforeAll(async () => {
  api = await startApi();
  seeker = await api.token('jobseeker', 'js-sh');
  bureauShanghai = await api.token('bureau', 'bur-sh', '310000');
  bureauBeijing = await api.token('bureau', 'bur-bj', '110000');
  const course = courseBody({
    ref: 'SH-ANNOT-2', title: '人工智能数据标注（四级）', description: '', skillsTaught: ['数据标注', '图像标注'], level: 2, hours: 64, mode: 'online',
    provider: '上海数据职业培训学校', region: '310000', certificate: '人工智能训练师（数据标注员）四级', priceYuan: 6000, subsidyYuan: 0,
  });
  expect((await api.call('POST', '/courses', { token: bureauShanghai, body: course })).status).toBe(201);
  const created = await api.call('POST', '/learners', { token: seeker, body: profile() });
  expect(created.status).toBe(201);
  learnerId = created.body.id;
});
afterAll(() => api.close());

const certificateLine = async () => {
  const res = await api.call('GET', `/learners/${learnerId}/recommendations?occupation=ai-data-labeller`, { token: seeker });
  const answer = res.status === 200 ? res.body : (await api.call('GET', `/learners/${learnerId}/recommendations`, { token: seeker })).body;
  const item = answer.items.find((i: { ref: string }) => i.ref === 'SH-ANNOT-2');
  return item.explanation.subsidies.find((s: { name: string }) => s.name.includes('数据标注职业技能证书'));
};

describe('learner groups', () => {
  it('stores several groups, and normalises a single group into groups', async () => {
    // Act
    const several = await api.call('GET', `/learners/${learnerId}`, { token: seeker });
    const single = await api.call('POST', '/learners', { token: seeker, body: profile({ ref: 'single', groups: undefined, group: 'rural_transfer' }) });

    // Assess
    expect(several.body).toMatchObject({ group: 'migrant_worker', groups: ['migrant_worker', 'poverty_alleviated'] });
    expect(single.status).toBe(201);
    expect(single.body).toMatchObject({ group: 'rural_transfer', groups: ['rural_transfer'] });
  });

  it('rejects an unknown group and a group outside groups, naming the fields', async () => {
    // Act
    const res = await api.call('POST', '/learners', { token: seeker, body: profile({ ref: 'bad', groups: ['pirate'], group: 'veteran' }) });
    const mismatch = await api.call('POST', '/learners', { token: seeker, body: profile({ ref: 'bad2', groups: ['graduate'], group: 'veteran' }) });

    // Assess
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('/groups/0');
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.errors.map((e: { path: string }) => e.path)).toContain('/group');
  });
});

describe('POST /learners/{id}/subsidies', () => {
  it('shows the certificate subsidy as eligible while no subsidy of its kind was received this year', async () => {
    // Act
    const line = await certificateLine();

    // Assess
    expect(line).toMatchObject({ status: 'eligible', amountYuan: 1000, paid: 'after_certificate', when: '先垫后补：先自付，取得证书后申领' });
  });

  it('records a subsidy once however often it is sent, and the learner sees it on their record', async () => {
    // Act
    const first = await api.call('POST', `/learners/${learnerId}/subsidies`, { token: bureauShanghai, body: payment() });
    const again = await api.call('POST', `/learners/${learnerId}/subsidies`, { token: bureauShanghai, body: payment({ paidAt: first.body.subsidyHistory[0].paidAt }) });
    const seen = await api.call('GET', `/learners/${learnerId}`, { token: seeker });

    // Assess
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.subsidyHistory).toHaveLength(1);
    expect(seen.body.subsidyHistory).toEqual([expect.objectContaining({ ref: 'SH-BT-1', kind: 'skill_upgrade', occupation: '数据标注员', level: 2, amountYuan: 1000, payerRegion: '310000', recordedBy: 'bur-sh' })]);
  });

  it('then leaves the certificate subsidy out: once a year per kind', async () => {
    // Act
    const line = await certificateLine();

    // Assess
    expect(line).toBeUndefined();
  });

  it('keeps the history when the learner resubmits their profile', async () => {
    // Act
    const res = await api.call('POST', '/learners', { token: seeker, body: profile({ summary: '外来务工人员，做过电商客服，会Excel' }) });

    // Assess
    expect(res.status).toBe(200);
    expect(res.body.subsidyHistory).toHaveLength(1);
  });

  it('refuses the learner, a bureau of another region, and bad input, storing nothing', async () => {
    // Act
    const bySeeker = await api.call('POST', `/learners/${learnerId}/subsidies`, { token: seeker, body: payment({ ref: 'X-1' }) });
    const byBeijing = await api.call('POST', `/learners/${learnerId}/subsidies`, { token: bureauBeijing, body: payment({ ref: 'X-2' }) });
    const bad = await api.call('POST', `/learners/${learnerId}/subsidies`, { token: bureauShanghai, body: { ref: 'X-3', kind: 'bonus', amountYuan: -1, payerRegion: '310000' } });
    const after = await api.call('GET', `/learners/${learnerId}`, { token: seeker });

    // Assess
    expect(bySeeker.status).toBe(403);
    expect(byBeijing.status).toBe(404);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/amountYuan', '/kind', '/paidAt']);
    expect(after.body.subsidyHistory.map((h: { ref: string }) => h.ref)).toEqual(['SH-BT-1']);
  });
});
