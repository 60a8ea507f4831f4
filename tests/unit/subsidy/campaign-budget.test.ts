import { describe, expect, it } from 'vitest';
import { makeLearnerComputer } from '#shared/domain/campaign/compute.js';
import type { RosterLearner } from '#shared/domain/campaign/roster.js';
import { buildRoster } from '#shared/domain/campaign/roster.js';
import { summarise } from '#shared/domain/campaign/summary.js';
import type { CampaignSnapshot } from '#shared/domain/campaign/types.js';
import { recordId, type Learner } from '#shared/domain/records.js';
import { loadSubsidyRules } from '#shared/schemas/subsidy-rules.js';
import type { LearnerGroup } from '#shared/schemas/learner.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();
const rules = loadSubsidyRules();

/**
 * The case: a 7,200-yuan Yanqing course whose provider declares 3,000 yuan "for people
 * insured in Beijing", and two migrant workers. Each is eligible for the Beijing migrant-worker
 * training subsidy (80%, at most 2,000); the provider's 3,000 is of the same kind, so it never adds,
 * and its condition is unknown: a bureau budgets 4,000 yuan, not 10,000, with 6,000 to confirm apart.
 */
const snapshot: CampaignSnapshot = {
  takenAt: '2026-06-01T00:00:00Z',
  market: '110100',
  shortage: {},
  demands: [
    { id: 'd_pilot', ref: 'D-1', title: '物流无人机驾驶员', employer: '延庆区低空物流有限公司', region: '110119', headcount: 5, needs: [{ skillId: 'uav-multirotor-piloting', level: 3, role: 'required' }] },
  ],
  courses: [
    {
      id: 'c_bvlos', ref: 'C-1', title: '多旋翼超视距驾驶员', provider: '延庆实训基地', region: '110119', mode: 'offline', level: 3, hours: 120, seats: 10,
      priceYuan: 7200, subsidyYuan: 3000, subsidyConditions: '北京市参保人员取证后申领。', taught: [['uav-multirotor-piloting', 3]],
    },
  ],
};

const learner = (ref: string, groups: LearnerGroup[], over: Partial<Learner> = {}): Learner => ({
  id: recordId('learner', 'b', ref), ref, owner: 'b', version: 1, createdAt: '', updatedAt: '', contentHash: '', kind: 'learner',
  summary: '', skills: [{ text: '无人机', skillId: 'uav-multirotor-piloting', level: 1, confidence: 1 }], certificates: [], region: '110119',
  group: groups[0]!, groups, consentToShare: true, ...over,
});

const rosterRow = (l: Learner, outcome: ReturnType<ReturnType<typeof makeLearnerComputer>>): RosterLearner => ({
  id: l.id, group: l.group, failed: false,
  matches: outcome.matches.map((m) => ({ id: m.id, score: m.score })),
  recommendations: outcome.recommendations.map((c) => ({ id: c.id, score: c.score, subsidyYuan: c.subsidyYuan, toConfirmSubsidyYuan: c.toConfirmSubsidyYuan ?? 0 })),
  gap: outcome.gap,
});

describe('campaign subsidy budget', () => {
  it('counts eligible subsidies only, and reports those to confirm apart', () => {
    // Prepare
    const compute = makeLearnerComputer(snapshot, { taxonomy, rules, limit: 5, threshold: 0 });
    const learners = [learner('a', ['migrant_worker']), learner('b', ['rural_transfer'])];

    // Act
    const rows = learners.map((l) => rosterRow(l, compute(l)));
    const summary = summarise(rows, snapshot, buildRoster(rows, { ...snapshot, demands: [] }), { taxonomy });

    // Assess
    expect(rows.map((r) => r.recommendations[0])).toEqual([
      { id: 'c_bvlos', score: expect.any(Number), subsidyYuan: 2000, toConfirmSubsidyYuan: 3000 },
      { id: 'c_bvlos', score: expect.any(Number), subsidyYuan: 2000, toConfirmSubsidyYuan: 3000 },
    ]);
    expect(summary.subsidyBudgetYuan).toEqual({ recommended: 4000, assigned: 4000 });
    expect(summary.subsidyToConfirmYuan).toEqual({ recommended: 6000, assigned: 6000 });
    expect(summary.courses[0]).toMatchObject({ id: 'c_bvlos', recommendedSeats: 2, recommendedSubsidyYuan: 4000, recommendedToConfirmYuan: 6000, assignedSeats: 2, assignedSubsidyYuan: 4000 });
  });

  it('leaves out of the budget a learner who already had a training subsidy this year, and one living outside the payer’s region', () => {
    // Prepare
    const compute = makeLearnerComputer(snapshot, { taxonomy, rules, limit: 5, threshold: 0 });
    const paid = learner('paid', ['migrant_worker'], {
      subsidyHistory: [{ ref: 'P-1', kind: 'training', amountYuan: 1500, paidAt: '2026-03-02', payerRegion: '110119', recordedBy: 'bur', recordedAt: '2026-03-02T00:00:00Z' }],
    });
    const hebei = learner('hebei', ['migrant_worker'], { region: '130102' });

    // Act
    const rows = [paid, hebei].map((l) => rosterRow(l, compute(l)));
    const summary = summarise(rows, snapshot, undefined, { taxonomy });

    // Assess
    expect(rows.map((r) => [r.recommendations[0]?.subsidyYuan, r.recommendations[0]?.toConfirmSubsidyYuan])).toEqual([[0, 0], [0, 0]]);
    expect(summary.subsidyBudgetYuan).toEqual({ recommended: 0 });
    expect(summary.subsidyToConfirmYuan).toEqual({ recommended: 0 });
  });
});

describe('campaign report by group', () => {
  it('counts a learner of several groups in each group’s row, and once in the totals', () => {
    // Prepare
    const rows: RosterLearner[] = [
      { id: 'l1', group: 'veteran', groups: ['veteran', 'poverty_alleviated'], failed: false, matches: [{ id: 'd_pilot', score: 0.8 }], recommendations: [], gap: [] },
      { id: 'l2', group: 'veteran', failed: false, matches: [], recommendations: [], gap: [] },
    ];

    // Act
    const summary = summarise(rows, snapshot, undefined, { taxonomy });

    // Assess
    expect(summary.learners).toBe(2);
    expect(summary.matched).toBe(1);
    expect(summary.byGroup.map((g) => [g.group, g.learners, g.matched])).toEqual([
      ['veteran', 2, 1],
      ['poverty_alleviated', 1, 1],
    ]);
  });
});
