import { type SubsidyFacts, type SubsidyRuleSet } from '#shared/domain/subsidy/rules.js';
import { loadSubsidyRules } from '#shared/schemas/subsidy-rules.js';

/** The day every case is evaluated on (China time: 2026). */
export const NOW = new Date('2026-06-01T04:00:00Z');

/**
 * A rule set for the engine's tests, apart from the shipped example amounts: one rule for each
 * kind of condition, with Beijing (110000), Shanghai (310000) and national payers.
 */
export const testRules: SubsidyRuleSet = loadSubsidyRules({
  format: 2,
  version: 'test-1',
  currency: 'CNY',
  notice: { zh: '示例规则，以当地政策为准', en: 'example rules; local policy prevails' },
  providerDeclared: { name: { zh: '课程方申报的培训补贴', en: 'Training subsidy declared by the provider' }, kind: 'training', paid: 'after_certificate' },
  totalCap: { percentOfPrice: 100, maxYuan: 5000 },
  rules: [
    {
      id: 'bj-priority',
      name: { zh: '北京重点群体培训费减免（示例）', en: 'Beijing priority-group fee waiver (example)' },
      source: 'test example',
      example: true,
      kind: 'training',
      payer: { region: '110000', courseWithin: true },
      who: { groups: ['laid_off', 'veteran', 'employment_difficulty', 'poverty_alleviated', 'older_unemployed'] },
      amount: { percentOfPrice: 100, capYuan: 3000 },
      paid: 'upfront',
    },
    {
      id: 'bj-migrant',
      name: { zh: '北京农民工培训补贴（示例）', en: 'Beijing migrant-worker training subsidy (example)' },
      source: 'test example',
      example: true,
      kind: 'training',
      payer: { region: '110000', courseWithin: true },
      who: { groups: ['migrant_worker', 'rural_transfer', 'graduate'] },
      amount: { percentOfPrice: 80, capYuan: 2000 },
      paid: 'upfront',
    },
    {
      id: 'sh-cert-upgrade',
      name: { zh: '上海数据标注证书提升补贴', en: 'Shanghai data-labelling certificate upgrade subsidy' },
      source: 'test',
      example: false,
      kind: 'skill_upgrade',
      payer: { region: '310000' },
      who: { insuredWithPayer: true },
      what: { certificate: { patterns: ['数据标注'] } },
      amount: { fixedYuan: 1000 },
      paid: 'after_certificate',
    },
    {
      id: 'online-cert',
      name: { zh: '线上培训取证补贴（示例）', en: 'Online training with a certificate (example)' },
      source: 'test example',
      example: true,
      kind: 'training',
      payer: { region: 'national' },
      what: { modes: ['online'], certificate: { any: true } },
      amount: { percentOfPrice: 30, capYuan: 600 },
      paid: 'after_certificate',
    },
    {
      id: 'bj-shortage-uplift',
      name: { zh: '北京紧缺技能上浮（示例）', en: 'Beijing shortage uplift (example)' },
      source: 'test example',
      example: true,
      kind: 'training',
      payer: { region: '110000', courseWithin: true },
      what: { shortage: { minIndex: 1.5 } },
      amount: { percentOfPrice: 10, capYuan: 500 },
      paid: 'upfront',
      stacksWithSameKind: true,
    },
    {
      id: 'bj-older-living',
      name: { zh: '北京大龄失业人员生活费补贴（示例）', en: 'Beijing living allowance for older unemployed people (example)' },
      source: 'test example',
      example: true,
      kind: 'living_allowance',
      payer: { region: '110000' },
      who: { groups: ['older_unemployed'], age: { min: 40, max: 60 } },
      amount: { fixedYuan: 300 },
      paid: 'upfront',
    },
    {
      id: 'bj-uav-assessment',
      name: { zh: '北京无人机驾驶员技能评价补贴（示例）', en: 'Beijing UAV pilot assessment subsidy (example)' },
      source: 'test example',
      example: true,
      kind: 'assessment',
      payer: { region: '110000' },
      who: { householdWithPayer: true },
      what: { occupation: { id: 'uav-pilot', label: { zh: '无人机驾驶员', en: 'UAV pilot' }, skills: ['uav-multirotor-piloting'] }, levels: { min: 2 } },
      amount: { fixedYuan: 500 },
      paid: 'after_certificate',
    },
    {
      id: 'bj-bvlos-upgrade',
      name: { zh: '北京超视距驾驶员提升补贴（示例）', en: 'Beijing BVLOS upgrade subsidy (example)' },
      source: 'test example',
      example: true,
      kind: 'skill_upgrade',
      payer: { region: '110000' },
      who: { holdsCertificate: { patterns: ['视距内'], label: { zh: '视距内驾驶员执照', en: 'a VLOS licence' } } },
      what: { certificate: { patterns: ['超视距'] } },
      amount: { fixedYuan: 800 },
      paid: 'after_certificate',
    },
  ],
});

export interface FactsOver {
  readonly learner?: Partial<SubsidyFacts['learner']>;
  readonly course?: Partial<SubsidyFacts['course']>;
  readonly shortage?: Record<string, number>;
}

/** A Yanqing (北京市延庆区) learner in no priority group and a plain offline Yanqing course, 2,000 yuan. */
export const facts = (over: FactsOver = {}): SubsidyFacts => ({
  learner: { groups: ['other'], region: '110119', certificates: [], history: [], ...over.learner },
  course: { region: '110119', mode: 'offline', hours: 60, level: 2, priceYuan: 2000, skillIds: ['data-annotation'], ...over.course },
  shortage: new Map(Object.entries(over.shortage ?? {})),
  now: NOW,
});
