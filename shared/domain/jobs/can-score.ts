import { gramsOfEntry, isLexical, LEXICAL_PREFIX } from '../matching/lexical.js';
import { neighboursOf, type MatchTaxonomy } from '../matching/score.js';
import type { Have, Need } from '../matching/types.js';

/**
 * Whether a demand's needs can score above 0 for one seeker, decided without scoring: the
 * matcher gives a need credit only from a held skill that is the need itself or one of its
 * one-hop neighbours (children, parents, related), or from held words (grams) the need's phrase
 * shares. A demand none of whose needs has such a source scores exactly 0 (`rankMatch` and
 * `scoreMatch` alike), so a job search ranks it as 0 without running the matcher: a common word
 * finds hundreds of demands, and most share no skill with a given seeker.
 *
 * `false` is exact (the score is 0); `true` only means the matcher has to be asked. Built once a
 * call; each skill's answer is kept for the call.
 */
export function makeCanScore(haves: readonly Have[], taxonomy: MatchTaxonomy): (needs: readonly Need[]) => boolean {
  const held = new Set<string>();
  const grams = new Set<string>();
  for (const h of haves) (isLexical(h.skillId) ? grams : held).add(h.skillId);
  const sharesGram = (list: readonly string[]) => grams.size > 0 && list.some((g) => grams.has(`${LEXICAL_PREFIX}${g}`));
  const bySkill = new Map<string, boolean>();
  const skillCan = (id: string): boolean => {
    let can = bySkill.get(id);
    if (can === undefined) {
      can = held.has(id) || neighboursOf(taxonomy, id).some((n) => held.has(n.id));
      bySkill.set(id, can);
    }
    return can;
  };
  const needCan = (need: Need): boolean => (isLexical(need.skillId) ? sharesGram(gramsOfEntry(need.skillId)) : skillCan(need.skillId) || (need.grams !== undefined && sharesGram(need.grams)));
  return (needs) => needs.some(needCan);
}
