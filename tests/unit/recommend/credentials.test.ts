import { describe, expect, it } from 'vitest';
import { missingCredentials } from '#shared/domain/recommend/credentials.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { makeRecommendCourses } from '#shared/use-cases/recommend.js';
import { course, demand, FixedShortage, learner, MemoryCandidateIndex, MemoryCourseCatalogue, MemoryRecordStore, skill } from './fakes.js';

const taxonomy = loadTaxonomy();
const ids = (held: string[]) => missingCredentials(held.map((skillId) => ({ skillId })), taxonomy).map((c) => c.skillId).sort();

describe('the credentials of a learner’s trade they lack', () => {
  it('names the certificate of a trade practised without it', () => {
    expect(ids(['welding'])).toEqual(['welding-certificate']);
    expect(ids(['forklift-operation'])).toEqual(['forklift-licence']);
    expect(ids(['electrician-work'])).toEqual(['electrician-certificate', 'electrician-certificate-hv', 'electrician-certificate-lv']);
  });

  it('names none where a credential held attests the skill, or attests the credential itself', () => {
    expect(ids(['welding', 'welding-certificate'])).toEqual([]);
    // The low-voltage permit attests electrical work and 电工证.
    expect(ids(['electrician-certificate-lv', 'electrician-work', 'electrician-certificate'])).toEqual([]);
    expect(ids(['caac-uav-licence-vlos', 'uav-multirotor-piloting', 'caac-uav-licence'])).toEqual([]);
  });

  it('names none for skills every trade draws on: a C1 driver is not aimed at a truck licence', () => {
    expect(ids(['driving-licence-c1', 'work-safety'])).toEqual([]);
  });
});

describe('recommend-courses use case: a certificate of the learner’s own trade', () => {
  const clock = { now: () => new Date('2026-03-01T00:00:00Z') };

  function world(certificates: string[]) {
    const welder = learner({ ref: 'welder', region: '310104', skills: [skill('welding', 2)], certificates });
    const job = demand({ ref: 'SH-WELD', title: '焊工', region: '310104', requiredSkills: [skill('welding', 2)] });
    const certificateCourse = course({ ref: 'CERT', title: '焊工证考证班', skillsTaught: [skill('welding', 2)], level: 2, region: '310000', certificate: '焊工证（熔化焊接与热切割作业）' });
    const advanced = course({ ref: 'ADV', title: '焊接进阶', skillsTaught: [skill('welding', 3)], level: 3, region: '310000' });
    const store = new MemoryRecordStore([welder, job, certificateCourse, advanced]);
    const recommend = makeRecommendCourses({ store, candidates: new MemoryCandidateIndex(store), shortage: new FixedShortage({}), catalogue: new MemoryCourseCatalogue(store), clock, taxonomy });
    return { welder, recommend };
  }

  it('aims a welder without 焊工证 at it beside the next level, and says so', async () => {
    // Prepare
    const w = world([]);

    // Act
    const answer = await w.recommend({ sub: w.welder.owner, role: 'jobseeker' }, w.welder.id, { limit: 10, lang: 'zh' });

    // Assess
    expect(answer.target.summary).toContain('并兼顾本行当您尚未取得的证书：焊工证');
    expect(answer.gap.map((g) => g.skillId)).toContain('welding-certificate');
    expect(answer.items.map((i) => i.ref)).toContain('CERT');
  });

  it('does not aim a certified welder at the certificate again', async () => {
    // Prepare
    const w = world(['焊工证（熔化焊接与热切割作业）']);

    // Act
    const answer = await w.recommend({ sub: w.welder.owner, role: 'jobseeker' }, w.welder.id, { limit: 10, lang: 'zh' });

    // Assess
    expect(answer.target.summary).not.toContain('尚未取得的证书');
  });
});
