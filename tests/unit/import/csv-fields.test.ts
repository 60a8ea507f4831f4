import { describe, expect, it } from 'vitest';
import { csvRowToRecord } from '../../../shared/import/csv-fields.js';

describe('csvRowToRecord', () => {
  it('splits lists on ; and ；, reads numbers with separators and full-width digits, and drops empty cells', () => {
    const out = csvRowToRecord('demand', { ref: 'A', requiredSkills: '数据标注；Python; Excel', headcount: '１２', salaryMin: '6,000', salaryMax: '', minLevel: '3' });

    expect(out).toEqual({ ref: 'A', requiredSkills: ['数据标注', 'Python', 'Excel'], headcount: 12, salaryMin: 6000, minLevel: 3 });
  });

  it('reads booleans in English and Chinese, leaving anything else for the schema to name', () => {
    expect(csvRowToRecord('learner', { consentToShare: '是', prefersOnline: 'FALSE' })).toEqual({ consentToShare: true, prefersOnline: false });
    expect(csvRowToRecord('learner', { consentToShare: 'maybe' })).toEqual({ consentToShare: 'maybe' });
  });
});

describe('csvRowToRecord: groups', () => {
  it('splits a learner’s groups and an employer’s group preferences like any list', () => {
    expect(csvRowToRecord('learner', { groups: 'veteran；poverty_alleviated', birthYear: '1980' })).toEqual({ groups: ['veteran', 'poverty_alleviated'], birthYear: 1980 });
    expect(csvRowToRecord('demand', { groupPreferences: 'veteran' })).toEqual({ groupPreferences: ['veteran'] });
  });
});
