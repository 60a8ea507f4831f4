import { describe, expect, it } from 'vitest';
import { explainMatch, rankedExplanation } from '../../../shared/domain/matching/explain.js';
import { scoreMatch } from '../../../shared/domain/matching/score.js';
import type { Need } from '../../../shared/domain/matching/types.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);

const needs: Need[] = [
  { skillId: 'uav-multirotor-piloting', level: null, role: 'required' },
  { skillId: 'uav-aerial-survey', level: null, role: 'required' },
  { skillId: 'welding', level: 3, role: 'required' },
  { skillId: 'plc-programming', level: null, role: 'required' },
  { skillId: 'sql', level: null, role: 'preferred' },
];
const haves = [
  { skillId: 'uav-multirotor-piloting', level: null },
  { skillId: 'uav-aerial-survey', level: 4 as const },
  { skillId: 'welding', level: 1 as const },
  { skillId: 'sql', level: null },
];
const breakdown = scoreMatch(needs, haves, { demandRegion: '110119', learnerRegion: '110119' }, taxonomy);

describe('explainMatch', () => {
  it('writes a Chinese sentence with matched, partial and missing skills and the region reason', () => {
    const text = explainMatch(breakdown, 'zh');

    expect(text).toBe(
      '满足4项必需技能中的2项（多旋翼无人机驾驶、无人机航测）；另具备优先技能：SQL数据库查询；焊接等级低于要求（持有五级/初级工，需要三级/高级工）；缺少：PLC编程。同在北京市延庆区。',
    );
  });

  it('writes the same in English', () => {
    const text = explainMatch(breakdown, 'en');

    expect(text).toBe(
      'Meets 2 of 4 required skills (Multirotor UAV piloting, UAV aerial survey); also has preferred: SQL querying; Welding below the level asked (holds Elementary, needs Intermediate); missing: PLC programming. Both in 北京市延庆区.',
    );
  });

  it('names the skill that stands in for a missing one, and the city both are in', () => {
    const viaChild = scoreMatch([{ skillId: 'industrial-automation', level: null, role: 'required' }], [{ skillId: 'plc-programming', level: 3 }], { demandRegion: '110119', learnerRegion: '110108' }, taxonomy);

    expect(explainMatch(viaChild, 'zh')).toBe('必需技能未完全满足；工业自动化：具备更具体的PLC编程。同在北京市（北京市延庆区与北京市海淀区）。');
    expect(explainMatch(viaChild, 'en')).toBe(
      'Does not fully meet the required skill; Industrial automation: has the more specific PLC programming. Same city, 北京市 (北京市延庆区 and 北京市海淀区).',
    );
  });

  it('says when a held skill has no stated level and all required skills are met otherwise', () => {
    const unstated = scoreMatch([{ skillId: 'welding', level: 4, role: 'required' }, { skillId: 'sql', level: null, role: 'required' }], [{ skillId: 'welding', level: null }, { skillId: 'sql', level: null }], { demandRegion: '110119', learnerRegion: '440305' }, taxonomy);

    expect(explainMatch(unstated, 'zh')).toBe('满足2项必需技能中的1项（SQL数据库查询）；焊接未注明等级（需要二级/技师）。不在同一省份（北京市延庆区与广东省深圳市南山区）。');
    expect(explainMatch(unstated, 'en')).toContain('Welding: level not stated (needs Advanced)');
  });
});

describe('rankedExplanation', () => {
  it('carries the evidence lists and the region reason in the asked language', () => {
    const explanation = rankedExplanation(breakdown, 'en');

    expect(explanation.matched.map((e) => e.skillId)).toEqual(['uav-multirotor-piloting', 'uav-aerial-survey', 'sql']);
    expect(explanation.partial.map((e) => e.skillId)).toEqual(['welding']);
    expect(explanation.missing.map((e) => e.skillId)).toEqual(['plc-programming']);
    expect(explanation.region).toBe('Both in 北京市延庆区');
    expect(explanation.matched[0]?.label).toEqual({ zh: '多旋翼无人机驾驶', en: 'Multirotor UAV piloting' });
  });
});
