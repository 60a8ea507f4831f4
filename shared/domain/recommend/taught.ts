/**
 * What a course raises: the skills it teaches, the skills its certificate attests, and the subject
 * its title names (a school lists the tools, "SQL, Python pandas, Power BI", and says in the title
 * what they add up to, "数据分析师就业班"). Matching
 * reads a learner's certificates as evidence of the taxonomy skills they name (`matchingSkills`),
 * so a course ending in a certificate closes those skills once it is earned, as teaching them
 * would: leaving them out would miss exactly what the gap reads after the course.
 */
import type { Level } from '../../taxonomy/levels.js';
import { extractSkills } from '../../taxonomy/extract.js';
import { normaliseSkillInputs } from '../../taxonomy/normalise.js';
import { loadTaxonomy, type Taxonomy } from '../../taxonomy/taxonomy.js';
import { TITLE_MIN_CONFIDENCE } from '../matching/evidence.js';
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
 * and attested keeps the higher level (as `matchingSkills` does for a learner). A skill only the
 * title names is raised at the level written there, else the course's.
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
  // The subject the title names ("数据分析师就业班", "服装缝纫工（平车）速成班"), at the course's level.
  for (const item of extractSkills(course.title, taxonomy).items) {
    if (item.confidence < TITLE_MIN_CONFIDENCE || taught.has(item.skillId)) continue;
    taught.set(item.skillId, item.level ?? course.level);
  }
  const prerequisite = prerequisiteOf(course, taxonomy ?? loadTaxonomy());
  return { taught, attested, ...(prerequisite ? { prerequisite } : {}) };
}
