import { describe, expect, it } from 'vitest';
import { makeLearnerComputer } from '../../../shared/domain/campaign/compute.js';
import type { Campaign } from '../../../shared/domain/campaign/types.js';
import { loadSubsidyRules } from '../../../shared/schemas/subsidy-rules.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import { makeTakeSnapshot } from '../../../shared/use-cases/campaign/snapshot.js';
import { makeRecommendCourses } from '../../../shared/use-cases/recommend.js';
import { course, demand, FixedShortage, learner, MemoryCandidateIndex, MemoryCourseCatalogue, MemoryRecordStore, skill } from '../recommend/fakes.js';

/**
 * A bureau officer reading a learner's campaign courses sees them in the order the learner's own
 * list gives them: courses closing the same gap are told apart by the learner's own words and by
 * how much of each is their trade, not by the gap alone.
 */

const taxonomy = loadTaxonomy();
const rules = loadSubsidyRules();
const clock = { now: () => new Date('2026-06-01T00:00:00Z') };

/** A Yanqing pilot who sprays crops back home; four courses close the same gap in piloting. */
function world() {
  const pilot = learner({ ref: 'pilot', region: '110119', summary: '在老家帮人用无人机打药，给果园喷农药两年', skills: [skill('uav-multirotor-piloting', 2)] });
  const job = demand({ ref: 'YQ-PILOT', title: '无人机飞手', region: '110119', requiredSkills: [skill('uav-multirotor-piloting', 3)] });
  // Created first, so its id sorts first: with the gap alone it would lead on the tie.
  const filming = course({ ref: 'FILM', title: '无人机航拍进阶', description: '航拍构图、运镜、后期剪辑', skillsTaught: [skill('uav-multirotor-piloting', 3)], level: 3, region: '110000' });
  const spraying = course({ ref: 'SPRAY', title: '植保无人机飞手进阶', description: '果园、农田喷洒打药作业，农药配比', skillsTaught: [skill('uav-multirotor-piloting', 3)], level: 3, region: '110000' });
  const mixed = course({ ref: 'MIXED', title: '无人机与焊接', description: '飞行与焊接', skillsTaught: [skill('uav-multirotor-piloting', 3), skill('welding', 3)], level: 3, region: '110000' });
  const licensed = course({ ref: 'LICENSED', title: '植保无人机超视距作业', description: '需持有CAAC无人机执照，果园喷洒打药超视距作业', skillsTaught: [skill('uav-multirotor-piloting', 3)], level: 3, region: '110000' });
  const store = new MemoryRecordStore([pilot, job, filming, spraying, mixed, licensed]);
  const recommend = makeRecommendCourses({ store, candidates: new MemoryCandidateIndex(store), shortage: new FixedShortage({}), catalogue: new MemoryCourseCatalogue(store), clock, taxonomy });
  const campaign = { region: '110000', request: { region: '110000', limitPerLearner: 5, threshold: 0, assign: false } } as unknown as Pick<Campaign, 'region' | 'request'>;
  return { pilot, store, recommend, campaign };
}

describe('campaign course order', () => {
  it('lists the courses closing a learner’s gap in the order of their own recommendation list', async () => {
    // Prepare
    const w = world();
    const snapshot = await makeTakeSnapshot({ store: w.store, shortage: { forRegion: async () => new Map() }, taxonomy, clock })(w.campaign);

    // Act
    const inCampaign = makeLearnerComputer(snapshot, { taxonomy, rules, limit: 5, threshold: 0 })(w.pilot).recommendations.map((c) => c.ref);
    const own = (await w.recommend({ sub: w.pilot.owner, role: 'jobseeker' }, w.pilot.id, { limit: 10, lang: 'zh' })).items.map((c) => c.ref);

    // Assess: the licence course speaks their words best, but asks for a licence they lack.
    expect(inCampaign).toEqual(['SPRAY', 'FILM', 'MIXED']);
    expect(own.filter((ref) => inCampaign.includes(ref))).toEqual(inCampaign);
  });

  it('keeps the course’s words and entry requirement in the snapshot, and reads a snapshot taken without them by title', async () => {
    // Prepare
    const w = world();
    const snapshot = await makeTakeSnapshot({ store: w.store, shortage: { forRegion: async () => new Map() }, taxonomy, clock })(w.campaign);
    const older = { ...snapshot, courses: snapshot.courses.map(({ text: _text, prerequisite: _prerequisite, ...rest }) => rest) };

    // Act
    const recommendations = makeLearnerComputer(older, { taxonomy, rules, limit: 5, threshold: 0 })(w.pilot).recommendations;

    // Assess
    expect(snapshot.courses.find((c) => c.ref === 'SPRAY')?.text).toContain('喷洒打药');
    expect(snapshot.courses.find((c) => c.ref === 'LICENSED')?.prerequisite).toEqual(['caac-uav-licence']);
    expect(recommendations).toHaveLength(3);
  });

  it('aims a learner’s courses at their wish and their trade’s missing certificate too, as their own list does, and reports the demands’ gap only', async () => {
    // Prepare: a welder without 焊工证 who wants to learn robot welding; the job nearby needs more welding.
    const welder = learner({ ref: 'welder', region: '110119', summary: '手工焊三年，想学焊接机器人编程', skills: [skill('welding', 2)] });
    const job = demand({ ref: 'YQ-WELD', title: '焊工', region: '110119', requiredSkills: [skill('welding', 3)] });
    const advanced = course({ ref: 'ADV', title: '焊接进阶', skillsTaught: [skill('welding', 3)], level: 3, region: '110000' });
    const robot = course({ ref: 'ROBOT', title: '焊接机器人编程入门', skillsTaught: [skill('robotic-welding', 2)], level: 2, region: '110000' });
    const certificate = course({ ref: 'CERT', title: '焊工证考证班', skillsTaught: [skill('welding', 2)], level: 2, region: '110000', certificate: '焊工证（熔化焊接与热切割作业）' });
    const store = new MemoryRecordStore([welder, job, advanced, robot, certificate]);
    const recommend = makeRecommendCourses({ store, candidates: new MemoryCandidateIndex(store), shortage: new FixedShortage({}), catalogue: new MemoryCourseCatalogue(store), clock, taxonomy });
    const campaign = { region: '110000', request: { region: '110000', limitPerLearner: 5, threshold: 0, assign: false } } as unknown as Pick<Campaign, 'region' | 'request'>;
    const snapshot = await makeTakeSnapshot({ store, shortage: { forRegion: async () => new Map() }, taxonomy, clock })(campaign);

    // Act
    const outcome = makeLearnerComputer(snapshot, { taxonomy, rules, limit: 5, threshold: 0 })(welder);
    const own = (await recommend({ sub: welder.owner, role: 'jobseeker' }, welder.id, { limit: 10, lang: 'zh' })).items.map((c) => c.ref);

    // Assess
    const inCampaign = outcome.recommendations.map((c) => c.ref);
    expect([...inCampaign].sort()).toEqual(['ADV', 'CERT', 'ROBOT']);
    expect(own.filter((ref) => inCampaign.includes(ref))).toEqual(inCampaign);
    expect(outcome.gap.map((g) => g.skillId)).toEqual(['welding']);
  });

  it('aims the courses of someone with no skill yet at what they wish to learn, as their own list does', async () => {
    // Prepare: a graduate with no trade yet who wants to fly drones; a welding course is on offer too.
    const graduate = learner({ ref: 'graduate', region: '110119', summary: '想学无人机', skills: [] });
    const flying = course({ ref: 'FLY', title: '无人机飞手入门', skillsTaught: [skill('uav-multirotor-piloting', 2)], level: 1, region: '110000' });
    const welding = course({ ref: 'WELD', title: '焊接入门', skillsTaught: [skill('welding', 2)], level: 1, region: '110000' });
    const store = new MemoryRecordStore([graduate, flying, welding]);
    const recommend = makeRecommendCourses({ store, candidates: new MemoryCandidateIndex(store), shortage: new FixedShortage({}), catalogue: new MemoryCourseCatalogue(store), clock, taxonomy });
    const campaign = { region: '110000', request: { region: '110000', limitPerLearner: 5, threshold: 0, assign: false } } as unknown as Pick<Campaign, 'region' | 'request'>;
    const snapshot = await makeTakeSnapshot({ store, shortage: { forRegion: async () => new Map() }, taxonomy, clock })(campaign);

    // Act
    const outcome = makeLearnerComputer(snapshot, { taxonomy, rules, limit: 5, threshold: 0 })(graduate);
    const own = (await recommend({ sub: graduate.owner, role: 'jobseeker' }, graduate.id, { limit: 10, lang: 'zh' })).items.map((c) => c.ref);

    // Assess: no match and no demand gap, but the course toward the wish.
    expect(outcome.matches).toEqual([]);
    expect(outcome.gap).toEqual([]);
    expect(outcome.recommendations.map((c) => c.ref)).toEqual(['FLY']);
    expect(own).toEqual(['FLY']);
  });
});
