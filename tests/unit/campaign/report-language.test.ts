import { describe, expect, it } from 'vitest';
import { formatCampaign } from '../../../cli/campaign-command.js';
import { CSV_COLUMNS, CSV_COLUMNS_ZH, csvHeader, resultsCsv } from '../../../shared/domain/campaign/csv.js';
import { requestOf } from '../../../shared/domain/campaign/request.js';
import type { Campaign, CampaignResult, CampaignSummary } from '../../../shared/domain/campaign/types.js';
import { CampaignInputSchema } from '../../../shared/schemas/campaign.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();
const input = CampaignInputSchema.parse({ name: '延庆专场', region: '110119', groups: ['veteran', 'graduate'], assign: true });

const summary = (over: Partial<CampaignSummary> = {}): CampaignSummary => ({
  learners: 2,
  failed: 0,
  matched: 1,
  matchRate: 0.5,
  assigned: 1,
  assignedToJobs: 1,
  assignedToCourses: 0,
  byGroup: [
    { group: 'veteran', learners: 1, matched: 1, matchRate: 1, assigned: 1, assignedToJobs: 1, assignedToCourses: 0, assignmentRate: 1, failed: 0 },
    { group: 'graduate', learners: 1, matched: 0, matchRate: 0, assigned: 0, assignedToJobs: 0, assignedToCourses: 0, assignmentRate: 0, failed: 0 },
  ],
  shortageSkills: [{ skillId: 'uav-maintenance', label: { zh: '无人机维修', en: 'UAV maintenance and repair' }, learners: 1, required: 1, shortageIndex: 2 }],
  courses: [],
  coursesNotListed: 0,
  subsidyBudgetYuan: { recommended: 0 },
  subsidyToConfirmYuan: { recommended: 0 },
  unfilled: {
    demands: 1,
    places: 3,
    notListed: 0,
    items: [{ id: 'd_1', ref: 'D-1', title: '无人机配送飞手', employer: '延庆物流', headcount: 4, filled: 1, unfilled: 3, reason: 'too-few-candidates', why: { zh: '匹配分达到阈值的学员少于招聘人数', en: 'Fewer candidates above the threshold than places' } }],
  },
  demandsConsidered: 1,
  placesOffered: 4,
  coursesConsidered: 0,
  method: { assignment: 'greedy' },
  ...over,
});

const campaign = (s: CampaignSummary): Campaign => ({
  id: 'cp_aaaaaaaaaaaaaaaaaaaa',
  name: input.name,
  region: '110119',
  owner: 'bureau-cli',
  request: requestOf(input),
  requestHash: 'h',
  status: 'completed',
  total: s.learners,
  done: s.learners,
  failed: 0,
  pagesDone: 1,
  summary: s,
  version: 3,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

describe('campaign report language', () => {
  it('writes the whole report in Chinese, reasons included, for a Chinese locale', () => {
    const text = formatCampaign(campaign(summary()), 'zh');

    expect(text).toContain('处理求职者 2 人');
    expect(text).toMatch(/退役军人\s+1\s+1\s+100\.0%/);
    expect(text).toContain('无人机配送飞手（延庆物流）：4 个名额中 3 个未满足，匹配分达到阈值的学员少于招聘人数');
    expect(text).not.toMatch(/Fewer candidates|learners processed|By target group/);
  });

  it('writes it in English otherwise, with English skill labels and reasons', () => {
    const text = formatCampaign(campaign(summary()), 'en');

    expect(text).toContain('2 learners processed');
    expect(text).toContain('UAV maintenance and repair (uav-maintenance)');
    expect(text).toContain('3 of 4 places, Fewer candidates above the threshold than places');
  });

  it('says there was nobody to match instead of listing every demand as unfilled', () => {
    const empty = summary({ learners: 0, matched: 0, matchRate: 0, assigned: 0, assignedToJobs: 0, byGroup: [], shortageSkills: [] });

    const text = formatCampaign(campaign(empty), 'en');

    expect(text).toContain('No learners in 北京市延庆区 of the groups veteran, graduate: nothing was matched. Check --region');
    expect(text).not.toContain('Unfilled demand');
  });

  it('names CSV columns in Chinese on request, column for column, and keeps English for scripts by default', () => {
    const result: CampaignResult = {
      learner: { id: 'l_1', ref: 'YQ-1', group: 'veteran', region: '110119' },
      page: 0,
      matches: [],
      recommendations: [],
      gap: [],
      assignment: { kind: 'course', id: 'c_1', ref: 'C-1', title: '无人机维修培训', score: 0.4 },
    };

    const zh = resultsCsv([result], taxonomy, 'zh').slice(1).split('\r\n');
    const en = resultsCsv([result], taxonomy).slice(1).split('\r\n');

    expect(zh[0]).toBe(CSV_COLUMNS.map((c) => CSV_COLUMNS_ZH[c]).join(','));
    expect(zh[0]!.split(',')).toHaveLength(CSV_COLUMNS.length);
    expect(zh[1]).toContain(',完成,0,');
    expect(zh[1]).toContain(',培训,C-1,无人机维修培训,0.4,');
    expect(en[0]).toBe(csvHeader());
    expect(en[1]).toContain(',ok,0,');
    expect(en[1]).toContain(',course,C-1,');
  });
});
