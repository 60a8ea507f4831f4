import { describe, expect, it } from 'vitest';
import { evaluateSubsidies } from '#shared/domain/subsidy/rules.js';
import { facts, testRules, type FactsOver } from './fixtures.js';

/**
 * The eligibility table: each case a learner and a course, and the lines expected — eligible
 * `[rule, yuan]`, to confirm `[rule, yuan, the unknown condition]` — with the eligible total and
 * the net cost ("自付约", eligible lines only).
 */
interface Case {
  readonly name: string;
  readonly given: FactsOver;
  readonly eligible: ReadonlyArray<readonly [string, number]>;
  readonly toConfirm?: ReadonlyArray<readonly [string, number, RegExp]>;
  readonly total: number;
  readonly net: number | null;
}

const SH_ONLINE = { region: '310000', mode: 'online', certificate: '人工智能训练师（数据标注员）四级', priceYuan: 2400 } as const;
const SH_LEARNER = { region: '310104' } as const;
const DATA_LABELLER = { id: 'data-labeller', zh: '数据标注员', en: 'Data labeller' };
const UAV_COURSE = { skillIds: ['uav-multirotor-piloting'], priceYuan: 3000, level: 2 } as const;
const BVLOS = { certificate: 'CAAC多旋翼超视距驾驶员执照', priceYuan: 6000 } as const;

const CASES: Case[] = [
  // Groups
  { name: 'a learner in no priority group gets nothing', given: {}, eligible: [], total: 0, net: 2000 },
  { name: 'a laid-off learner has the fee waived', given: { learner: { groups: ['laid_off'] } }, eligible: [['bj-priority', 2000]], total: 2000, net: 0 },
  { name: 'a fee waiver stops at its own cap', given: { learner: { groups: ['laid_off'] }, course: { priceYuan: 4000 } }, eligible: [['bj-priority', 3000]], total: 3000, net: 1000 },
  { name: 'veterans are a priority group', given: { learner: { groups: ['veteran'] } }, eligible: [['bj-priority', 2000]], total: 2000, net: 0 },
  { name: '就业困难人员 are a priority group', given: { learner: { groups: ['employment_difficulty'] } }, eligible: [['bj-priority', 2000]], total: 2000, net: 0 },
  { name: '脱贫人口 are a priority group', given: { learner: { groups: ['poverty_alleviated'] } }, eligible: [['bj-priority', 2000]], total: 2000, net: 0 },
  { name: 'a migrant worker gets 80% of the fee', given: { learner: { groups: ['migrant_worker'] } }, eligible: [['bj-migrant', 1600]], total: 1600, net: 400 },
  { name: '农村转移劳动力 get 80% up to the cap', given: { learner: { groups: ['rural_transfer'] }, course: { priceYuan: 3000 } }, eligible: [['bj-migrant', 2000]], total: 2000, net: 1000 },
  { name: 'a percentage rule cannot apply without a price', given: { learner: { groups: ['graduate'] }, course: { priceYuan: undefined } }, eligible: [], total: 0, net: null },
  { name: 'several groups: two training subsidies do not stack, the larger applies', given: { learner: { groups: ['migrant_worker', 'laid_off'] }, course: { priceYuan: 4000 } }, eligible: [['bj-priority', 3000]], total: 3000, net: 1000 },
  { name: 'employed upskilling is no priority group', given: { learner: { groups: ['employed_upskilling'] } }, eligible: [], total: 0, net: 2000 },

  // Regions
  { name: 'a Beijing rule does not pay for a learner living in Hebei', given: { learner: { groups: ['laid_off'], region: '130102' } }, eligible: [], total: 0, net: 2000 },
  { name: 'a learner living in Hebei but insured in Beijing is covered', given: { learner: { groups: ['laid_off'], region: '130102', insuredRegion: '110105' } }, eligible: [['bj-priority', 2000]], total: 2000, net: 0 },
  { name: 'local money does not pay for a course in another province', given: { learner: { groups: ['laid_off'] }, course: { region: '310115' } }, eligible: [], total: 0, net: 2000 },
  { name: 'a course anywhere in the payer province counts', given: { learner: { groups: ['laid_off'] }, course: { region: '110108' } }, eligible: [['bj-priority', 2000]], total: 2000, net: 0 },

  // Stacking
  { name: 'a shortage uplift stacks on the training subsidy of its kind when a rule says so', given: { learner: { groups: ['migrant_worker'] }, shortage: { 'data-annotation': 2 } }, eligible: [['bj-migrant', 1600], ['bj-shortage-uplift', 200]], total: 1800, net: 200 },
  { name: 'the uplift alone for a learner in no group', given: { shortage: { 'data-annotation': 2 } }, eligible: [['bj-shortage-uplift', 200]], total: 200, net: 1800 },
  { name: 'no uplift below the shortage threshold', given: { shortage: { 'data-annotation': 1.4 } }, eligible: [], total: 0, net: 2000 },
  { name: 'stacked amounts never exceed the price: the last applied is dropped', given: { learner: { groups: ['laid_off'] }, shortage: { 'data-annotation': 2 } }, eligible: [['bj-priority', 2000]], total: 2000, net: 0 },
  { name: 'a migrant worker on an online course: the larger training subsidy only', given: { learner: { groups: ['migrant_worker'] }, course: { mode: 'online', certificate: '数据标注员' } }, eligible: [['bj-migrant', 1600]], total: 1600, net: 400 },
  { name: 'subsidies of different kinds add up', given: { learner: { ...SH_LEARNER, insuredRegion: '310104' }, course: SH_ONLINE }, eligible: [['sh-cert-upgrade', 1000], ['online-cert', 600]], total: 1600, net: 800 },

  // Online vs offline, certificates
  { name: 'an online course ending in a certificate: 30% after certification', given: { course: { mode: 'online', certificate: '某证书', priceYuan: 1000 } }, eligible: [['online-cert', 300]], total: 300, net: 700 },
  { name: 'no online subsidy without a certificate', given: { course: { mode: 'online', priceYuan: 1000 } }, eligible: [], total: 0, net: 1000 },
  { name: 'no online subsidy for an offline course', given: { course: { certificate: '某证书', priceYuan: 1000 } }, eligible: [], total: 0, net: 1000 },
  { name: 'a blended course is not online', given: { course: { mode: 'blended', certificate: '某证书', priceYuan: 1000 } }, eligible: [], total: 0, net: 1000 },
  { name: 'the certificate upgrade needs the named certificate', given: { learner: { ...SH_LEARNER, insuredRegion: '310104' }, course: { ...SH_ONLINE, certificate: '电子商务师' } }, eligible: [['online-cert', 600]], total: 600, net: 1800 },
  { name: '超视距 needs the 视距内 licence already held', given: { course: BVLOS, learner: { certificates: ['CAAC多旋翼视距内驾驶员执照'] } }, eligible: [['bj-bvlos-upgrade', 800]], total: 800, net: 5200 },
  { name: '超视距 without the 视距内 licence: left out', given: { course: BVLOS }, eligible: [], total: 0, net: 6000 },

  // Insurance and household
  { name: 'insurance unknown: the certificate subsidy is to confirm, naming it', given: { learner: SH_LEARNER, course: SH_ONLINE }, eligible: [['online-cert', 600]], toConfirm: [['sh-cert-upgrade', 1000, /需在上海市缴纳失业保险/]], total: 600, net: 1800 },
  { name: 'not insured anywhere: left out', given: { learner: { ...SH_LEARNER, insuredRegion: 'none' }, course: SH_ONLINE }, eligible: [['online-cert', 600]], total: 600, net: 1800 },
  { name: 'living in Shanghai but insured in Beijing: left out', given: { learner: { ...SH_LEARNER, insuredRegion: '110105' }, course: SH_ONLINE }, eligible: [['online-cert', 600]], total: 600, net: 1800 },
  { name: 'living in Beijing, insured in Shanghai: the Shanghai subsidy pays', given: { learner: { insuredRegion: '310104' }, course: SH_ONLINE }, eligible: [['sh-cert-upgrade', 1000], ['online-cert', 600]], total: 1600, net: 800 },
  { name: 'household in the payer region: the assessment subsidy', given: { learner: { householdRegion: '110119' }, course: UAV_COURSE }, eligible: [['bj-uav-assessment', 500]], total: 500, net: 2500 },
  { name: 'household unknown: to confirm', given: { course: UAV_COURSE }, eligible: [], toConfirm: [['bj-uav-assessment', 500, /需为北京市户籍/]], total: 0, net: 3000 },
  { name: 'household elsewhere: left out', given: { learner: { householdRegion: '130102' }, course: UAV_COURSE }, eligible: [], total: 0, net: 3000 },
  { name: 'an occupation subsidy needs a course of that occupation', given: { learner: { householdRegion: '110119' }, course: { ...UAV_COURSE, skillIds: ['data-annotation'] } }, eligible: [], total: 0, net: 3000 },
  { name: 'an occupation subsidy needs the level', given: { learner: { householdRegion: '110119' }, course: { ...UAV_COURSE, level: 1 } }, eligible: [], total: 0, net: 3000 },

  // Age
  { name: 'age within bounds whatever the birthday', given: { learner: { groups: ['older_unemployed'], birthYear: 1976 }, course: { priceYuan: 4000 } }, eligible: [['bj-priority', 3000], ['bj-older-living', 300]], total: 3300, net: 700 },
  { name: 'age unknown: to confirm', given: { learner: { groups: ['older_unemployed'] }, course: { priceYuan: 4000 } }, eligible: [['bj-priority', 3000]], toConfirm: [['bj-older-living', 300, /年龄需在40至60周岁/]], total: 3000, net: 1000 },
  { name: 'on the age boundary by birth year: to confirm', given: { learner: { groups: ['older_unemployed'], birthYear: 1965 }, course: { priceYuan: 4000 } }, eligible: [['bj-priority', 3000]], toConfirm: [['bj-older-living', 300, /生日/]], total: 3000, net: 1000 },
  { name: 'too old: left out', given: { learner: { groups: ['older_unemployed'], birthYear: 1960 }, course: { priceYuan: 4000 } }, eligible: [['bj-priority', 3000]], total: 3000, net: 1000 },

  // Prior subsidies
  { name: 'one subsidy of a kind a year: already received this year', given: { learner: { ...SH_LEARNER, insuredRegion: '310104', history: [{ kind: 'skill_upgrade', amountYuan: 1000, paidAt: '2026-02-01' }] }, course: SH_ONLINE }, eligible: [['online-cert', 600]], total: 600, net: 1800 },
  { name: 'a training subsidy this year does not block a skill upgrade one, but blocks training ones', given: { learner: { ...SH_LEARNER, insuredRegion: '310104', history: [{ kind: 'training', amountYuan: 800, paidAt: '2026-01-10' }] }, course: SH_ONLINE }, eligible: [['sh-cert-upgrade', 1000]], total: 1000, net: 1400 },
  { name: 'last year, occupation not recorded: to confirm it was not the same occupation and level', given: { learner: { ...SH_LEARNER, insuredRegion: '310104', history: [{ kind: 'skill_upgrade', amountYuan: 1000, paidAt: '2025-03-01' }] }, course: SH_ONLINE }, eligible: [['online-cert', 600]], toConfirm: [['sh-cert-upgrade', 1000, /同一职业同一等级/]], total: 600, net: 1800 },
  { name: 'same occupation and level received before: left out', given: { learner: { ...SH_LEARNER, insuredRegion: '310104', history: [{ kind: 'skill_upgrade', occupation: '数据标注员', level: 2, amountYuan: 1000, paidAt: '2025-03-01' }] }, course: { ...SH_ONLINE, occupation: DATA_LABELLER } }, eligible: [['online-cert', 600]], total: 600, net: 1800 },
  { name: 'same occupation at another level: eligible again', given: { learner: { ...SH_LEARNER, insuredRegion: '310104', history: [{ kind: 'skill_upgrade', occupation: 'data-labeller', level: 1, amountYuan: 1000, paidAt: '2025-03-01' }] }, course: { ...SH_ONLINE, occupation: DATA_LABELLER } }, eligible: [['sh-cert-upgrade', 1000], ['online-cert', 600]], total: 1600, net: 800 },
  { name: 'another occupation before: eligible', given: { learner: { ...SH_LEARNER, insuredRegion: '310104', history: [{ kind: 'skill_upgrade', occupation: '电工', level: 2, amountYuan: 1000, paidAt: '2025-03-01' }] }, course: { ...SH_ONLINE, occupation: DATA_LABELLER } }, eligible: [['sh-cert-upgrade', 1000], ['online-cert', 600]], total: 1600, net: 800 },
  { name: 'same occupation before, level not recorded: to confirm', given: { learner: { ...SH_LEARNER, insuredRegion: '310104', history: [{ kind: 'skill_upgrade', occupation: '数据标注员', amountYuan: 1000, paidAt: '2025-03-01' }] }, course: { ...SH_ONLINE, occupation: DATA_LABELLER } }, eligible: [['online-cert', 600]], toConfirm: [['sh-cert-upgrade', 1000, /不是四级\/中级工/]], total: 600, net: 1800 },

  // The course's own subsidy
  { name: 'a course subsidy with unstructured conditions is only ever to confirm, quoting them', given: { course: { subsidyYuan: 2000, subsidyConditions: '需在京参保', priceYuan: 7200 } }, eligible: [], toConfirm: [['provider-declared', 2000, /课程方所列条件：需在京参保/]], total: 0, net: 7200 },
  { name: 'a course subsidy with no conditions stated is to confirm', given: { course: { subsidyYuan: 500 } }, eligible: [], toConfirm: [['provider-declared', 500, /补贴条件未说明/]], total: 0, net: 2000 },
  { name: 'a course subsidy never adds to a training subsidy; shown apart when it would be larger', given: { learner: { groups: ['migrant_worker'] }, course: { subsidyYuan: 3000, subsidyConditions: '在京参保', priceYuan: 7200 } }, eligible: [['bj-migrant', 2000]], toConfirm: [['provider-declared', 3000, /在京参保/]], total: 2000, net: 5200 },
  { name: 'a smaller unconfirmed course subsidy than the eligible one is left out', given: { learner: { groups: ['laid_off'] }, course: { subsidyYuan: 3000, priceYuan: 7200 } }, eligible: [['bj-priority', 3000]], total: 3000, net: 4200 },
  { name: 'an unstructured course subsidy from another province is left out', given: { learner: SH_LEARNER, course: { subsidyYuan: 2000 } }, eligible: [], total: 0, net: 2000 },
  {
    name: 'structured course terms met: the course subsidy is eligible',
    given: { learner: { insuredRegion: '110119' }, course: { subsidyYuan: 2000, priceYuan: 7200, subsidyTerms: { kind: 'training', payerRegion: '110000', courseWithinPayer: true, who: { insuredWithPayer: true }, paid: 'after_certificate' } } },
    eligible: [['provider-declared', 2000]],
    total: 2000,
    net: 5200,
  },
  {
    name: 'structured course terms with insurance unknown: to confirm, naming it',
    given: { course: { subsidyYuan: 2000, priceYuan: 7200, subsidyTerms: { kind: 'training', payerRegion: '110000', courseWithinPayer: true, who: { insuredWithPayer: true }, paid: 'after_certificate' } } },
    eligible: [],
    toConfirm: [['provider-declared', 2000, /需在北京市缴纳失业保险/]],
    total: 0,
    net: 7200,
  },
  {
    name: 'structured course terms for people with a VLOS licence: left out without it',
    given: { course: { subsidyYuan: 2000, priceYuan: 7200, subsidyTerms: { kind: 'skill_upgrade', payerRegion: '110000', courseWithinPayer: true, who: { holdsCertificate: { patterns: ['视距内'] } }, paid: 'after_certificate' } } },
    eligible: [],
    total: 0,
    net: 7200,
  },
];

describe('subsidy eligibility', () => {
  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('$name', ({ given, eligible, toConfirm = [], total, net }) => {
    // Prepare
    const input = facts(given);

    // Act
    const outcome = evaluateSubsidies(testRules, input);

    // Assess
    expect(outcome.eligible.map((l) => [l.ruleId, l.amountYuan])).toEqual(eligible);
    expect(outcome.toConfirm.map((l) => [l.ruleId, l.amountYuan])).toEqual(toConfirm.map(([id, yuan]) => [id, yuan]));
    outcome.toConfirm.forEach((line, i) => {
      expect(line.status).toBe('to_confirm');
      expect(line.unknown.map((u) => u.zh).join('；')).toMatch(toConfirm[i]![2]);
      expect(line.unknown.every((u) => u.en.length > 0)).toBe(true);
    });
    expect(outcome.eligible.every((l) => l.status === 'eligible' && l.unknown.length === 0)).toBe(true);
    expect(outcome.totalYuan).toBe(total);
    expect(outcome.netCostYuan).toBe(net);
  });
});
