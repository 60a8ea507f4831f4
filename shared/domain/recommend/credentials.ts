import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { isTradeSkill } from '../matching/score.js';
import type { WantedSkill } from './intent.js';

/**
 * The credentials of a learner's own trade that they do not hold yet: a welder without 焊工证, an
 * electrician without 电工证, a carer without 养老护理员证, a drone pilot without a licence. Employers
 * hire by these papers, so the course that ends in one opens jobs to someone who already does the
 * work, though it teaches them little new. A recommendation aims at them weakly, beside the jobs
 * nearby (docs/recommendations.md, section 1).
 *
 * From the taxonomy's `attests` (a credential names what its holder can do): for each trade skill
 * held that no held credential attests, every credential attesting it (an electrician: 电工证 and
 * the low- and high-voltage permits; keeping only the broadest, 电工证, did worse on the tuning
 * sets: blind mean 0.8341 against 0.8366). A credential attesting only skills every trade draws on
 * (a truck licence attests a C1 licence; 安全员证 attests 安全生产) is no trade's.
 */
export function missingCredentials(held: ReadonlyArray<{ readonly skillId: string }>, taxonomy: Pick<Taxonomy, 'skills' | 'getSkill'>): WantedSkill[] {
  const attesting = attestingIndex(taxonomy);
  const heldIds = new Set(held.map((h) => h.skillId));
  const found = new Set<string>();
  for (const { skillId } of held) {
    if (!isTradeSkill(taxonomy, skillId)) continue;
    const credentials = attesting.get(skillId) ?? [];
    if (credentials.some((id) => heldIds.has(id))) continue;
    for (const id of credentials) found.add(id);
  }
  // A credential a held one attests (电工证, for a holder of the low-voltage permit) is held.
  return [...found].filter((id) => !(attesting.get(id) ?? []).some((other) => heldIds.has(other))).map((skillId) => ({ skillId }));
}

const indexCache = new WeakMap<object, ReadonlyMap<string, readonly string[]>>();

/** Each skill, the credentials that attest it (credentials attesting only skills every trade draws on left out). */
function attestingIndex(taxonomy: Pick<Taxonomy, 'skills' | 'getSkill'>): ReadonlyMap<string, readonly string[]> {
  let index = indexCache.get(taxonomy);
  if (!index) {
    const built = new Map<string, string[]>();
    for (const credential of taxonomy.skills.values()) {
      if (!credential.attests.some((id) => isTradeSkill(taxonomy, id))) continue;
      for (const id of credential.attests) {
        const list = built.get(id);
        if (list) list.push(credential.id);
        else built.set(id, [credential.id]);
      }
    }
    indexCache.set(taxonomy, (index = built));
  }
  return index;
}
