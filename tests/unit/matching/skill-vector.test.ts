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

  it('round-trips the likeness flag, a need\'s words, a need from the title and the credential attesting a skill held', () => {
    const skills: IndexedSkill[] = [
      { skillId: 'power-battery-systems', level: null, role: 'required', grams: ['电池', 'pack'] },
      { skillId: 'data-annotation', level: 2, role: 'held', fuzzy: true },
      { skillId: 'forklift-operation', level: null, role: 'held', attestedBy: 'forklift-licence' },
      { skillId: 'driving-licence-c1', level: null, role: 'held', fuzzy: true, attestedBy: 'truck-driving' },
      { skillId: '~万用', level: null, role: 'held' },
      { skillId: 'food-delivery', level: null, role: 'required', fromTitle: true },
    ];

    const encoded = encodeSkillVector(skills);

    expect(encoded).toBe('power-battery-systems:0:r::电池+pack data-annotation:2:h:f forklift-operation:0:h:a:forklift-licence driving-licence-c1:0:h:fa:truck-driving ~万用:0:h food-delivery:0:r:t');
    expect(decodeSkillVector(encoded)).toEqual(skills);
  });

  it('skips malformed entries instead of trusting them', () => {
    expect(decodeSkillVector('a:9:h b:2:x c:2:h  ')).toEqual([{ skillId: 'c', level: 2, role: 'held' }]);
  });
});
