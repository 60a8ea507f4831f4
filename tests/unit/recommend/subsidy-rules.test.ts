import { describe, expect, it } from 'vitest';
import { evaluateSubsidies, loadSubsidyRules, PROVIDER_DECLARED, SubsidyRulesError, type SubsidyFacts, type SubsidyRuleSet } from '#shared/domain/subsidy/rules.js';

const rules = loadSubsidyRules();

/** Facts for a learner in no priority group outside Shanghai and a plain offline course. */
const facts = (over: { learner?: Partial<SubsidyFacts['learner']>; course?: Partial<SubsidyFacts['course']>; shortage?: Record<string, number> } = {}): SubsidyFacts => ({
  learner: { group: 'other', region: '110108', ...over.learner },
  course: { region: '110000', mode: 'offline', hours: 60, priceYuan: 2000, skillIds: ['data-annotation'], ...over.course },
  shortage: new Map(Object.entries(over.shortage ?? {})),
});

const ids = (outcome: ReturnType<typeof evaluateSubsidies>) => outcome.applied.map((a) => a.ruleId);

/** A small rule set to test the engine's mechanics apart from the shipped amounts. */
const mechanics = (over: Partial<SubsidyRuleSet> = {}): SubsidyRuleSet =>
  loadSubsidyRules({
    version: 't1',
    currency: 'CNY',
    notice: { zh: '示例', en: 'example' },
    providerDeclared: { exclusiveGroup: 'fee', name: { zh: '申报', en: 'declared' } },
    totalCap: { percentOfPrice: 100 },
    rules: [
      { id: 'a', name: { zh: 'A', en: 'A' }, source: 's', example: true, conditions: {}, amount: { fixedYuan: 300 }, stacking: { exclusiveGroup: 'fee' } },
      { id: 'b', name: { zh: 'B', en: 'B' }, source: 's', example: true, conditions: {}, amount: { percentOfPrice: 50, capYuan: 800 }, stacking: { exclusiveGroup: 'fee' } },
      { id: 'c', name: { zh: 'C', en: 'C' }, source: 's', example: true, conditions: {}, amount: { fixedYuan: 200 }, stacking: 'stackable' },
    ],
    ...over,
  });

describe('subsidy rules file', () => {
  it('loads the bundled rules with a version and the rules the issue asks for', () => {
    // Prepare / Act
    const ruleIds = rules.rules.map((r) => r.id);

    // Assess
    expect(rules.version).toMatch(/\S/);
    expect(ruleIds).toEqual(
      expect.arrayContaining(['sh-ai-data-labelling-certificate-upgrade', 'online-training-with-certificate', 'priority-laid-off-fee-waiver', 'priority-migrant-worker', 'priority-graduate-in-year', 'priority-veteran-fee-waiver', 'priority-disabled-fee-waiver']),
    );
    expect(rules.rules.filter((r) => r.example).every((r) => /example/i.test(r.source) && /示例|example/i.test(r.name.zh + r.name.en))).toBe(true);
  });

  it('rejects a rules file with an unknown region code, a bad pattern and a duplicate id, naming each', () => {
    // Prepare
    const bad = {
      version: 'x',
      currency: 'CNY',
      notice: { zh: 'n', en: 'n' },
      providerDeclared: { exclusiveGroup: 'fee', name: { zh: 'p', en: 'p' } },
      totalCap: {},
      rules: [
        { id: 'r', name: { zh: 'r', en: 'r' }, source: 's', example: true, conditions: { learnerRegionWithin: ['999999'] }, amount: { fixedYuan: 1 }, stacking: 'stackable' },
        { id: 'r', name: { zh: 'r', en: 'r' }, source: 's', example: true, conditions: { certificate: { patterns: ['('] } }, amount: { fixedYuan: 1 }, stacking: 'stackable' },
      ],
    };

    // Act
    const act = () => loadSubsidyRules(bad);

    // Assess
    expect(act).toThrow(SubsidyRulesError);
    expect(act).toThrow(/learnerRegionWithin/);
    try {
      act();
    } catch (err) {
      const issues = (err as SubsidyRulesError).issues.join('\n');
      expect(issues).toMatch(/patterns/);
      expect(issues).toMatch(/duplicate/);
    }
  });
});

describe('Shanghai AI data-labelling certificate upgrade subsidy', () => {
  const certificate = '人工智能训练师（数据标注员）四级';

  it('applies 1,000 yuan to a learner in any Shanghai district whose course ends in the data-labelling certificate', () => {
    // Prepare
    const input = facts({ learner: { region: '310115' }, course: { certificate, priceYuan: 3000 } });

    // Act
    const outcome = evaluateSubsidies(rules, input);

    // Assess
    const applied = outcome.applied.find((a) => a.ruleId === 'sh-ai-data-labelling-certificate-upgrade');
    expect(applied?.amountYuan).toBe(1000);
    expect(applied?.why.zh).toContain('上海市');
    expect(applied?.why.en).toContain(certificate);
    expect(outcome.netCostYuan).toBe(2000);
  });

  it('matches the English certificate name too', () => {
    // Prepare / Act
    const outcome = evaluateSubsidies(rules, facts({ learner: { region: '310104' }, course: { certificate: 'AI Data Labelling Specialist (Level 4)' } }));

    // Assess
    expect(ids(outcome)).toContain('sh-ai-data-labelling-certificate-upgrade');
  });

  it('does not apply to a Beijing learner, nor to a Shanghai learner whose course ends in another certificate', () => {
    // Prepare / Act
    const beijing = evaluateSubsidies(rules, facts({ learner: { region: '110108' }, course: { certificate } }));
    const otherCertificate = evaluateSubsidies(rules, facts({ learner: { region: '310115' }, course: { certificate: '电工证' } }));
    const noCertificate = evaluateSubsidies(rules, facts({ learner: { region: '310115' } }));

    // Assess
    expect(ids(beijing)).not.toContain('sh-ai-data-labelling-certificate-upgrade');
    expect(beijing.skipped.find((s) => s.ruleId === 'sh-ai-data-labelling-certificate-upgrade')?.reason.en).toMatch(/does not live in 上海市/);
    expect(ids(otherCertificate)).not.toContain('sh-ai-data-labelling-certificate-upgrade');
    expect(noCertificate.skipped.find((s) => s.ruleId === 'sh-ai-data-labelling-certificate-upgrade')?.reason.zh).toBe('课程结业不颁发证书');
  });
});

describe('online training with a certificate', () => {
  it('pays 30% of the fee for an online course ending in any certificate, at most 600 yuan', () => {
    // Prepare / Act
    const cheap = evaluateSubsidies(rules, facts({ course: { mode: 'online', certificate: '证书', priceYuan: 1000 } }));
    const dear = evaluateSubsidies(rules, facts({ course: { mode: 'online', certificate: '证书', priceYuan: 5000 } }));

    // Assess
    expect(cheap.applied).toEqual([expect.objectContaining({ ruleId: 'online-training-with-certificate', amountYuan: 300 })]);
    expect(dear.applied).toEqual([expect.objectContaining({ ruleId: 'online-training-with-certificate', amountYuan: 600 })]);
  });

  it('does not apply offline, without a certificate, or when the course names no price', () => {
    // Prepare / Act
    const offline = evaluateSubsidies(rules, facts({ course: { mode: 'offline', certificate: '证书' } }));
    const blended = evaluateSubsidies(rules, facts({ course: { mode: 'blended', certificate: '证书' } }));
    const noCertificate = evaluateSubsidies(rules, facts({ course: { mode: 'online' } }));
    const noPrice = evaluateSubsidies(rules, facts({ course: { mode: 'online', certificate: '证书', priceYuan: undefined } }));

    // Assess
    for (const outcome of [offline, blended, noCertificate, noPrice]) expect(ids(outcome)).not.toContain('online-training-with-certificate');
    expect(noPrice.skipped.find((s) => s.ruleId === 'online-training-with-certificate')?.reason.en).toMatch(/no price/);
    expect(noPrice.netCostYuan).toBeNull();
  });
});

describe('priority groups', () => {
  it.each([
    ['laid_off', 'priority-laid-off-fee-waiver', 2000],
    ['disabled', 'priority-disabled-fee-waiver', 2000],
    ['veteran', 'priority-veteran-fee-waiver', 2000],
    ['migrant_worker', 'priority-migrant-worker', 1600],
    ['graduate', 'priority-graduate-in-year', 1600],
  ] as const)('gives a %s learner rule %s worth %d yuan on a 2,000-yuan course', (group, ruleId, amount) => {
    // Prepare / Act
    const outcome = evaluateSubsidies(rules, facts({ learner: { group } }));

    // Assess
    expect(outcome.applied).toEqual([expect.objectContaining({ ruleId, amountYuan: amount, example: true })]);
    expect(outcome.netCostYuan).toBe(2000 - amount);
  });

  it('gives nothing to a learner in no priority group or upskilling at work', () => {
    // Prepare / Act
    const other = evaluateSubsidies(rules, facts({ learner: { group: 'other' } }));
    const employed = evaluateSubsidies(rules, facts({ learner: { group: 'employed_upskilling' } }));

    // Assess
    expect(other.applied).toEqual([]);
    expect(employed.applied).toEqual([]);
    expect(other.netCostYuan).toBe(2000);
  });

  it('caps a fee waiver at its own cap on a dear course', () => {
    // Prepare / Act
    const outcome = evaluateSubsidies(rules, facts({ learner: { group: 'laid_off' }, course: { priceYuan: 9000 } }));

    // Assess
    expect(outcome.applied[0]?.amountYuan).toBe(3000);
    expect(outcome.netCostYuan).toBe(6000);
  });
});

describe('short-supply skill uplift', () => {
  it('adds 10% of the fee when the course teaches a skill whose local shortage index is at least 1.5', () => {
    // Prepare / Act
    const short = evaluateSubsidies(rules, facts({ shortage: { 'data-annotation': 1.8 } }));
    const balanced = evaluateSubsidies(rules, facts({ shortage: { 'data-annotation': 1.2 } }));

    // Assess
    expect(short.applied).toEqual([expect.objectContaining({ ruleId: 'shortage-skill-uplift', amountYuan: 200 })]);
    expect(short.applied[0]?.why.en).toMatch(/1\.80 ≥ 1\.5/);
    expect(ids(balanced)).toEqual([]);
  });
});

describe('stacking, the provider’s declared subsidy and caps', () => {
  it('keeps only the largest rule of an exclusive group and adds stackable rules', () => {
    // Prepare
    const set = mechanics();

    // Act
    const outcome = evaluateSubsidies(set, facts({ course: { priceYuan: 1000 } }));

    // Assess
    expect(outcome.applied.map((a) => [a.ruleId, a.amountYuan])).toEqual([
      ['b', 500],
      ['c', 200],
    ]);
    expect(outcome.skipped.find((s) => s.ruleId === 'a')?.reason.en).toMatch(/non-stacking group “fee”/);
    expect(outcome.totalYuan).toBe(700);
    expect(outcome.netCostYuan).toBe(300);
  });

  it('treats the course’s own subsidyYuan as one more candidate of the provider group: the larger wins, never both', () => {
    // Prepare
    const set = mechanics();

    // Act
    const providerLarger = evaluateSubsidies(set, facts({ course: { priceYuan: 1000, subsidyYuan: 900 } }));
    const ruleLarger = evaluateSubsidies(set, facts({ course: { priceYuan: 1000, subsidyYuan: 100 } }));

    // Assess
    expect(providerLarger.applied.map((a) => a.ruleId)).toEqual([PROVIDER_DECLARED, 'c']);
    expect(providerLarger.capped).toBe(true);
    expect(providerLarger.applied.find((a) => a.ruleId === 'c')).toMatchObject({ amountYuan: 100, trimmedFromYuan: 200 });
    expect(providerLarger.netCostYuan).toBe(0);
    expect(ruleLarger.applied.map((a) => a.ruleId)).toEqual(['b', 'c']);
    expect(ruleLarger.skipped.map((s) => s.ruleId)).toContain(PROVIDER_DECLARED);
  });

  it('caps the total by yuan and trims the amounts applied last', () => {
    // Prepare
    const set = mechanics({ totalCap: { maxYuan: 600 } });

    // Act
    const outcome = evaluateSubsidies(set, facts({ course: { priceYuan: 1000 } }));

    // Assess
    expect(outcome.totalYuan).toBe(600);
    expect(outcome.capped).toBe(true);
    expect(outcome.applied.map((a) => [a.ruleId, a.amountYuan])).toEqual([
      ['b', 500],
      ['c', 100],
    ]);
  });

  it('never makes the net cost negative, and keeps fixed amounts when the price is unknown', () => {
    // Prepare
    const set = mechanics();

    // Act
    const free = evaluateSubsidies(set, facts({ course: { priceYuan: 150 } }));
    const unpriced = evaluateSubsidies(set, facts({ course: { priceYuan: undefined } }));

    // Assess
    expect(free.netCostYuan).toBe(0);
    expect(free.totalYuan).toBe(150);
    expect(unpriced.applied.map((a) => [a.ruleId, a.amountYuan])).toEqual([
      ['a', 300],
      ['c', 200],
    ]);
    expect(unpriced.netCostYuan).toBeNull();
  });

  it('stacks the Shanghai certificate subsidy, a priority waiver and the online rule within the shipped 100% cap', () => {
    // Prepare
    const input = facts({ learner: { group: 'migrant_worker', region: '310104' }, course: { mode: 'online', certificate: '人工智能数据标注员', priceYuan: 2500, subsidyYuan: 500 } });

    // Act
    const outcome = evaluateSubsidies(rules, input);

    // Assess: online 30% = 750 beats the declared 500; migrant 80% = 2000; Shanghai 1000; capped at the price.
    expect(outcome.applied.map((a) => a.ruleId)).toEqual(['sh-ai-data-labelling-certificate-upgrade', 'online-training-with-certificate', 'priority-migrant-worker']);
    expect(outcome.totalYuan).toBe(2500);
    expect(outcome.capped).toBe(true);
    expect(outcome.netCostYuan).toBe(0);
  });
});
