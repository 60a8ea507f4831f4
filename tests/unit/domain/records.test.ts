import { describe, expect, it } from 'vitest';
import { contentHash, indexedSkills, isActive, kindOfId, recordId, type Demand } from '../../../shared/domain/records.js';

const skill = (skillId: string | null, level: 1 | 2 | 3 | 4 | 5 | null = null) => ({ text: skillId ?? 'x', skillId, level, confidence: 1 });

const demand = (over: Partial<Demand> = {}): Demand =>
  ({
    kind: 'demand', id: 'd_x', ref: 'r', owner: 'o', version: 1, createdAt: '', updatedAt: '', contentHash: '',
    employer: 'e', title: 't', description: '', requiredSkills: [skill('a', 2), skill(null)], preferredSkills: [skill('a', 4), skill('b')],
    region: '110119', headcount: 1, status: 'open', ...over,
  }) as Demand;

describe('recordId', () => {
  it('is the same for the same kind, owner and ref, and differs otherwise', () => {
    expect(recordId('demand', 'o', 'r')).toBe(recordId('demand', 'o', 'r'));
    expect(recordId('demand', 'o', 'r')).not.toBe(recordId('demand', 'o2', 'r'));
    expect(recordId('demand', 'o', 'r')).not.toBe(recordId('learner', 'o', 'r'));
    expect(recordId('demand', 'o', 'r')).toMatch(/^d_[a-z2-7]{20}$/);
  });

  it('round-trips through kindOfId and rejects foreign ids', () => {
    expect(kindOfId(recordId('course', 'o', 'r'))).toBe('course');
    expect(kindOfId('d_short')).toBeUndefined();
    expect(kindOfId('../../etc')).toBeUndefined();
  });
});

describe('contentHash', () => {
  it('ignores key order but not values', () => {
    expect(contentHash({ a: 1, b: { c: 2, d: 3 } })).toBe(contentHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});

describe('indexedSkills', () => {
  it('keeps one entry per skill, required over preferred, and skips unmapped text', () => {
    expect(indexedSkills(demand())).toEqual([
      { skillId: 'a', level: 2, role: 'required' },
      { skillId: 'b', level: null, role: 'preferred' },
    ]);
  });
});

describe('isActive', () => {
  it('drops closed and expired demands from matching', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(isActive(demand(), now)).toBe(true);
    expect(isActive(demand({ status: 'closed' }), now)).toBe(false);
    expect(isActive(demand({ expiresAt: '2026-11-01T00:00:00Z' }), now)).toBe(false);
  });
});
