import { ValidationError } from '../domain/errors.js';
import type { Course } from '../domain/records.js';
import type { Page, RecordStore } from '../ports/record-store.js';
import { regionContains } from '../regions/regions.js';
import type { CourseQuery } from '../schemas/queries.js';
import { normaliseSkillInputs } from '../taxonomy/normalise.js';

/** Whether a course held in `courseRegion` serves someone in `region` (either contains the other). */
export const regionsOverlap = (courseRegion: string, region: string): boolean =>
  regionContains(courseRegion, region) || regionContains(region, courseRegion);

/**
 * Courses by skill (through the skill index) and region. A course serves a region when either
 * contains the other, so a national online course shows up for every district.
 */
export function makeListCourses({ store }: { store: RecordStore }) {
  return async (query: CourseQuery): Promise<Page<Course>> => {
    const page = { limit: query.limit, nextToken: query.nextToken };
    if (query.skill === undefined) return (await store.listByRegion('course', query.region ?? 'national', page)) as Page<Course>;
    const skillId = normaliseSkillInputs([query.skill]).skills.find((s) => s.skillId)?.skillId;
    if (!skillId) throw new ValidationError('Unknown skill.', [{ path: '/skill', message: `"${query.skill}" does not name a skill we know; try GET /skills?q=.` }]);
    const found = (await store.listBySkill('course', skillId, page)) as Page<Course>;
    const region = query.region;
    return region === undefined ? found : { ...found, items: found.items.filter((c) => regionsOverlap(c.region, region)) };
  };
}
