import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getContainer } from '../../functions/container.js';
import { systemClock } from '../../shared/ports/clock.js';
import { makeRebuildShortage } from '../../shared/use-cases/rebuild-shortage.js';
import { DEMAND_PARTITIONS } from '../../shared/use-cases/recommend.js';
import { courseBody, demandBody, learnerBody, startApi, type Api } from './api-harness.js';
import { recordCommands } from './table.js';

let api: Api;
let seeker: string;
let otherSeeker: string;
let employer: string;
let bureauShanghai: string;
let bureauBeijing: string;
let learnerId: string;
let demandId: string;

/** DynamoDB commands the handlers sent, counted by a middleware on the container's client. */
let commands: string[] = [];

beforeAll(async () => {
  api = await startApi();
  seeker = await api.token('jobseeker', 'js-sh');
  otherSeeker = await api.token('jobseeker', 'js-other');
  employer = await api.token('employer', 'emp-sh');
  bureauShanghai = await api.token('bureau', 'bur-sh', '310000');
  bureauBeijing = await api.token('bureau', 'bur-bj', '110000');

  demandId = (
    await api.call('POST', '/demands', {
      token: employer,
      body: demandBody({
        ref: 'SH-LABEL-1',
        employer: '浦东智能数据服务有限公司',
        title: '数据标注员',
        description: '图像与文本数据标注',
        requiredSkills: [{ skill: '数据标注', level: 3 }, { skill: '图像标注', level: 2 }],
        preferredSkills: ['标注质检'],
        region: '上海市浦东新区',
        headcount: 10,
      }),
    })
  ).body.id;
  // Someone else nearby who already labels images: supply of that skill, for the shortage index.
  await api.call('POST', '/learners', { token: otherSeeker, body: learnerBody({ ref: 'other', skills: [{ skill: '图像标注', level: 3 }], region: '310115', group: 'other' }) });

  const courses = [
    courseBody({ ref: 'SH-ANNOT-2', title: '人工智能数据标注（四级）', description: '', skillsTaught: ['数据标注', '图像标注'], level: 2, hours: 64, mode: 'online', provider: '上海数据职业培训学校', region: '310000', certificate: '人工智能训练师（数据标注员）四级', priceYuan: 2400, subsidyYuan: 0 }),
    courseBody({ ref: 'SH-ANNOT-3', title: '数据标注进阶（三级）', description: '', skillsTaught: ['数据标注'], level: 3, hours: 96, mode: 'offline', provider: '上海数据职业培训学校', region: '310115', certificate: '人工智能训练师（数据标注员）三级', priceYuan: 3600, subsidyYuan: 0 }),
    courseBody({ ref: 'SH-ANNOT-EXPERT', title: '数据标注项目专家班', description: '', skillsTaught: ['数据标注'], level: 'expert', hours: 40, mode: 'online', provider: '上海数据职业培训学校', region: '310000', priceYuan: 1800, subsidyYuan: 0 }),
    courseBody({ ref: 'SH-QA', title: '标注质检实务', description: '', skillsTaught: ['标注质检'], level: 1, hours: 24, mode: 'online', provider: '上海数据职业培训学校', region: '310000', priceYuan: 600, subsidyYuan: 0, certificate: undefined }),
    courseBody({ ref: 'SH-WELD', title: '焊工（初级）', description: '', skillsTaught: ['焊接'], level: 1, hours: 80, mode: 'offline', provider: '上海焊接培训中心', region: '310000', priceYuan: 1500 }),
  ];
  const batch = await api.call('POST', '/courses/batch', { token: bureauShanghai, body: courses });
  expect(batch.status).toBe(200);

  learnerId = (
    await api.call('POST', '/learners', {
      token: seeker,
      body: learnerBody({ ref: 'me', summary: '外来务工人员，做过电商客服，会Excel', skills: [{ skill: '图像标注', level: 1 }, 'Excel'], certificates: [], region: '310104', group: 'migrant_worker', prefersOnline: true }),
    })
  ).body.id;

  // The harness runs no stream consumer: build the shortage index from the records, as an operator would.
  const { shortage } = getContainer();
  await makeRebuildShortage({ shortage, clock: systemClock })();

  commands = recordCommands(getContainer().client, 'countRecommendRequests');
});
afterAll(() => api.close());

const recommendations = (token: string, query = '', headers: Record<string, string> = {}) => api.call('GET', `/learners/${learnerId}/recommendations${query}`, { token, headers });

describe('GET /learners/{id}/recommendations', () => {
  it('ranks courses closing the gap toward the nearby demand, with scores, explanations, subsidies and a pathway', async () => {
    // Prepare: the first call loads the course catalogue into memory; what a call costs is the second.
    await recommendations(seeker);
    commands.length = 0;

    // Act
    const res = await recommendations(seeker);

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('zh-CN');
    const { items, pathway, target, gap } = res.body;
    expect(target).toMatchObject({ kind: 'nearby-demands', demands: [{ id: demandId, title: '数据标注员' }] });
    expect(gap.map((g: { skillId: string }) => g.skillId)).toEqual(expect.arrayContaining(['data-annotation', 'image-annotation']));
    const refs = items.map((i: { ref: string }) => i.ref);
    expect(refs[0]).toBe('SH-ANNOT-2');
    expect(refs).not.toContain('SH-WELD');
    expect(refs.indexOf('SH-ANNOT-EXPERT')).toBe(refs.length - 1);
    for (const item of items) {
      expect(item.id).toMatch(/^c_/);
      expect(item.score).toBeGreaterThan(0);
      expect(item.score).toBeLessThanOrEqual(1);
      expect(typeof item.explanation.summary).toBe('string');
    }
    const first = items[0];
    // Shanghai's migrant-worker subsidy beats the national online one (one training subsidy only);
    // the certificate subsidy needs insurance in Shanghai, which the profile does not say.
    expect(first.explanation.subsidies.map((s: { name: string; status: string; amountYuan: number }) => [s.name, s.status, s.amountYuan])).toEqual([
      ['上海市农民工、高校毕业生和农村转移劳动力职业培训补贴（示例）', 'eligible', 1920],
      ['上海市人工智能数据标注职业技能证书提升补贴', 'to_confirm', 1000],
    ]);
    expect(first.explanation.subsidies[1].condition).toEqual({ zh: '需在上海市缴纳失业保险', en: 'you must pay unemployment insurance in 上海市' });
    expect(first.explanation).toMatchObject({ subsidyYuan: 1920, toConfirmYuan: 1000, netCostYuan: 480 });
    expect(first.explanation.summary).toContain('另有待确认、未计入的补贴：上海市人工智能数据标注职业技能证书提升补贴1,000元');
    const pathwayRefs = pathway.courses.map((c: { ref: string }) => c.ref);
    expect(pathwayRefs).toEqual(expect.arrayContaining(['SH-ANNOT-2', 'SH-ANNOT-3', 'SH-QA']));
    expect(pathwayRefs.indexOf('SH-ANNOT-2')).toBeLessThan(pathwayRefs.indexOf('SH-ANNOT-3'));
    const step = (ref: string) => pathway.courses.find((c: { ref: string }) => c.ref === ref);
    expect(step('SH-ANNOT-3').after).toEqual([step('SH-ANNOT-2').id]);
    expect(pathway.opens).toEqual([expect.objectContaining({ kind: 'demand', id: demandId })]);
    expect(pathway.certificate).toMatch(/数据标注员/);
    expect(res.body.reads).toBeUndefined();
    // The learner and the catalogue's version in one BatchGetItem; the province's skill-index
    // partitions, one Query each; one shortage BatchGetItem.
    expect(commands.filter((c) => c === 'BatchGetItemCommand')).toHaveLength(2);
    expect(commands.filter((c) => c === 'QueryCommand').length).toBeLessThanOrEqual(DEMAND_PARTITIONS);
    expect(commands.filter((c) => !['QueryCommand', 'BatchGetItemCommand'].includes(c))).toEqual([]);
  });

  it('weighs the gap with the real shortage index of the learner’s city', async () => {
    // Prepare / Act
    const res = await recommendations(seeker);

    // Assess: ten openings need data annotation and nobody nearby holds it; image labelling has a holder.
    const bySkill = Object.fromEntries(res.body.gap.map((g: { skillId: string; shortageIndex: number }) => [g.skillId, g.shortageIndex]));
    expect(bySkill['data-annotation']).toBeGreaterThan(1);
    expect(bySkill['data-annotation']).toBeGreaterThan(bySkill['image-annotation']);
  });

  it('answers in English when the caller prefers it', async () => {
    // Prepare / Act
    const res = await recommendations(seeker, '?limit=2', { 'accept-language': 'en-GB,en;q=0.9' });

    // Assess
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0].explanation.summary).toMatch(/^Closes Data annotation/);
    expect(res.body.pathway.summary).toMatch(/courses?, \d+(\.\d+)? hours/);
  });

  it('aims at a given demand or a taxonomy occupation when asked', async () => {
    // Prepare / Act
    const byDemand = await recommendations(seeker, `?demandId=${demandId}`);
    const byOccupation = await recommendations(seeker, '?occupation=data-labeller&limit=5');

    // Assess
    expect(byDemand.body.target).toMatchObject({ kind: 'demand', demands: [{ id: demandId }] });
    expect(byOccupation.status).toBe(200);
    expect(byOccupation.body.target).toMatchObject({ kind: 'occupation', occupation: { id: 'data-labeller', label: '数据标注员' } });
    expect(byOccupation.body.gap.length).toBeGreaterThanOrEqual(3);
  });

  it('serves the bureau of the learner’s region, answers 404 to other job seekers and other bureaus, and 403 to employers', async () => {
    // Prepare / Act
    const bureau = await recommendations(bureauShanghai);
    const other = await recommendations(otherSeeker);
    const elsewhere = await recommendations(bureauBeijing);
    const byEmployer = await recommendations(employer);
    const unknown = await api.call('GET', '/learners/l_aaaaaaaaaaaaaaaaaaaa/recommendations', { token: seeker });

    // Assess
    expect(bureau.status).toBe(200);
    expect(other.status).toBe(404);
    expect(elsewhere.status).toBe(404);
    expect(byEmployer.status).toBe(403);
    expect(unknown.status).toBe(404);
  });

  it('rejects a bad limit, an unknown occupation, an unknown parameter and a closed or unknown demand, naming the field', async () => {
    // Prepare / Act
    const badLimit = await recommendations(seeker, '?limit=0');
    const badOccupation = await recommendations(seeker, '?occupation=astronaut');
    const unknownParameter = await recommendations(seeker, '?region=310000');
    const unknownDemand = await recommendations(seeker, '?demandId=d_aaaaaaaaaaaaaaaaaaaa');

    // Assess
    expect(badLimit.status).toBe(422);
    expect(badLimit.body.errors).toEqual([expect.objectContaining({ path: '/limit' })]);
    expect(badOccupation.status).toBe(422);
    expect(badOccupation.body.errors).toEqual([expect.objectContaining({ path: '/occupation' })]);
    expect(unknownParameter.status).toBe(422);
    expect(unknownDemand.status).toBe(404);
  });

  it('reads a course skill partition narrowed to a region by its key prefix, with one Query and no Scan', async () => {
    // Prepare
    const { store } = getContainer();
    commands.length = 0;

    // Act
    const shanghai = await store.listBySkillWithin('course', 'data-annotation', '310000', { limit: 10 });
    const pudong = await store.listBySkillWithin('course', 'data-annotation', '310115', { limit: 10 });
    const beijing = await store.listBySkillWithin('course', 'data-annotation', '110000', { limit: 10 });
    const everywhere = await store.listBySkill('course', 'data-annotation', { limit: 10 });

    // Assess
    const refs = (page: typeof shanghai) => page.items.map((r) => r.ref).sort();
    expect(refs(shanghai)).toEqual(['SH-ANNOT-2', 'SH-ANNOT-3', 'SH-ANNOT-EXPERT']);
    expect(refs(pudong)).toEqual(['SH-ANNOT-3']);
    expect(beijing.items).toEqual([]);
    expect(refs(everywhere)).toEqual(refs(shanghai));
    expect(commands.filter((c) => c === 'QueryCommand')).toHaveLength(4);
    expect(commands.filter((c) => c === 'ScanCommand')).toEqual([]);
  });

  it('is described in the OpenAPI document with its query parameters', async () => {
    // Prepare / Act
    const res = await api.call('GET', '/openapi.json');

    // Assess
    const operation = res.body.paths['/learners/{id}/recommendations'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'demandId', 'occupation']));
  });

  it('recommends a course a bureau has just added, on the very next call', async () => {
    // Prepare: the catalogue is in memory from earlier calls.
    const before = await recommendations(seeker, '?limit=50');
    const added = await api.call('POST', '/courses', {
      token: bureauShanghai,
      body: courseBody({ ref: 'SH-ANNOT-2-NIGHT', title: '人工智能数据标注（四级，夜班）', description: '', skillsTaught: ['数据标注', '图像标注'], level: 2, hours: 64, mode: 'online', provider: '上海数据职业培训学校', region: '310000', priceYuan: 2000, subsidyYuan: 0 }),
    });
    expect(added.status).toBe(201);

    // Act
    const after = await recommendations(seeker, '?limit=50');

    // Assess
    const refs = (res: typeof before) => res.body.items.map((i: { ref: string }) => i.ref);
    expect(refs(before)).not.toContain('SH-ANNOT-2-NIGHT');
    expect(refs(after)).toContain('SH-ANNOT-2-NIGHT');
  });
});
