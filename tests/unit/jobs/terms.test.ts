import { describe, expect, it } from 'vitest';
import { demandTerms, MAX_QUERY_TERMS, MAX_TERMS_PER_DEMAND, queryTerms, skillTerm, textTerms } from '../../../shared/domain/jobs/terms.js';

const skill = (text: string, skillId: string | null = null) => ({ text, skillId, level: null, confidence: 1 });

describe('job search terms', () => {
  it('indexes Chinese as overlapping bigrams, so a word matches inside a longer one the segmenter would split', () => {
    // Prepare
    const indexed = new Set(textTerms('无人机驾驶员'));

    // Act
    const query = queryTerms('无人机');

    // Assess
    expect(query).toEqual(['无人', '人机']);
    expect(query.every((t) => indexed.has(t))).toBe(true);
    expect(indexed.has('数据')).toBe(false);
  });

  it('keeps latin words and numbers whole and lower-cased, a lone Han character as itself, and drops one-letter words', () => {
    expect(textTerms('Python 数据分析 a 5G 电')).toEqual(['数据', '据分', '分析', '电', 'python', '5g']);
  });

  it('puts the title and the taxonomy skills first, and caps the terms a demand writes', () => {
    // Prepare
    const demand = { title: '无人机驾驶员', description: '负责'.repeat(300), requiredSkills: [skill('多旋翼无人机驾驶', 'uav-piloting')], preferredSkills: [skill('航拍')] };

    // Act
    const terms = demandTerms(demand);

    // Assess
    expect(terms.slice(0, 5)).toEqual(['无人', '人机', '机驾', '驾驶', '驶员']);
    expect(terms).toContain(skillTerm('uav-piloting'));
    expect(terms.length).toBeLessThanOrEqual(MAX_TERMS_PER_DEMAND);
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('cuts a long query to a fixed number of terms spread over it', () => {
    const terms = queryTerms('熟练操作多旋翼无人机并能进行日常维护保养与故障排除');

    expect(terms).toHaveLength(MAX_QUERY_TERMS);
    expect(terms[0]).toBe('熟练');
  });
});
