import { describe, expect, it } from 'vitest';
import { makeLearnerComputer } from '../../../shared/domain/campaign/compute.js';
import type { CampaignSnapshot } from '../../../shared/domain/campaign/types.js';
import { recordId, type Learner } from '../../../shared/domain/records.js';
import { loadSubsidyRules } from '../../../shared/schemas/subsidy-rules.js';
import type { LearnerGroup } from '../../../shared/schemas/learner.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();
const rules = loadSubsidyRules();

const snapshot: CampaignSnapshot = {
  takenAt: '2026-06-01T00:00:00Z',
  market: '110100',
  shortage: { 'uav-maintenance': 2 },
  demands: [
    { id: 'd_pilot', ref: 'D-1', title: '物流无人机驾驶员', employer: '延庆区低空物流有限公司', region: '110119', headcount: 2, needs: [{ skillId: 'uav-multirotor-piloting', level: null, role: 'required' }, { skillId: 'uav-maintenance', level: 3, role: 'required' }] },
    { id: 'd_store', ref: 'D-2', title: '仓管员', employer: '京北仓储', region: '110119', headcount: 1, needs: [{ skillId: 'warehouse-management', level: null, role: 'required' }] },
  ],
  courses: [
    { id: 'c_fix', ref: 'C-1', title: '无人机维修（三级）', provider: '北京低空培训中心', region: '110000', mode: 'offline', level: 3, hours: 80, seats: 20, priceYuan: 2000, taught: [['uav-maintenance', 3]] },
    { id: 'c_weld', ref: 'C-2', title: '焊工', provider: '北京焊接培训中心', region: '110000', mode: 'offline', level: 1, hours: 80, priceYuan: 1500, taught: [['welding', 1]] },
  ],
};

const learner = (group: LearnerGroup, skills: Array<[string, 1 | 2 | 3 | null]>): Learner => ({
  id: recordId('learner', 'b', `${group}-${skills.length}`), ref: 'r', owner: 'b', version: 1, createdAt: '', updatedAt: '', contentHash: '', kind: 'learner',
  summary: '', skills: skills.map(([skillId, level]) => ({ text: skillId, skillId, level, confidence: 1 })), certificates: [], region: '110119', group, consentToShare: true,
});

describe('makeLearnerComputer', () => {
  it('keeps matches at or above the threshold, explained, and recommends courses for the gap with the learner’s own subsidies', () => {
    // Prepare
    const compute = makeLearnerComputer(snapshot, { taxonomy, rules, limit: 5, threshold: 0.4 });
    const skills: Array<[string, 1 | 2 | 3 | null]> = [['uav-multirotor-piloting', 3], ['uav-maintenance', 1]];

    // Act
    const veteran = compute(learner('veteran', skills));
    const other = compute(learner('other', skills));

    // Assess
    expect(veteran.matches.map((m) => m.id)).toEqual(['d_pilot']);
    expect(veteran.matches[0]!.explanation.summary).toMatch(/无人机维修/);
    expect(veteran.matches[0]!.explanation.partial.map((s) => s.skillId)).toEqual(['uav-maintenance']);
    expect(veteran.gap.map((g) => g.skillId)).toEqual(['uav-maintenance']);
    expect(veteran.recommendations.map((c) => c.id)).toEqual(['c_fix']);
    expect(veteran.recommendations[0]).toMatchObject({ priceYuan: 2000, subsidyYuan: 2000, netCostYuan: 0, closes: ['uav-maintenance'] });
    expect(other.recommendations[0]!.subsidyYuan).toBeLessThan(veteran.recommendations[0]!.subsidyYuan);
  });

  it('gives a learner without mapped skills an empty outcome', () => {
    const compute = makeLearnerComputer(snapshot, { taxonomy, rules, limit: 5, threshold: 0.3 });

    expect(compute(learner('graduate', []))).toEqual({ matches: [], recommendations: [], gap: [] });
  });
});
