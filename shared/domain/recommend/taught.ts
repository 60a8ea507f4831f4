/**
 * What a course raises: the skills it teaches and the skills its certificate attests. Matching
 * reads a learner's certificates as evidence of the taxonomy skills they name (`matchingSkills`),
 * so a course ending in a certificate closes those skills once it is earned, as teaching them
 * would: leaving them out would miss exactly what the gap reads after the course.
 */
import type { Level } from '../../taxonomy/levels.js';
import { normaliseSkillInputs } from '../../taxonomy/normalise.js';
import { loadTaxonomy, type Taxonomy } from '../../taxonomy/taxonomy.js';
import { indexedSkills, type Course } from '../records.js';
import { prerequisiteOf, type Prerequisite } from './prerequisite.js';

export interface CourseSkills {
  /** The level raised, per taxonomy skill. */
  readonly taught: Map<string, Level>;
  /** Skills only the certificate names (not in `skillsTaught`): explanations say so. */
  readonly attested: Set<string>;
  /** What the course asks for on entry, in its own words (see prerequisite.ts). */
  readonly prerequisite?: Prerequisite;
}

/**
 * Each skill the course teaches at that entry's level, else the course's; each skill its
 * certificate attests at the level the certificate names, else the course's. A skill both taught
 * and attested keeps the higher level (as `matchingSkills` does for a learner).
 */
export function courseSkills(course: Course, taxonomy?: Taxonomy): CourseSkills {
  const taught = new Map<string, Level>();
  for (const s of indexedSkills(course)) taught.set(s.skillId, s.level ?? course.level);
  const attested = new Set<string>();
  if (course.certificate) {
    for (const found of normaliseSkillInputs([course.certificate], taxonomy).skills) {
      if (found.skillId === null) continue;
      const level = found.level ?? course.level;
      const seen = taught.get(found.skillId);
      if (seen === undefined) {
        taught.set(found.skillId, level);
        attested.add(found.skillId);
      } else if (level > seen) taught.set(found.skillId, level);
    }
  }
  const prerequisite = prerequisiteOf(course, taxonomy ?? loadTaxonomy());
  return { taught, attested, ...(prerequisite ? { prerequisite } : {}) };
}
