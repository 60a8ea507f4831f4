import { normaliseSkillInputs } from '../../taxonomy/normalise.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { indexedSkills, type AnyRecord, type IndexedSkill } from '../records.js';

/**
 * The skills matching counts for a record: the skills it is indexed under and, for a learner, also
 * the taxonomy skills their certificates attest (a CAAC licence, 电工证（高级工）). A certificate is
 * stronger evidence than a skill someone lists, so leaving it out would rank certified people
 * below people who merely name the skill. Only skill ids and levels come out: never the text.
 *
 * A skill both listed and certified keeps the higher level; certificate skills that name no
 * taxonomy skill are dropped.
 */
export function matchingSkills(record: AnyRecord, taxonomy?: Taxonomy): IndexedSkill[] {
  const own = indexedSkills(record);
  if (record.kind !== 'learner' || record.certificates.length === 0) return own;
  const bySkill = new Map(own.map((s) => [s.skillId, s]));
  for (const found of normaliseSkillInputs(record.certificates, taxonomy).skills) {
    if (found.skillId === null) continue;
    const seen = bySkill.get(found.skillId);
    if (!seen) bySkill.set(found.skillId, { skillId: found.skillId, level: found.level, role: 'held' });
    else if ((found.level ?? 0) > (seen.level ?? 0)) bySkill.set(found.skillId, { ...seen, level: found.level });
  }
  return [...bySkill.values()];
}
