import { describe, expect, it } from 'vitest';
import { decodeSkillVector, encodeSkillVector } from '../../../shared/adapters/dynamodb/skill-vector.js';
import type { IndexedSkill } from '../../../shared/domain/records.js';

describe('skill vector', () => {
  it('round-trips skills with and without levels in every role', () => {
    const skills: IndexedSkill[] = [
      { skillId: 'uav-piloting', level: 3, role: 'required' },
      { skillId: 'ms-excel', level: null, role: 'preferred' },
      { skillId: 'welding', level: 5, role: 'held' },
      { skillId: 'sql', level: 1, role: 'taught' },
    ];

    const encoded = encodeSkillVector(skills);

    expect(encoded).toBe('uav-piloting:3:r ms-excel:0:p welding:5:h sql:1:t');
    expect(decodeSkillVector(encoded)).toEqual(skills);
  });

  it('skips malformed entries instead of trusting them', () => {
    expect(decodeSkillVector('a:9:h b:2:x c:2:h  ')).toEqual([{ skillId: 'c', level: 2, role: 'held' }]);
  });
});
