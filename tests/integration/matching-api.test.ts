import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getContainer } from '../../functions/container.js';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';
import { recordCommands } from './table.js';

let api: Api;
let employer: string;
let otherEmployer: string;
let bureauBeijing: string;
let bureauShanghai: string;
let seekerA: string;
let seekerB: string;
let demandId: string;
const learnerIds: Record<string, string> = {};

/** DynamoDB commands the handlers sent, counted by a middleware on the container's client. */
let commands: string[] = [];

/** A learner body for `sub`: every one carries a phone number and a group, which must never leak. */
const learner = (overrides: Record<string, unknown>) => learnerBody({ summary: '联系电话13800138000，住址延庆区某街道', group: 'veteran', certificates: ['CAAC多旋翼视距内驾驶员'], ...overrides });

beforeAll(async () => {
  api = await startApi();
  employer = await api.token('employer', 'emp-a');
  otherEmployer = await api.token('employer', 'emp-b');
  bureauBeijing = await api.token('bureau', 'bur-bj', '110000');
  bureauShanghai = await api.token('bureau', 'bur-sh', '310000');
  seekerA = await api.token('jobseeker', 'js-a');
  seekerB = await api.token('jobseeker', 'js-b');

  // Required: 多旋翼无人机驾驶, 无人机维修 (level 2); preferred: 航拍. In 北京市延庆区.
  demandId = (await api.call('POST', '/demands', { token: employer, body: demandBody() })).body.id;
  await api.call('POST', '/demands', {
    token: employer,
    body: demandBody({ ref: 'PY-1', title: '数据分析师', requiredSkills: ['Python数据分析'], preferredSkills: [], region: '110108' }),
  });
  const closed = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'YQ-CLOSED', title: '已关闭的岗位' }) });
  await api.call('PATCH', `/demands/${closed.body.id}`, { token: employer, body: { status: 'closed' } });

  const profiles: Array<[string, Record<string, unknown>]> = [
    ['full-yanqing', { skills: ['多旋翼无人机驾驶', { skill: '无人机维修', level: 3 }, '航拍'], region: '110119' }],
    ['full-haidian', { skills: ['多旋翼无人机驾驶', { skill: '无人机维修', level: 3 }], region: '110108' }],
    ['low-level', { skills: ['多旋翼无人机驾驶', { skill: '无人机维修', level: 1 }], region: '110119' }],
    ['full-shenzhen', { skills: ['多旋翼无人机驾驶', { skill: '无人机维修', level: 3 }, '航拍'], region: '440305' }],
    ['no-consent', { skills: ['多旋翼无人机驾驶', { skill: '无人机维修', level: 5 }, '航拍'], region: '110119', consentToShare: false }],
    ['unrelated', { skills: ['Excel'], summary: '做过三年文员，会用Excel做表格', certificates: [], region: '110119' }],
  ];
  for (const [sub, overrides] of profiles) {
    const token = await api.token('jobseeker', sub);
    learnerIds[sub] = (await api.call('POST', '/learners', { token, body: learner({ ref: 'me', ...overrides }) })).body.id;
  }
  learnerIds['js-a'] = (await api.call('POST', '/learners', { token: seekerA, body: learner({ ref: 'me', skills: ['多旋翼无人机驾驶', '无人机维修'], region: '110119' }) })).body.id;

  commands = recordCommands(getContainer().client, 'countMatchingRequests');
});
beforeEach(() => {
  commands.length = 0;
});
afterAll(() => api.close());

const idsOf = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id);

/** Every object key anywhere in a JSON value. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(keysOf) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];

describe('GET /demands/{id}/matches', () => {
  it('ranks consenting learners by skill evidence and nearness, and never lists the others', async () => {
    const res = await api.call('GET', `/demands/${demandId}/matches`, { token: employer });

    expect(res.status).toBe(200);
    // 1 (all, same district) > 0.88 (required met, preferred only related) > 0.854 (the same, another
    // district of the city) > 0.8 (maintenance a level short) > 0.4 (all, another province).
    expect(idsOf(res.body).slice(0, 5)).toEqual(['full-yanqing', 'js-a', 'full-haidian', 'low-level', 'full-shenzhen'].map((sub) => learnerIds[sub]));
    expect(idsOf(res.body)).not.toContain(learnerIds['no-consent']);
    // Evidence only: the clerk who writes nothing of drones scores 0 and is never listed.
    expect(idsOf(res.body).slice(5)).toEqual([]);
    expect(idsOf(res.body)).not.toContain(learnerIds.unrelated);
    const scores = res.body.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(res.body.items[0].score).toBe(1);
  });

  it('answers items with id, ref, score and explanation only: no summary, group, certificates or contact', async () => {
    const res = await api.call('GET', `/demands/${demandId}/matches?limit=50`, { token: bureauBeijing });
    const text = JSON.stringify(res.body);

    expect(res.status).toBe(200);
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(['explanation', 'id', 'ref', 'score']);
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain('住址');
    expect(text).not.toContain('veteran');
    expect(text).not.toContain('CAAC多旋翼视距内驾驶员');
    for (const personal of ['group', 'certificates', 'owner', 'consentToShare', 'skills', 'education', 'yearsExperience']) expect(keysOf(res.body)).not.toContain(personal);
  });

  it('explains in Chinese by default and in English when asked', async () => {
    const zh = await api.call('GET', `/demands/${demandId}/matches?limit=5`, { token: employer });
    const en = await api.call('GET', `/demands/${demandId}/matches?limit=5`, { token: employer, headers: { 'accept-language': 'en-GB,en;q=0.9' } });

    expect(zh.body.items[0].explanation.summary).toBe('满足全部2项必需技能（多旋翼无人机驾驶、无人机维修）；另具备优先技能：无人机航拍。同在北京市延庆区。');
    expect(en.body.items[0].explanation.summary).toMatch(/^Meets all 2 required skills \(Multirotor UAV piloting, UAV maintenance[^)]*\); also has preferred: [^;.]+\. Both in 北京市延庆区\.$/);
    expect(en.headers.get('content-language')).toBe('en');
    const low = zh.body.items.find((i: { id: string }) => i.id === learnerIds['low-level']);
    expect(low.explanation.summary).toContain('无人机维修等级低于要求（持有五级/初级工，需要四级/中级工）');
  });

  it('names a need the taxonomy has no skill for as the posting wrote it, not by its character pairs', async () => {
    // Prepare: a Shanghai forklift post that also asks 熟悉本地路线 (its pairs 悉本 and 路线 read as nothing),
    // and a forklift driver there: neither meets anything else in this file.
    const post = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'SH-ROUTE', title: '叉车司机', requiredSkills: ['叉车操作', '熟悉本地路线'], preferredSkills: [], region: '310115' }) })).body.id;
    const driver = (await api.call('POST', '/learners', { token: await api.token('jobseeker', 'forklift-sh'), body: learner({ ref: 'me', skills: ['叉车操作'], certificates: [], region: '310115' }) })).body.id;

    // Act
    const res = await api.call('GET', `/demands/${post}/matches`, { token: employer });

    // Assess
    const item = res.body.items.find((i: { id: string }) => i.id === driver);
    expect(item.explanation.missing.map((e: { label: { zh: string } }) => e.label.zh)).toEqual(['熟悉本地路线']);
    expect(item.explanation.summary).toContain('缺少：熟悉本地路线');
  });

  it('answers 404 to another employer and to a bureau of another region, 403 to a job seeker', async () => {
    expect((await api.call('GET', `/demands/${demandId}/matches`, { token: otherEmployer })).status).toBe(404);
    expect((await api.call('GET', `/demands/${demandId}/matches`, { token: bureauShanghai })).status).toBe(404);
    expect((await api.call('GET', `/demands/${demandId}/matches`, { token: seekerA })).status).toBe(403);
    expect((await api.call('GET', '/demands/d_aaaaaaaaaaaaaaaaaaaa/matches', { token: employer })).status).toBe(404);
  });

  it('rejects a limit outside 1–50', async () => {
    expect((await api.call('GET', `/demands/${demandId}/matches?limit=0`, { token: employer })).status).toBe(422);
    expect((await api.call('GET', `/demands/${demandId}/matches?limit=51`, { token: employer })).status).toBe(422);
  });

  it('reads the neighbour skills only when someone found there could still enter the list', async () => {
    await api.call('GET', `/demands/${demandId}/matches?limit=2`, { token: employer });
    const short = [...commands];
    commands.length = 0;
    await api.call('GET', `/demands/${demandId}/matches?limit=50`, { token: employer });
    const long = [...commands];

    // Two full matches score above anything a neighbour skill alone can earn (0.75). Beside the
    // queries, at most one BatchGetItem asks where the partitions hold anyone (index-presence.ts).
    const others = (cs: string[]) => cs.filter((c) => c !== 'QueryCommand' && c !== 'BatchGetItemCommand');
    expect(others(short)).toEqual(['GetItemCommand']);
    expect(others(long)).toEqual(['GetItemCommand']);
    expect(long.length).toBeGreaterThan(short.length);
  });
});

describe('GET /learners/{id}/matches', () => {
  it('ranks open demands for the learner, leaving out closed ones', async () => {
    const res = await api.call('GET', `/learners/${learnerIds['js-a']}/matches`, { token: seekerA });

    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ id: demandId, ref: 'YQ-001', title: '无人机驾驶员', employer: '延庆区低空物流有限公司', region: '110119' });
    expect(res.body.items[0].score).toBeGreaterThan(0.5);
    expect(res.body.items[0].explanation.summary).toBe('满足全部2项必需技能（多旋翼无人机驾驶、无人机维修）；无人机航拍：具备相关技能多旋翼无人机驾驶。同在北京市延庆区。');
  });

  it('reads the learner once and the index by key conditions only: no scan', async () => {
    await api.call('GET', `/learners/${learnerIds['js-a']}/matches?limit=50`, { token: seekerA });

    // Beside the queries, at most one BatchGetItem asks where the partitions hold anyone.
    expect(commands.filter((c) => c !== 'QueryCommand' && c !== 'BatchGetItemCommand')).toEqual(['GetItemCommand']);
    expect(commands.filter((c) => c === 'BatchGetItemCommand').length).toBeLessThanOrEqual(1);
    expect(commands.filter((c) => c === 'QueryCommand').length).toBeGreaterThan(1);
  });

  it('lets the bureau of the region ask, answers 404 to another job seeker and 403 to an employer', async () => {
    expect((await api.call('GET', `/learners/${learnerIds['js-a']}/matches`, { token: bureauBeijing })).status).toBe(200);
    expect((await api.call('GET', `/learners/${learnerIds['js-a']}/matches`, { token: seekerB })).status).toBe(404);
    expect((await api.call('GET', `/learners/${learnerIds['js-a']}/matches`, { token: bureauShanghai })).status).toBe(404);
    expect((await api.call('GET', `/learners/${learnerIds['js-a']}/matches`, { token: employer })).status).toBe(403);
  });

  it('drops a learner from employers’ lists as soon as consent is withdrawn', async () => {
    await api.call('PATCH', `/learners/${learnerIds['js-a']}`, { token: seekerA, body: { consentToShare: false } });

    const res = await api.call('GET', `/demands/${demandId}/matches?limit=50`, { token: employer });

    expect(idsOf(res.body)).not.toContain(learnerIds['js-a']);
  });
});
