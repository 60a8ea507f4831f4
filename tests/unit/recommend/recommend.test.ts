import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '#shared/domain/errors.js';
import type { Caller } from '#shared/domain/caller.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { makeRecommendCourses } from '#shared/use-cases/recommend.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';
import { course, demand, FixedShortage, learner, MemoryCandidateIndex, MemoryCourseCatalogue, MemoryRecordStore, skill } from './fakes.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);
const clock = { now: () => new Date('2026-03-01T00:00:00Z') };

/** A Shanghai migrant worker who does data entry and wants to move into data annotation. */
function world(shortage: Record<string, number> = {}, known = taxonomy) {
  const me = learner({ ref: 'me', region: '310104', group: 'migrant_worker', prefersOnline: true, skills: [skill('data-entry', 2), skill('spreadsheets', 2)] });
  const annotator = demand({
    ref: 'SH-ANNOTATOR',
    title: '数据标注员',
    employer: '浦江数据',
    region: '310115',
    requiredSkills: [skill('data-annotation', 3), skill('data-entry', 2)],
    preferredSkills: [skill('image-annotation', 2)],
    headcount: 5,
  });
  const pilot = demand({ ref: 'BJ-PILOT', title: '无人机驾驶员', region: '110119', requiredSkills: [skill('uav-multirotor-piloting', 3)] });
  const closed = demand({ ref: 'SH-CLOSED', status: 'closed', region: '310104' });
  const courses = {
    basics: course({ ref: 'ANNOT-2', title: '数据标注基础', skillsTaught: [skill('data-annotation')], level: 2, mode: 'online', region: 'national', certificate: '人工智能数据标注员（四级）', priceYuan: 2000, hours: 60 }),
    advanced: course({ ref: 'ANNOT-3', title: '数据标注进阶', skillsTaught: [skill('data-annotation')], level: 3, mode: 'offline', region: '310000', certificate: '人工智能数据标注员（三级）', priceYuan: 3000, hours: 80 }),
    expert: course({ ref: 'ANNOT-4', title: '数据标注专家班', skillsTaught: [skill('data-annotation')], level: 4, mode: 'online', region: 'national', priceYuan: 1000, hours: 40 }),
    images: course({ ref: 'IMG-2', title: '图像标注实操', skillsTaught: [skill('image-annotation')], level: 2, mode: 'online', region: 'national', priceYuan: 800, hours: 30 }),
    welding: course({ ref: 'WELD', title: '焊工', skillsTaught: [skill('welding')], level: 1, region: '310000', priceYuan: 500 }),
  };
  const store = new MemoryRecordStore([me, annotator, pilot, closed, ...Object.values(courses)]);
  const candidates = new MemoryCandidateIndex(store);
  const shortageReader = new FixedShortage(shortage);
  const catalogue = new MemoryCourseCatalogue(store);
  const recommend = makeRecommendCourses({ store, candidates, shortage: shortageReader, catalogue, clock, taxonomy: known });
  return { me, annotator, pilot, closed, courses, store, candidates, shortage: shortageReader, catalogue, recommend };
}

/** Port calls the fakes count, read before and after a call to see what it read. */
const portCalls = (w: ReturnType<typeof world>) => ({ store: w.store.calls, candidates: w.candidates.calls, shortage: w.shortage.calls, catalogue: w.catalogue.calls });

/** An answer and the port calls it made. */
async function withReads<T>(w: ReturnType<typeof world>, call: () => Promise<T>) {
  const before = portCalls(w);
  const answer = await call();
  const after = portCalls(w);
  return { answer, reads: { store: after.store - before.store, candidates: after.candidates - before.candidates, shortage: after.shortage - before.shortage, catalogue: after.catalogue - before.catalogue } };
}

const self = (w: ReturnType<typeof world>): Caller => ({ sub: w.me.owner, role: 'jobseeker' });
const options = { limit: 10, lang: 'zh' as const };

describe('recommend-courses use case: access', () => {
  it('serves the learner themself and the bureau of their region, and answers 404 to anyone else', async () => {
    // Prepare
    const w = world();

    // Act
    const own = await w.recommend(self(w), w.me.id, options);
    const bureau = await w.recommend({ sub: 'b', role: 'bureau', region: '310000' }, w.me.id, options);
    const otherSeeker = w.recommend({ sub: 'someone-else', role: 'jobseeker' }, w.me.id, options);
    const otherBureau = w.recommend({ sub: 'b', role: 'bureau', region: '110000' }, w.me.id, options);

    // Assess
    expect(own.learner).toEqual({ id: w.me.id, ref: 'me' });
    expect(bureau.items.length).toBe(own.items.length);
    await expect(otherSeeker).rejects.toBeInstanceOf(NotFoundError);
    await expect(otherBureau).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('recommend-courses use case: targets and gap', () => {
  it('aims at the best open demand near the learner that still leaves a gap', async () => {
    // Prepare
    const w = world();

    // Act
    const answer = await w.recommend(self(w), w.me.id, options);

    // Assess
    expect(answer.target.kind).toBe('nearby-demands');
    expect(answer.target.demands.map((d) => d.ref)).toEqual(['SH-ANNOTATOR']);
    expect(answer.gap.map((g) => [g.skillId, g.role, g.needed, g.held])).toEqual([
      ['data-annotation', 'required', 3, 0],
      ['image-annotation', 'preferred', 2, 0],
    ]);
    expect(new Set(w.shortage.regions)).toEqual(new Set(['310100']));
  });

  it('aims at a given open demand, and answers 404 for a closed or unknown one', async () => {
    // Prepare
    const w = world();

    // Act
    const answer = await w.recommend(self(w), w.me.id, { ...options, demandId: w.pilot.id });
    const closed = w.recommend(self(w), w.me.id, { ...options, demandId: w.closed.id });
    const unknown = w.recommend(self(w), w.me.id, { ...options, demandId: 'not-an-id' });

    // Assess
    expect(answer.target).toMatchObject({ kind: 'demand', demands: [{ id: w.pilot.id, title: '无人机驾驶员' }] });
    expect(answer.gap.map((g) => g.skillId)).toEqual(['uav-multirotor-piloting']);
    // No course closes the pilot's gap: only courses filling the list toward other aims, marked so.
    expect(answer.items.filter((i) => i.scope === 'target')).toEqual([]);
    expect(answer.pathway.courses).toEqual([]);
    expect(answer.pathway.summary).toBe('暂无能补齐差距的合适课程');
    await expect(closed).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
  });

  it('aims at a taxonomy occupation with essential skills required and optional ones preferred', async () => {
    // Prepare
    const w = world();

    // Act
    const answer = await w.recommend(self(w), w.me.id, { ...options, lang: 'en', occupationId: 'data-annotator' });
    const unknown = w.recommend(self(w), w.me.id, { ...options, occupationId: 'astronaut' });

    // Assess
    expect(answer.target).toMatchObject({ kind: 'occupation', occupation: { id: 'data-annotator', label: 'Data annotator' } });
    expect(answer.gap.map((g) => [g.skillId, g.role])).toEqual([
      ['data-annotation', 'required'],
      ['python-programming', 'preferred'],
    ]);
    expect(answer.pathway.opens).toEqual([{ kind: 'occupation', id: 'data-annotator', label: 'Data annotator', alreadyQualified: false }]);
    await expect(unknown).rejects.toBeInstanceOf(ValidationError);
  });

  it('falls back to the next level of the learner’s own skills when no demand nearby or elsewhere fits', async () => {
    // Prepare
    const w = world();
    const loner = learner({ ref: 'loner', region: '650102', skills: [skill('welding', 1)] });
    w.store.records.set(loner.id, loner);

    // Act
    const answer = await w.recommend({ sub: loner.owner, role: 'jobseeker' }, loner.id, { ...options, lang: 'en' });

    // Assess
    expect(answer.target.kind).toBe('upskilling');
    expect(answer.gap).toEqual([expect.objectContaining({ skillId: 'welding', needed: 2, held: 1, role: 'preferred' })]);
    expect(answer.items.map((i) => i.ref)).toEqual([]);
  });
});

describe('recommend-courses use case: ranking, explanations and pathway', () => {
  it('ranks the fitting online course first and the expert course for a beginner below the courses on its skill they can take, explaining each in Chinese', async () => {
    // Prepare
    const w = world();

    // Act
    const answer = await w.recommend(self(w), w.me.id, options);

    // Assess
    const refs = answer.items.map((i) => i.ref);
    expect(refs[0]).toBe('ANNOT-2');
    expect(refs.indexOf('ANNOT-4')).toBeGreaterThan(refs.indexOf('ANNOT-3'));
    expect(refs).not.toContain('WELD');
    const first = answer.items[0]!;
    expect(first.score).toBeGreaterThan(0);
    expect(first.score).toBeLessThanOrEqual(1);
    expect(first.explanation.closes.map((c) => c.skillId)).toEqual(['data-annotation']);
    // The national online subsidy is certain; Shanghai's certificate subsidy needs insurance in
    // Shanghai, which the profile does not tell; Shanghai's migrant-worker subsidy pays only for
    // courses held in Shanghai.
    expect(first.explanation.subsidies.map((s) => [s.name, s.status, s.amountYuan, s.paid])).toEqual([
      ['线上职业技能培训取证补贴（示例）', 'eligible', 600, 'after_certificate'],
      ['上海市人工智能数据标注职业技能证书提升补贴', 'to_confirm', 1000, 'after_certificate'],
    ]);
    expect(first.explanation.subsidies[1]!.condition).toEqual({ zh: '需在上海市缴纳失业保险', en: 'you must pay unemployment insurance in 上海市' });
    expect(first.explanation.subsidyYuan).toBe(600);
    expect(first.explanation.toConfirmYuan).toBe(1000);
    expect(first.explanation.netCostYuan).toBe(1400);
    expect(first.explanation.payFirstYuan).toBe(2000);
    expect(first.explanation.summary).not.toMatch(/sh-ai|online-training|provider-declared/);
    expect(first.explanation.summary).toMatch(/^补齐数据标注（无→四级\/中级工，岗位要求三级\/高级工）/);
    expect(first.explanation.summary).toContain('线上授课');
    expect(first.explanation.summary).toContain('可享补贴：线上职业技能培训取证补贴（示例）600元（先垫后补：先自付，取得证书后申领），自付约1,400元（报名时需付2,000元，取证后申领600元）');
    expect(first.explanation.summary).toContain('另有待确认、未计入的补贴：上海市人工智能数据标注职业技能证书提升补贴1,000元（先垫后补：先自付，取得证书后申领；需在上海市缴纳失业保险）');
    expect(answer.items.find((i) => i.ref === 'ANNOT-4')!.explanation.levelFit).toMatch(/^难度偏高/);
  });

  it('explains in English when asked', async () => {
    // Prepare
    const w = world();

    // Act
    const answer = await w.recommend(self(w), w.me.id, { ...options, lang: 'en' });

    // Assess
    expect(answer.items[0]!.explanation.summary).toMatch(/^Closes Data annotation \(none → working knowledge, intermediate needed\)/);
    expect(answer.items[0]!.explanation.cost).toMatch(/you pay about 1,400 yuan .*not counted until confirmed: Shanghai AI data-labelling skill certificate upgrade subsidy 1,000 yuan/);
    expect(answer.target.summary).toBe('Target: the 1 open job you are closest to: 数据标注员 (浦江数据)');
  });

  it('counts one subsidy of a kind a year along the pathway: a later course does not get a second', async () => {
    // Prepare
    const w = world();

    // Act
    const { pathway, items } = await w.recommend(self(w), w.me.id, options);

    // Assess
    const step = (ref: string) => pathway.courses.find((c) => c.ref === ref)!;
    const item = (ref: string) => items.find((i) => i.ref === ref)!;
    // Alone, the Shanghai course gets Shanghai's migrant-worker training subsidy (80% of 3,000, at most 2,000).
    expect(item('ANNOT-3').explanation.netCostYuan).toBe(1000);
    // After the online course's training subsidy earlier in the pathway, no second one this year.
    expect(step('ANNOT-2').netCostYuan).toBe(1400);
    expect(step('ANNOT-3').netCostYuan).toBe(3000);
    expect(pathway.totalNetCostYuan).toBe(pathway.courses.reduce((sum, c) => sum + (c.netCostYuan ?? 0), 0));
  });

  it('builds a pathway with the prerequisite first that opens the target demand, with totals and the final certificate', async () => {
    // Prepare
    const w = world();

    // Act
    const { pathway } = await w.recommend(self(w), w.me.id, options);

    // Assess
    const refs = pathway.courses.map((c) => c.ref);
    expect(refs.indexOf('ANNOT-2')).toBeLessThan(refs.indexOf('ANNOT-3'));
    expect(refs).toEqual(expect.arrayContaining(['ANNOT-2', 'ANNOT-3', 'IMG-2']));
    expect(pathway.courses.find((c) => c.ref === 'ANNOT-3')!.after).toEqual([w.courses.basics.id]);
    expect(pathway.coverage).toBe(1);
    expect(pathway.totalHours).toBe(170);
    expect(pathway.certificate).toBe('人工智能数据标注员（三级）');
    expect(pathway.opens).toEqual([expect.objectContaining({ kind: 'demand', id: w.annotator.id, alreadyQualified: false })]);
  });

  it('lets a short-supply gap skill lift its courses above those of an equally needed skill', async () => {
    // Prepare
    const neutral = world();
    const imagesShort = world({ 'image-annotation': 2.5, 'data-annotation': 0.5 });

    // Act
    const before = await neutral.recommend(self(neutral), neutral.me.id, options);
    const after = await imagesShort.recommend(self(imagesShort), imagesShort.me.id, options);

    // Assess
    const rank = (a: typeof before, ref: string) => a.items.findIndex((i) => i.ref === ref);
    expect(rank(after, 'IMG-2')).toBeLessThan(rank(before, 'IMG-2'));
    expect(after.gap.find((g) => g.skillId === 'image-annotation')!.shortageIndex).toBe(2.5);
  });

  it('lets the learner\'s own words lift a course they speak of above one the gap alone ranks first', async () => {
    // Prepare: the same learner, once without a summary and once writing of image work.
    const w = world();
    const writer = learner({ ref: 'writer', region: '310104', group: 'migrant_worker', prefersOnline: true, skills: [skill('data-entry', 2), skill('spreadsheets', 2)], summary: '在外包公司做过一阵子图像标注实操的活' });
    w.store.records.set(writer.id, writer);

    // Act
    const silent = await w.recommend(self(w), w.me.id, options);
    const written = await w.recommend({ sub: writer.owner, role: 'jobseeker' }, writer.id, options);

    // Assess: the words' vote moves IMG-2 up (without it, the image work the summary names leaves
    // IMG-2 where it was).
    const rank = (a: typeof silent, ref: string) => a.items.findIndex((i) => i.ref === ref);
    expect(rank(written, 'IMG-2')).toBeLessThan(rank(silent, 'IMG-2'));
    expect(written.items.every((i) => i.score > 0 && i.score <= 1)).toBe(true);
  });

  it('fills a short list with broader courses, marked as such and discounted, after the courses toward the target', async () => {
    // Prepare: a course that takes the learner's own spreadsheet skill a level up.
    const w = world();
    const sheets = course({ ref: 'SHEETS-3', title: '电子表格进阶', skillsTaught: [skill('spreadsheets')], level: 3, mode: 'online', region: 'national', priceYuan: 300 });
    w.store.records.set(sheets.id, sheets);

    // Act
    const answer = await w.recommend(self(w), w.me.id, options);

    // Assess
    const broader = answer.items.find((i) => i.ref === 'SHEETS-3')!;
    expect(broader.scope).toBe('broader');
    expect(broader.explanation.summary).toMatch(/^拓展推荐/);
    expect(answer.items.findIndex((i) => i.ref === 'SHEETS-3')).toBeGreaterThan(answer.items.findIndex((i) => i.ref === 'ANNOT-2'));
    expect(answer.items.filter((i) => i.ref !== 'SHEETS-3').every((i) => i.scope === 'target')).toBe(true);
    expect(answer.pathway.courses.map((c) => c.ref)).not.toContain('SHEETS-3');
  });

  it('reads nothing broader when the target’s courses fill the list', async () => {
    // Prepare
    const w = world();

    // Act
    const { answer, reads } = await withReads(w, () => w.recommend(self(w), w.me.id, { ...options, limit: 2 }));

    // Assess
    expect(answer.items).toHaveLength(2);
    expect(reads.shortage).toBe(1);
    expect(answer.items.every((i) => i.scope === 'target')).toBe(true);
  });

  it('keeps its reads bounded: the learner, the catalogue and the shortage once each, a given demand once, the candidate index at most twice', async () => {
    // Prepare: thirty required skills no course teaches, and more courses of one skill than any page.
    const w = world();
    const wide = demand({ ref: 'WIDE', region: '310104', requiredSkills: [skill('data-entry', 2), ...Array.from({ length: 30 }, (_, i) => skill(`x-${i}`, 2))] });
    w.store.records.set(wide.id, wide);
    for (let i = 0; i < 100; i++) w.store.records.set(`c_${i}`, course({ ref: `MANY-${i}`, skillsTaught: [skill('data-annotation')], level: 2 }));

    // Act
    const answer = await withReads(w, () => w.recommend(self(w), w.me.id, { ...options, demandId: wide.id }));
    const nearby = await withReads(w, () => w.recommend(self(w), w.me.id, options));

    // Assess
    expect(answer.reads).toEqual({ store: 2, candidates: 0, shortage: 1, catalogue: 1 });
    expect(nearby.reads).toMatchObject({ store: 1, shortage: 1, catalogue: 1 });
    expect(nearby.reads.candidates).toBeGreaterThan(0);
    expect(nearby.reads.candidates).toBeLessThanOrEqual(2);
  });

  it('ranks every course that teaches a gap skill, however many skills the gap has', async () => {
    // Prepare: thirty required skills, each taught by one course, and eleven no course teaches.
    const w = world();
    const ids = Array.from({ length: 30 }, (_, i) => `x-${i}`);
    const untaught = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].map((s) => skill(`none-${s}`, 3));
    const wide = demand({ ref: 'WIDE', region: '310104', requiredSkills: [...untaught, ...ids.map((id) => skill(id, 2))] });
    w.store.records.set(wide.id, wide);
    for (const id of ids) {
      const one = course({ ref: `ONE-${id}`, skillsTaught: [skill(id)], level: 2 });
      w.store.records.set(one.id, one);
    }

    // Act
    const { answer, reads } = await withReads(w, () => w.recommend(self(w), w.me.id, { ...options, demandId: wide.id, limit: 50 }));

    // Assess
    const targetRefs = answer.items.filter((i) => i.scope === 'target').map((i) => i.ref);
    expect(targetRefs.sort()).toEqual(ids.map((id) => `ONE-${id}`).sort());
    expect(reads.catalogue).toBe(1);
  });
});

describe('recommend-courses use case: certificates and filling the list', () => {
  it('counts the skills a learner’s certificates attest as held, as matching does', async () => {
    // Prepare
    const w = world();
    const licensed = learner({ ref: 'licensed', region: '110119', skills: [skill('uav-multirotor-piloting', 3)], certificates: ['民用无人机驾驶员执照'] });
    const flyer = demand({ ref: 'BJ-FLYER', region: '110119', requiredSkills: [skill('caac-licence', 2), skill('uav-aerial-survey', 2)] });
    w.store.records.set(licensed.id, licensed);
    w.store.records.set(flyer.id, flyer);

    // Act
    const answer = await w.recommend({ sub: licensed.owner, role: 'jobseeker' }, licensed.id, { ...options, demandId: flyer.id });

    // Assess
    expect(answer.gap.map((g) => g.skillId)).toEqual(['uav-aerial-survey']);
  });

  it('lets a course close the skills its certificate attests, and says that the certificate is what closes them', async () => {
    // Prepare
    const w = world();
    const flyer = demand({ ref: 'BJ-FLYER', region: '310104', requiredSkills: [skill('caac-licence', 2)] });
    // It is indexed under what it teaches (无人机驾驶, related to the licence), so it is found through that neighbour.
    const licence = course({ ref: 'LICENCE', skillsTaught: [skill('uav-piloting')], level: 2, certificate: '民用无人机驾驶员执照', region: '310000' });
    w.store.records.set(flyer.id, flyer);
    w.store.records.set(licence.id, licence);

    // Act
    const answer = await w.recommend(self(w), w.me.id, { ...options, demandId: flyer.id });

    // Assess
    const item = answer.items.find((i) => i.ref === 'LICENCE')!;
    expect(item.scope).toBe('target');
    expect(item.explanation.closes[0]).toMatchObject({ skillId: 'caac-licence', from: 0, to: 2, attested: true });
    expect(item.explanation.summary).toMatch(/^补齐民用无人机驾驶员执照（课程证书可证明，无→四级\/中级工/);
    expect(answer.pathway.courses.map((c) => c.ref)).toEqual(['LICENCE']);
  });

  it('ranks a course asking on entry for what the learner lacks below its twin that does not, and says what it asks for', async () => {
    // Prepare: two aerial-survey courses alike but for one sentence.
    const w = world();
    const pilot = learner({ ref: 'pilot', region: '110119', skills: [skill('uav-multirotor-piloting', 3)] });
    const surveyor = demand({ ref: 'BJ-SURVEY', region: '110119', requiredSkills: [skill('uav-aerial-survey', 3)] });
    const open = course({ ref: 'SURVEY-OPEN', skillsTaught: [skill('uav-aerial-survey')], level: 3, region: '110000', description: '倾斜摄影航测实操。' });
    const licensedOnly = course({ ref: 'SURVEY-LICENSED', skillsTaught: [skill('uav-aerial-survey')], level: 3, region: '110000', description: '面向已持CAAC执照的飞手，倾斜摄影航测实操。' });
    for (const r of [pilot, surveyor, open, licensedOnly]) w.store.records.set(r.id, r);
    const asPilot = { sub: pilot.owner, role: 'jobseeker' } as const;

    // Act
    const answer = await w.recommend(asPilot, pilot.id, { ...options, demandId: surveyor.id });
    const english = await w.recommend(asPilot, pilot.id, { ...options, lang: 'en', demandId: surveyor.id });

    // Assess
    const [first, second] = answer.items;
    expect([first?.ref, second?.ref]).toEqual(['SURVEY-OPEN', 'SURVEY-LICENSED']);
    expect(second!.score).toBeLessThan(first!.score);
    expect(second!.explanation.summary).toContain('课程要求入学前已具备：民用无人机驾驶员执照，您的档案中还没有。');
    expect(first!.explanation.summary).not.toContain('课程要求');
    expect(english.items[1]!.explanation.summary).toContain('It asks on entry for CAAC drone pilot licence, which your profile does not show yet.');
  });

  it('fills a list still short with courses of the learner’s own trade, last, and says why they are listed', async () => {
    // Prepare: a welder aiming at a higher welding level; a CNC course is their trade (manufacturing)
    // but closes nothing of the gap; a data-entry course is another trade's.
    const w = world();
    const welder = learner({ ref: 'welder', region: '310104', skills: [skill('welding', 3)] });
    const job = demand({ ref: 'SH-WELDER', region: '310104', requiredSkills: [skill('welding', 4)] });
    const advanced = course({ ref: 'WELD-4', skillsTaught: [skill('welding')], level: 4, region: '310000' });
    const cnc = course({ ref: 'CNC-2', skillsTaught: [skill('cnc-machining')], level: 2, region: '310000' });
    const typing = course({ ref: 'ENTRY-2', skillsTaught: [skill('data-entry')], level: 2, mode: 'online', region: 'national' });
    for (const r of [welder, job, advanced, cnc, typing]) w.store.records.set(r.id, r);
    const asWelder = { sub: welder.owner, role: 'jobseeker' } as const;

    // Act
    const answer = await w.recommend(asWelder, welder.id, { ...options, demandId: job.id });
    const english = await w.recommend(asWelder, welder.id, { ...options, lang: 'en', demandId: job.id });

    // Assess: the welding course first; the CNC course after it, lower, saying why; no data entry, and
    // no entry welding course (WELD, level 1: nothing new to a level-3 welder).
    const refs = answer.items.map((i) => i.ref);
    expect(refs[0]).toBe('WELD-4');
    expect(refs).toContain('CNC-2');
    expect(refs).not.toContain('ENTRY-2');
    expect(refs).not.toContain('WELD');
    const filled = answer.items.find((i) => i.ref === 'CNC-2')!;
    expect(filled.score).toBeLessThanOrEqual(Math.min(...answer.items.filter((i) => i.ref !== 'CNC-2').map((i) => i.score)));
    expect(filled.explanation.summary).toMatch(/^同行当的其他课程（与当前目标无直接关系）：/);
    expect(english.items.find((i) => i.ref === 'CNC-2')!.explanation.summary).toMatch(/^More in your trade \(not toward a current target\): /);
  });

  it('fills no welder\'s list with a course of what every trade draws on (普通话) as their own trade\'s', async () => {
    // Prepare: the full taxonomy, where 普通话 is office-general work, which weighs in every trade.
    const w = world({}, loadTaxonomy());
    const welder = learner({ ref: 'welder', region: '310104', skills: [skill('welding', 3)] });
    const job = demand({ ref: 'SH-WELDER', region: '310104', requiredSkills: [skill('welding', 4)] });
    const advanced = course({ ref: 'WELD-4', skillsTaught: [skill('welding')], level: 4, region: '310000' });
    const mandarin = course({ ref: 'PSC-1', title: '普通话水平测试培训', skillsTaught: [skill('mandarin-putonghua')], level: 1, mode: 'online', region: 'national' });
    for (const r of [welder, job, advanced, mandarin]) w.store.records.set(r.id, r);

    // Act
    const answer = await w.recommend({ sub: welder.owner, role: 'jobseeker' }, welder.id, { ...options, demandId: job.id });

    // Assess
    expect(answer.items.map((i) => i.ref)).toContain('WELD-4');
    expect(answer.items.map((i) => i.ref)).not.toContain('PSC-1');
  });

  it('fills a short list with related courses, after the others, naming the target they serve', async () => {
    // Prepare: SQL is related to data analysis (credit 0.3): a level-2 SQL course earns 0.6 of a level of it.
    const w = world();
    const analyst = demand({ ref: 'SH-ANALYST', title: '数据分析助理', region: '310104', requiredSkills: [skill('data-analysis', 2)] });
    const direct = course({ ref: 'ANALYSIS-2', skillsTaught: [skill('data-analysis')], level: 2, mode: 'online', region: 'national' });
    const sql = course({ ref: 'SQL-2', skillsTaught: [skill('sql')], level: 2, mode: 'online', region: 'national' });
    for (const r of [analyst, direct, sql]) w.store.records.set(r.id, r);

    // Act
    const zh = await w.recommend(self(w), w.me.id, { ...options, demandId: analyst.id });
    const en = await w.recommend(self(w), w.me.id, { ...options, demandId: analyst.id, lang: 'en' });

    // Assess
    const refs = zh.items.map((i) => i.ref);
    expect(refs[0]).toBe('ANALYSIS-2');
    const related = zh.items.find((i) => i.ref === 'SQL-2')!;
    expect(related.scope).toBe('related');
    expect(related.score).toBeLessThan(zh.items[0]!.score);
    expect(related.explanation.partly[0]).toMatchObject({ skillId: 'data-analysis', from: 0, to: 0, share: 0.3, via: { skillId: 'sql', relation: 'related' } });
    expect(related.explanation.summary).toMatch(/^相关推荐（与目标岗位“数据分析助理”相关）：教授SQL数据库查询（与数据分析相关的技能，四级\/中级工课程），按30%计入数据分析，提升不足一级（约补上该技能差距的30%/);
    expect(en.items.find((i) => i.ref === 'SQL-2')!.explanation.summary).toMatch(/^Related option \(toward the target job “数据分析助理”\): Teaches SQL.*less than a level, about 30% of that skill's gap/);
    expect(zh.pathway.courses.map((c) => c.ref)).toEqual(['ANALYSIS-2']);
  });

  it('names what a broader course serves: the next level of a skill held', async () => {
    // Prepare
    const w = world();
    const sheets = course({ ref: 'SHEETS-3', skillsTaught: [skill('spreadsheets')], level: 3, mode: 'online', region: 'national', priceYuan: 300 });
    w.store.records.set(sheets.id, sheets);

    // Act
    const answer = await w.recommend(self(w), w.me.id, options);

    // Assess
    // Not a job's requirement: the level is named as the aim's.
    expect(answer.items.find((i) => i.ref === 'SHEETS-3')!.explanation.summary).toMatch(/^拓展推荐（面向现有技能的下一级）：补齐电子表格（四级\/中级工→三级\/高级工，目标三级\/高级工）/);
  });
});

describe('recommend-courses use case: one hop in the taxonomy, nearby reads and wishes', () => {
  /** A demand needing data annotation only (image annotation is a narrower skill of it). */
  const annotationOnly = (w: ReturnType<typeof world>) => {
    const only = demand({ ref: 'SH-ANNOT-ONLY', region: '310115', requiredSkills: [skill('data-annotation', 2)] });
    w.store.records.set(only.id, only);
    return only;
  };

  it('lists a course teaching a narrower skill as closing part of the gap skill, and says so in both languages', async () => {
    // Prepare
    const w = world();
    const only = annotationOnly(w);

    // Act
    const zh = await w.recommend(self(w), w.me.id, { ...options, demandId: only.id });
    const en = await w.recommend(self(w), w.me.id, { ...options, demandId: only.id, lang: 'en' });

    // Assess: 图像标注 credits 数据标注 at 0.75, so a level-2 course brings it to level 1 of 2.
    const images = zh.items.find((i) => i.ref === 'IMG-2')!;
    expect(images.explanation.closes).toEqual([]);
    expect(images.explanation.partly).toEqual([expect.objectContaining({ skillId: 'data-annotation', from: 0, to: 1, via: expect.objectContaining({ skillId: 'image-annotation', relation: 'child', credit: 0.75, level: 2 }) })]);
    expect(images.explanation.summary).toMatch(/^教授图像标注（数据标注的细分技能，四级\/中级工课程），按75%计入数据标注（无→五级\/初级工，岗位要求四级\/中级工）/);
    expect(en.items.find((i) => i.ref === 'IMG-2')!.explanation.summary).toMatch(/^Teaches Image annotation \(a narrower skill within Data annotation, working knowledge course\), counted at 75% toward Data annotation/);
    expect(zh.items.findIndex((i) => i.ref === 'ANNOT-2')).toBeLessThan(zh.items.findIndex((i) => i.ref === 'IMG-2'));
  });

  it('does not lose a nearby course among many courses of the same skill elsewhere', async () => {
    // Prepare: more Beijing courses than the list holds, sorting before every Shanghai course by id and region.
    const w = world();
    const only = annotationOnly(w);
    for (let i = 0; i < 100; i++) {
      const far = course({ ref: `BJ-${i}`, skillsTaught: [skill('data-annotation')], level: 2, region: '110000', mode: 'offline' });
      w.store.records.set(far.id, far);
    }
    const near = course({ ref: 'SH-NEAR', skillsTaught: [skill('data-annotation')], level: 2, region: '310104', mode: 'offline', priceYuan: 500 });
    w.store.records.set(near.id, near);

    // Act
    const { answer, reads } = await withReads(w, () => w.recommend(self(w), w.me.id, { ...options, demandId: only.id, limit: 5 }));

    // Assess
    const refs = answer.items.map((i) => i.ref);
    expect(refs).toContain('SH-NEAR');
    expect(refs.findIndex((ref) => ref.startsWith('BJ-'))).toBeGreaterThan(refs.indexOf('SH-NEAR'));
    expect(reads).toMatchObject({ store: 2, catalogue: 1 });
  });

  it('aims at what the summary says the learner wants to learn as a weak extra target, and ignores a negated wish', async () => {
    // Prepare: a welder far from any demand who wants to learn data annotation; another who does not.
    const w = world();
    const keen = learner({ ref: 'keen', region: '650102', summary: '焊工，想学数据标注，也会开叉车', skills: [skill('welding', 1)] });
    const not = learner({ ref: 'not', region: '650102', summary: '焊工，不想学数据标注', skills: [skill('welding', 1)] });
    w.store.records.set(keen.id, keen);
    w.store.records.set(not.id, not);

    // Act
    const wants = await w.recommend({ sub: keen.owner, role: 'jobseeker' }, keen.id, options);
    const none = await w.recommend({ sub: not.owner, role: 'jobseeker' }, not.id, options);

    // Assess
    expect(wants.target.wants).toEqual([{ skillId: 'data-annotation', label: '数据标注' }]);
    expect(wants.target.summary).toContain('并兼顾您想学的：数据标注');
    expect(wants.gap.find((g) => g.skillId === 'data-annotation')).toMatchObject({ role: 'preferred', needed: 2, held: 0 });
    // 也会开叉车 says the forklift is held (the summary is evidence): at most a level up of it, never a wish.
    expect(wants.target.wants?.map((w) => w.skillId)).not.toContain('forklift-operation');
    expect(wants.gap.find((g) => g.skillId === 'forklift-operation')?.held ?? 1).toBeGreaterThan(0);
    expect(wants.items.map((i) => i.ref)).toContain('ANNOT-2');
    expect(none.target.wants).toBeUndefined();
    expect(none.gap.map((g) => g.skillId)).toEqual(['welding']);
  });

  it('ignores wishes when a demand or an occupation is asked for', async () => {
    // Prepare
    const w = world();
    const keen = learner({ ref: 'keen', region: '310104', summary: 'I want to learn welding', skills: [skill('data-entry', 2)] });
    w.store.records.set(keen.id, keen);

    // Act
    const answer = await w.recommend({ sub: keen.owner, role: 'jobseeker' }, keen.id, { ...options, demandId: w.annotator.id });

    // Assess
    expect(answer.target.wants).toBeUndefined();
    expect(answer.gap.map((g) => g.skillId)).not.toContain('welding');
  });
});
