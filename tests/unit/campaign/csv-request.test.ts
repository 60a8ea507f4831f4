import { describe, expect, it } from 'vitest';
import { BOM, CSV_COLUMNS, csvCell, resultsCsv } from '../../../shared/domain/campaign/csv.js';
import { requestHash, requestOf, targetSkills } from '../../../shared/domain/campaign/request.js';
import type { CampaignResult } from '../../../shared/domain/campaign/types.js';
import { CampaignInputSchema } from '../../../shared/schemas/campaign.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();

const result = (overrides: Partial<CampaignResult> = {}): CampaignResult => ({
  learner: { id: 'l_aaaaaaaaaaaaaaaaaaaa', ref: 'YQ-001', group: 'migrant_worker', region: '110119' },
  page: 0,
  matches: [
    { id: 'd_1', ref: 'D-1', title: '无人机驾驶员', employer: '延庆区低空物流有限公司', region: '110119', score: 0.82, explanation: { summary: '满足2项必需技能', requiredMet: 2, requiredTotal: 3, partial: [], missing: [{ skillId: 'uav-maintenance' }] } },
    { id: 'd_2', ref: 'D-2', title: '仓库管理员, "夜班"', employer: '京北仓储', region: '110119', score: 0.5, explanation: { summary: '', requiredMet: 1, requiredTotal: 2, partial: [], missing: [] } },
  ],
  recommendations: [{ id: 'c_1', ref: 'C-1', title: '无人机维修培训', provider: '北京低空培训中心', mode: 'offline', region: '110000', hours: 80, score: 0.6, priceYuan: 4800, subsidyYuan: 1500, subsidyRules: ['provider-declared'], netCostYuan: 3300, closes: ['uav-maintenance'] }],
  gap: [],
  assignment: { kind: 'demand', id: 'd_1', ref: 'D-1', title: '无人机驾驶员', score: 0.82 },
  ...overrides,
});

describe('campaign results CSV', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF and keeps the Chinese as it is', () => {
    // Act
    const csv = resultsCsv([result()], taxonomy);

    // Assess
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toContain('无人机驾驶员,延庆区低空物流有限公司,0.82,无人机维修');
    expect(lines[1]).toContain('"仓库管理员, ""夜班""（京北仓储）0.5"');
    expect(lines[1]).toContain(',农民工,110119,北京市延庆区,ok,2,');
    expect(lines[1]).toContain('无人机维修培训（北京低空培训中心）,1500,,3300,demand,D-1,无人机驾驶员,0.82,');
  });

  it('marks a failed learner and defuses cells a spreadsheet would run as formulas', () => {
    const csv = resultsCsv([result({ learner: { id: 'l_b', ref: '=HYPERLINK("x")', group: 'other', region: '110119' }, matches: [], recommendations: [], error: 'Computing this learner failed (TypeError).' })], taxonomy);

    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(',failed,0,');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('campaign request', () => {
  const input = (extra: Record<string, unknown>) => CampaignInputSchema.parse({ name: 'a', region: '北京市延庆区', ...extra });

  it('hashes the same work alike whatever the name, list order or skill wording', () => {
    const a = requestHash(requestOf(input({ groups: ['graduate', 'migrant_worker'], skills: ['无人机驾驶', '仓储管理'] })));
    const b = requestHash(requestOf({ ...input({ groups: ['migrant_worker', 'graduate'], skills: ['warehouse-management', 'uav-piloting'] }), name: 'b' }));
    const c = requestHash(requestOf(input({ groups: ['graduate'], skills: ['无人机驾驶', '仓储管理'] })));

    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('targets the essential skills of the occupations and the skills named, or everything when neither is given', () => {
    const targets = targetSkills(requestOf(input({ occupations: ['courier'], skills: ['无人机驾驶'] })), taxonomy);

    expect([...targets!].sort()).toEqual(['barcode-systems', 'customer-service', 'parcel-delivery', 'uav-piloting']);
    expect(targetSkills(requestOf(input({})), taxonomy)).toBeUndefined();
  });
});
