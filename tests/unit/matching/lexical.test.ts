import { describe, expect, it } from 'vitest';
import { lexicalHaves, lexicalNeeds } from '../../../shared/domain/matching/lexical.js';
import { gramsOf } from '../../../shared/domain/text/grams.js';

const phrase = (text: string) => ({ text, skillId: null });

describe('lexical needs', () => {
  it('makes a need of a phrase the taxonomy cannot name, from its character pairs', () => {
    expect(lexicalNeeds([phrase('电池PACK/模组装配')], [])).toEqual([{ skillId: '~电池+模组+组装+装配+pack', level: null, role: 'required' }]);
  });

  it('makes no need of a condition of the work: shifts, health, age, willingness', () => {
    const conditions = ['能上夜班', '身体健康', '能吃苦耐劳', '能接受出差', '年龄18-45岁', '45岁以下', '两班倒', '能吃苦，接受下地跑外勤', '能接受四班三倒', '不恐高'];

    expect(lexicalNeeds(conditions.map(phrase), [phrase('服从安排')])).toEqual([]);
  });

  it('keeps the skill beside a condition in one phrase', () => {
    expect(gramsOf('门岗值守，能上夜班')).toEqual(['门岗', '岗值', '值守']);
    expect(gramsOf('接受过叉车培训')).toContain('叉车');
    expect(lexicalHaves(['能吃苦，会开铲车'], 'held').map((h) => h.skillId)).toEqual(['~开铲', '~铲车']);
  });
});
