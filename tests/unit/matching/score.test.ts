import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchingSkills } from '../../../shared/domain/matching/evidence.js';
import { explainMatch } from '../../../shared/domain/matching/explain.js';
import { ASSUMED_HELD_LEVEL, havesOf, levelCredit, needsOf, rankMatch, REGION_CREDIT, regionFit, RELATION_CREDIT, REQUIRED_WEIGHT, scoreMatch } from '../../../shared/domain/matching/score.js';
import type { Have, Need } from '../../../shared/domain/matching/types.js';
import type { Demand, Learner } from '../../../shared/domain/records.js';
import { DemandInputSchema } from '../../../shared/schemas/demand.js';
import { recordFromInput } from '../../../shared/use-cases/records.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import type { Level } from '../../../shared/taxonomy/levels.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);
const YANQING = '110119';
const HAIDIAN = '110108';
const SHIJIAZHUANG = '130102';
const BAODING = '130602';
const SHENZHEN_NANSHAN = '440305';
const here = { demandRegion: YANQING, learnerRegion: YANQING };

const need = (skillId: string, level: Level | null = null, role: Need['role'] = 'required'): Need => ({ skillId, level, role });
const have = (skillId: string, level: Level | null = null): Have => ({ skillId, level });

describe('scoreMatch', () => {
  it('gives a learner with no skills a score of 0', () => {
    // Prepare
    const needs = [need('uav-piloting'), need('welding', null, 'preferred')];

    // Act
    const result = scoreMatch(needs, [], here, taxonomy);

    // Assess
    expect(result.score).toBe(0);
    expect(result.missing.map((e) => e.skillId)).toEqual(['uav-piloting', 'welding']);
    expect(result.region.distance).toBe(0);
  });

  it('gives 0 to a learner whose skills are unrelated, even in the same district', () => {
    const result = scoreMatch([need('uav-piloting')], [have('welding', 5)], here, taxonomy);

    expect(result.score).toBe(0);
  });

  it('gives 1 to a learner holding every needed skill at the level asked, in the same district', () => {
    const result = scoreMatch([need('uav-piloting', 3), need('welding', null, 'preferred')], [have('uav-piloting', 4), have('welding')], here, taxonomy);

    expect(result.score).toBe(1);
    expect(result.requiredMet).toBe(1);
    expect(result.requiredTotal).toBe(1);
    expect(result.partial).toEqual([]);
  });

  it('counts a skill held below the level asked partly, 0.2 less per level short', () => {
    const oneShort = scoreMatch([need('welding', 3)], [have('welding', 2)], here, taxonomy);
    const fourShort = scoreMatch([need('welding', 5)], [have('welding', 1)], here, taxonomy);

    expect(oneShort.score).toBe(0.8);
    expect(fourShort.score).toBe(0.2);
    expect(oneShort.partial[0]).toMatchObject({ skillId: 'welding', needed: 3, held: 2, credit: 0.8 });
  });

  it('reads a held skill without a level as a modest level (2)', () => {
    expect(ASSUMED_HELD_LEVEL).toBe(2);
    expect(levelCredit(2, null)).toBe(1);
    expect(levelCredit(4, null)).toBeCloseTo(0.6);
    expect(levelCredit(null, null)).toBe(1);
    expect(levelCredit(null, 1)).toBe(1);
  });

  it('credits a narrower, a broader and a related skill partly, by the stated factors', () => {
    // uav-multirotor-piloting is a child of uav-piloting; uav-aerial-survey is related to it.
    const child = scoreMatch([need('uav-piloting')], [have('uav-multirotor-piloting')], here, taxonomy);
    const parent = scoreMatch([need('uav-multirotor-piloting')], [have('uav-piloting')], here, taxonomy);
    const related = scoreMatch([need('uav-piloting')], [have('uav-aerial-survey')], here, taxonomy);

    expect(child.score).toBe(RELATION_CREDIT.child);
    expect(parent.score).toBe(RELATION_CREDIT.parent);
    expect(related.score).toBe(RELATION_CREDIT.related);
    expect(child.partial[0]?.via).toMatchObject({ skillId: 'uav-multirotor-piloting', relation: 'child' });
    expect(related.partial[0]?.via).toMatchObject({ skillId: 'uav-aerial-survey', relation: 'related' });
  });

  it('prefers the skill itself over a neighbour, and the best neighbour when several apply', () => {
    const both = scoreMatch([need('uav-piloting', 3)], [have('uav-piloting', 1), have('uav-multirotor-piloting', 5)], here, taxonomy);

    // Held directly at 1 (credit 0.6) loses to the child held at 5 (0.75 × 1).
    expect(both.partial[0]).toMatchObject({ credit: 0.75, via: { relation: 'child' } });
  });

  it('grades region fit by district, city, province and elsewhere, as a multiplier', () => {
    const needs = [need('welding')];
    const haves = [have('welding')];

    const grades = [YANQING, HAIDIAN, '110000', SHENZHEN_NANSHAN].map((learnerRegion) => scoreMatch(needs, haves, { demandRegion: YANQING, learnerRegion }, taxonomy));
    const province = scoreMatch(needs, haves, { demandRegion: SHIJIAZHUANG, learnerRegion: BAODING }, taxonomy);

    // A municipality is one city: 北京市 (110000) vs 延庆区 is the same city, 1.
    expect(grades.map((g) => g.region.distance)).toEqual([0, 1, 1, 3]);
    expect(grades.map((g) => g.score)).toEqual([REGION_CREDIT[0], REGION_CREDIT[1], REGION_CREDIT[1], REGION_CREDIT[3]]);
    expect(province.region.distance).toBe(2);
    expect(province.score).toBe(REGION_CREDIT[2]);
  });

  it('lets required coverage dominate preferred coverage', () => {
    const needs = [need('uav-piloting'), need('welding'), need('sql', null, 'preferred'), need('spreadsheets', null, 'preferred')];

    const allRequired = scoreMatch(needs, [have('uav-piloting'), have('welding')], here, taxonomy);
    const halfRequiredAllPreferred = scoreMatch(needs, [have('uav-piloting'), have('sql'), have('spreadsheets')], here, taxonomy);
    const onlyPreferred = scoreMatch(needs, [have('sql'), have('spreadsheets')], here, taxonomy);

    expect(allRequired.score).toBe(REQUIRED_WEIGHT);
    expect(halfRequiredAllPreferred.score).toBeCloseTo(REQUIRED_WEIGHT / 2 + (1 - REQUIRED_WEIGHT), 3);
    expect(onlyPreferred.score).toBeCloseTo(1 - REQUIRED_WEIGHT);
    expect(allRequired.score).toBeGreaterThan(halfRequiredAllPreferred.score);
  });

  it('keeps the score within [0, 1] and never lets region lift a zero', () => {
    const result = scoreMatch([need('sql')], [have('welding')], { demandRegion: YANQING, learnerRegion: YANQING, online: true }, taxonomy);

    expect(result.score).toBe(0);
    expect(result.region.credit).toBe(1);
  });

  it('treats an online item as a full region fit', () => {
    const fit = regionFit({ demandRegion: YANQING, learnerRegion: SHENZHEN_NANSHAN, online: true, learnerPrefersOnline: true });

    expect(fit.credit).toBe(1);
    expect(fit.reason.en).toContain('Online');
  });
});

describe('needsOf', () => {
  it('gives skills without their own level the demand’s minLevel', () => {
    const needs = needsOf(
      [
        { skillId: 'a', level: null, role: 'required' },
        { skillId: 'b', level: 4, role: 'preferred' },
      ],
      2,
    );

    expect(needs).toEqual([
      { skillId: 'a', level: 2, role: 'required' },
      { skillId: 'b', level: 4, role: 'preferred' },
    ]);
    expect(havesOf([{ skillId: 'c', level: 3, role: 'held' }])).toEqual([{ skillId: 'c', level: 3 }]);
  });
});

describe('matchingSkills', () => {
  /** A learner record with nothing but what a test gives it. */
  const learnerWith = (over: Record<string, unknown>) =>
    ({
      kind: 'learner', id: 'l_x', ref: 'me', owner: 'js', version: 1, createdAt: '', updatedAt: '', contentHash: '',
      summary: '', region: '310115', group: 'other', consentToShare: true, skills: [], certificates: [], ...over,
    }) as unknown as Learner;

  it('counts the skills a learner’s certificates attest, as ids only', () => {
    const learner = learnerWith({ region: '110119', group: 'veteran', skills: [{ text: '焊接', skillId: 'welding', level: 2, confidence: 1 }], certificates: ['CAAC执照', '某某证书'] });

    const skills = matchingSkills(learner, taxonomy);

    expect(skills.filter((s) => !s.skillId.startsWith('~'))).toEqual([
      { skillId: 'welding', level: 2, role: 'held' },
      { skillId: 'caac-licence', level: null, role: 'held' },
    ]);
    // The words of what the taxonomy named nothing for count too, as character pairs, never as whole texts.
    expect(skills.filter((s) => s.skillId.startsWith('~')).map((s) => s.skillId)).toEqual(['~某某', '~某证']);
  });

  it('reads a certificate that names a trade at a level as that trade’s certificate too, at the same level', () => {
    // Prepare: the bundled taxonomy, where the trade and its certificate are two skills.
    const real = loadTaxonomy();
    const learner = learnerWith({ certificates: ['养老护理员（二级/技师）'] });

    // Act
    const held = matchingSkills(learner, real).filter((s) => !s.skillId.startsWith('~'));

    // Assess
    expect(held).toEqual([
      { skillId: 'elderly-care', level: 4, role: 'held' },
      { skillId: 'elderly-care-certificate', level: 4, role: 'held' },
    ]);
  });

  it('reads a trade written as a certificate as the credential of that trade (低压电工 → 低压电工作业证, 叉车 → 叉车证)', () => {
    // Prepare: the bundled taxonomy, where the electricians' permits are named with 证 and attest the trade.
    const real = loadTaxonomy();
    const learner = learnerWith({ certificates: ['低压电工', '叉车'] });

    // Act
    const held = matchingSkills(learner, real).map((s) => s.skillId).filter((id) => !id.startsWith('~'));

    // Assess
    expect(held).toEqual(expect.arrayContaining(['electrician-work', 'electrician-certificate-lv', 'forklift-operation', 'forklift-licence']));
    expect(held).not.toContain('electrician-certificate-hv');
  });

  it('credits what a credential attests (叉车证 → forklift driving, A2 licence → C1 driving) unless it is held already', () => {
    // Prepare: the bundled taxonomy, where the forklift licence attests forklift operation and truck driving a C1 licence.
    const real = loadTaxonomy();
    const learner = learnerWith({ skills: [{ text: '开叉车', skillId: 'forklift-operation', level: 3, confidence: 1 }], certificates: ['叉车证 N1', 'A2驾驶证'] });

    // Act
    const held = matchingSkills(learner, real).filter((s) => !s.skillId.startsWith('~'));

    // Assess: the listed level stays; the licences add the special-equipment safety the forklift
    // licence's exam covers and the C1 driving a truck licence's holder has.
    expect(held).toEqual([
      { skillId: 'forklift-operation', level: 3, role: 'held' },
      { skillId: 'forklift-licence', level: null, role: 'held' },
      { skillId: 'truck-driving', level: null, role: 'held' },
      { skillId: 'special-equipment-safety', level: null, role: 'held', attestedBy: 'forklift-licence' },
      { skillId: 'driving-licence-c1', level: null, role: 'held', attestedBy: 'truck-driving' },
    ]);
  });

  it('lets a narrower permit meet a need for the broader one in full (低压电工作业证 is a 电工证), and says by which', () => {
    // Prepare
    const real = loadTaxonomy();
    const needs = [{ skillId: 'electrician-certificate', level: null, role: 'required' as const }];
    const permit = learnerWith({ certificates: ['电工证（低压）'] });

    // Act
    const held = matchingSkills(permit, real).filter((s) => !s.skillId.startsWith('~'));
    const breakdown = scoreMatch(needs, havesOf(held), { demandRegion: '310112', learnerRegion: '310112' }, real);

    // Assess
    expect(held.map((s) => s.skillId)).toEqual(['electrician-certificate-lv', 'electrician-work', 'electrician-certificate', 'electrical-safety']);
    expect(breakdown.matched.map((e) => [e.skillId, e.attestedBy?.skillId])).toEqual([['electrician-certificate', 'electrician-certificate-lv']]);
    expect(explainMatch(breakdown, 'zh')).toMatch(/^满足全部1项必需技能（电工证（凭低压电工作业证））/);
  });

  it('says in the explanation which credential a skill is held by, when the person does not name it', () => {
    // Prepare: a forklift post; one learner names forklift driving, one only holds the licence.
    const real = loadTaxonomy();
    const needs = [{ skillId: 'forklift-operation', level: null, role: 'required' as const }];
    const named = learnerWith({ skills: [{ text: '开叉车', skillId: 'forklift-operation', level: null, confidence: 1 }], certificates: ['叉车证'] });
    const licensed = learnerWith({ certificates: ['叉车证'] });
    const ctx = { demandRegion: '310112', learnerRegion: '310112' };

    // Act
    const byName = scoreMatch(needs, havesOf(matchingSkills(named, real)), ctx, real);
    const byLicence = scoreMatch(needs, havesOf(matchingSkills(licensed, real)), ctx, real);

    // Assess
    expect(byName.matched[0]!.attestedBy).toBeUndefined();
    expect(byLicence.matched[0]!.attestedBy).toEqual({ skillId: 'forklift-licence', label: { zh: '叉车证', en: expect.any(String) } });
    expect(byLicence.score).toBe(byName.score);
    expect(explainMatch(byLicence, 'zh')).toMatch(/^满足全部1项必需技能（叉车操作（凭叉车证））/);
    expect(explainMatch(byName, 'zh')).toMatch(/^满足全部1项必需技能（叉车操作）/);
  });

  it('meets a broader credential in full with a narrower one, and names it', () => {
    // Prepare: a posting asks for 电工证; the learner holds the low-voltage permit.
    const real = loadTaxonomy();
    const needs = [{ skillId: 'electrician-certificate', level: null, role: 'required' as const }];
    const permit = learnerWith({ certificates: ['低压电工作业证'] });

    // Act
    const match = scoreMatch(needs, havesOf(matchingSkills(permit, real)), { demandRegion: '310112', learnerRegion: '310112' }, real);

    // Assess
    expect(match.requiredMet).toBe(1);
    expect(explainMatch(match, 'zh')).toMatch(/^满足全部1项必需技能（电工证（凭低压电工作业证））/);
  });

  it('counts skills a summary names as held at the fuzzy factor, except where it says the person has no experience at all', () => {
    // Prepare
    const withSummary = (summary: string) => learnerWith({ summary, region: '310112' });
    const held = (summary: string) => matchingSkills(withSummary(summary), taxonomy).filter((s) => !s.skillId.startsWith('~'));

    // Act
    const worked = held('在标注公司做过数据标注两年');
    const heardOf = held('看到说做数据标注可以居家，想试试，完全没经验');
    const noneYet = held('做数据标注？没有任何相关经验，纯小白');
    const specific = held('做过数据标注，Python没经验');

    // Assess
    expect(worked).toEqual([{ skillId: 'data-annotation', level: null, role: 'held', fuzzy: true }]);
    expect(heardOf).toEqual([]);
    expect(noneYet).toEqual([]);
    // "Python没经验" says nothing about the rest: only a clause of its own denies all experience.
    expect(specific.map((s) => s.skillId)).toEqual(['data-annotation']);
  });
});

describe('rankMatch', () => {
  it('gives exactly the score and tie-breakers of scoreMatch', () => {
    const ids = [...taxonomy.skills.keys()];
    const level = fc.constantFrom<Level | null>(null, 1, 2, 3, 4, 5);
    const needArb = fc.record({ skillId: fc.constantFrom(...ids), level, role: fc.constantFrom<'required' | 'preferred'>('required', 'preferred') });
    const haveArb = fc.record({ skillId: fc.constantFrom(...ids), level });
    const regionArb = fc.constantFrom(YANQING, HAIDIAN, SHIJIAZHUANG, BAODING, SHENZHEN_NANSHAN, 'national');

    fc.assert(
      fc.property(fc.array(needArb, { maxLength: 6 }), fc.array(haveArb, { maxLength: 6 }), regionArb, regionArb, (needs, haves, demandRegion, learnerRegion) => {
        const ctx = { demandRegion, learnerRegion };
        const full = scoreMatch(needs, haves, ctx, taxonomy);
        const rank = rankMatch(needs, haves, ctx, taxonomy);
        expect(rank).toEqual({ score: full.score, requiredMet: full.requiredMet, needsMet: full.matched.length, distance: full.region.distance });
        expect(full.score).toBeGreaterThanOrEqual(0);
        expect(full.score).toBeLessThanOrEqual(1);
        if (haves.length === 0) expect(full.score).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('matchingSkills of a posting', () => {
  const real = loadTaxonomy();
  const posting = (title: string, requiredSkills: string[], preferredSkills: string[] = []) =>
    recordFromInput('demand', 'emp', DemandInputSchema.parse({ ref: 'D-1', title, employer: '某公司', region: '310115', requiredSkills, preferredSkills, headcount: 1 }), undefined, new Date('2026-06-01T00:00:00Z')) as Demand;
  const taxonomyNeeds = (demand: Demand) => matchingSkills(demand, real).filter((s) => !s.skillId.startsWith('~'));

  it('adds the trade the title names and the skill lists do not, as a required need marked as from the title', () => {
    // Prepare: a rider's post whose lists say only how the work is done.
    const rider = posting('外卖骑手（市区）', ['电动车驾驶', '熟悉本地路线']);

    // Act
    const needs = taxonomyNeeds(rider);

    // Assess
    expect(needs).toContainEqual({ skillId: 'food-delivery', level: null, role: 'required', fromTitle: true });
    expect(needs.filter((s) => s.fromTitle).map((s) => s.skillId)).toEqual(['food-delivery']);
  });

  it('adds nothing when the lists name what the title does or a narrower kind of it, or the title names only office work', () => {
    // Prepare
    const forklift = posting('叉车司机', ['叉车操作', '叉车证']);
    const pilot = posting('无人机驾驶员', ['多旋翼无人机驾驶']);
    const clerk = posting('文员', ['Excel表格', '打字快']);

    // Act
    const fromTitle = [forklift, pilot, clerk].flatMap(taxonomyNeeds).filter((s) => s.fromTitle);

    // Assess
    expect(fromTitle).toEqual([]);
  });

  it('lets a rider meet a rider’s post the lists alone did not tell them apart for, and says the need is the title’s', () => {
    // Prepare
    const rider = posting('外卖骑手', ['电动车驾驶', '熟悉本地路线']);
    const learner = { kind: 'learner', skills: [{ text: '送外卖三年', skillId: 'food-delivery', level: null, confidence: 1 }], certificates: [], summary: '', region: '310115' } as unknown as Learner;
    const needs = needsOf(matchingSkills(rider, real));

    // Act
    const breakdown = scoreMatch(needs, havesOf(matchingSkills(learner, real)), { demandRegion: '310115', learnerRegion: '310115' }, real);

    // Assess
    expect(breakdown.matched.map((e) => [e.skillId, e.fromTitle])).toContainEqual(['food-delivery', true]);
    expect(explainMatch(breakdown, 'zh')).toContain('外卖配送（据岗位名称）');
    expect(explainMatch(breakdown, 'en')).toContain('(from the job title)');
  });
});
