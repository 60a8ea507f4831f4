import type { IndexedSkill } from '../../domain/records.js';

/** A level 1–5, as a skill vector holds it. */
type Level = NonNullable<IndexedSkill['level']>;

/**
 * The compact form of a record's skill vector kept on each of its skill-index items:
 * `<skillId>:<level 0–5>:<role letter>[:<flags>]` joined by spaces (`uav-piloting:3:r ms-excel:0:p`), 0 for
 * no level; flags `f` for a skill linked by likeness, `t` for a need a demand's title names, and
 * `a` for a learner's skill a credential attests, then `:<gram>+<gram>…` for the words of the
 * phrase that named a demand's need, or `:<credential id>` after `a`
 * (`forklift-operation:0:h:a:forklift-licence`). Lexical entries (`~电池+pack:0:r`, `~万用:0:h`) are
 * written the same way: grams hold no colon or space either. Skill ids are kebab-case, so neither separator can occur inside one; a learner with 40
 * skills costs about 1 KB per index item.
 */

const ROLE_LETTER = { required: 'r', preferred: 'p', held: 'h', taught: 't' } as const satisfies Record<IndexedSkill['role'], string>;
const LETTER_ROLE: Readonly<Record<string, IndexedSkill['role']>> = { r: 'required', p: 'preferred', h: 'held', t: 'taught' };

/** Encodes skills for an index item. */
export const encodeSkillVector = (skills: readonly IndexedSkill[]): string =>
  skills
    .map((s) => {
      const flags = `${s.fuzzy ? 'f' : ''}${s.fromTitle ? 't' : ''}${s.attestedBy ? 'a' : ''}`;
      const tail = s.attestedBy ?? (s.grams?.length ? s.grams.join('+') : '');
      return `${s.skillId}:${s.level ?? 0}:${ROLE_LETTER[s.role]}${flags || tail ? `:${flags}` : ''}${tail ? `:${tail}` : ''}`;
    })
    .join(' ');


/** Decodes what `encodeSkillVector` wrote; malformed entries are skipped rather than trusted. */
export function decodeSkillVector(vector: string): IndexedSkill[] {
  const out: IndexedSkill[] = [];
  for (const entry of vector.split(' ')) {
    const [skillId, level, letter, flags = '', tail] = entry.split(':');
    const role = LETTER_ROLE[letter ?? ''];
    const n = Number(level);
    if (!skillId || role === undefined || !Number.isInteger(n) || n < 0 || n > 5) continue;
    const attested = flags.includes('a');
    out.push({
      skillId,
      level: n === 0 ? null : (n as Level),
      role,
      ...(flags.includes('f') ? { fuzzy: true } : {}),
      ...(flags.includes('t') ? { fromTitle: true as const } : {}),
      ...(tail && attested ? { attestedBy: tail } : {}),
      ...(tail && !attested ? { grams: tail.split('+') } : {}),
    });
  }
  return out;
}
