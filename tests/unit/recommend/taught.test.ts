import { describe, expect, it } from 'vitest';
import { courseSkills } from '#shared/domain/recommend/taught.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';
import { course, skill } from './fakes.js';

const taxonomy = loadTaxonomy(miniTaxonomyData);

describe('what a course raises', () => {
  it('raises each skill it teaches at that entry’s level, else the course’s', () => {
    // Prepare
    const c = course({ ref: 'C', skillsTaught: [skill('data-annotation', 3), skill('image-annotation')], level: 2 });

    // Act
    const { taught, attested } = courseSkills(c, taxonomy);

    // Assess
    expect([...taught]).toEqual([
      ['data-annotation', 3],
      ['image-annotation', 2],
    ]);
    expect(attested.size).toBe(0);
  });

  it('adds the skills its certificate attests, as matching reads a learner’s certificate, and says which they are', () => {
    // Prepare
    const c = course({ ref: 'C', skillsTaught: [skill('uav-aerial-survey')], level: 2, certificate: '民用无人机驾驶员执照' });
    const both = course({ ref: 'B', skillsTaught: [skill('caac-licence', 1)], level: 2, certificate: '民用无人机驾驶员执照' });

    // Act
    const one = courseSkills(c, taxonomy);
    const other = courseSkills(both, taxonomy);

    // Assess
    expect(one.taught.get('caac-licence')).toBe(2);
    expect([...one.attested]).toEqual(['caac-licence']);
    expect(other.taught.get('caac-licence')).toBe(2);
    expect(other.attested.size).toBe(0);
  });

  it('raises the subject its title names too, at the course’s level, without changing what it teaches', () => {
    // Prepare: a school lists the tools; the title says what the course is for.
    const c = course({ ref: 'C', title: '数据标注员就业班', skillsTaught: [skill('image-annotation', 1)], level: 2 });

    // Act
    const { taught } = courseSkills(c, taxonomy);

    // Assess
    expect([...taught]).toEqual([
      ['image-annotation', 1],
      ['data-annotation', 2],
    ]);
  });
});
