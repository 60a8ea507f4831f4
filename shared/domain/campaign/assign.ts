/**
 * Capacity-respecting assignment for a campaign roster.
 *
 * Method: greedy over all (learner, option, score) pairs above the threshold, best score first:
 * a pair is taken when the learner has no assignment yet and the option (a demand's headcount or
 * a course's seats) still has room. This is the classic greedy for maximum-weight b-matching; its
 * total score is at least half of the optimum (each pair it takes can block at most two pairs of
 * an optimal roster, both of lower or equal score). It never over-fills: capacity is checked
 * before every take.
 */

export interface Candidate {
  readonly learnerId: string;
  readonly optionId: string;
  readonly score: number;
}

export interface Roster {
  /** learner → the option they were given. */
  readonly assigned: ReadonlyMap<string, { readonly optionId: string; readonly score: number }>;
  /** option → places left unfilled. */
  readonly remaining: ReadonlyMap<string, number>;
  /** options that had room but no candidate at all above the threshold. */
  readonly noCandidates: ReadonlySet<string>;
}

export function assignGreedy(candidates: readonly Candidate[], capacity: ReadonlyMap<string, number>, skipLearners: ReadonlySet<string> = new Set()): Roster {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || (a.learnerId < b.learnerId ? -1 : a.learnerId > b.learnerId ? 1 : a.optionId < b.optionId ? -1 : 1));
  const remaining = new Map(capacity);
  const assigned = new Map<string, { optionId: string; score: number }>();
  const seen = new Set<string>();
  for (const c of sorted) {
    seen.add(c.optionId);
    if (skipLearners.has(c.learnerId) || assigned.has(c.learnerId)) continue;
    const left = remaining.get(c.optionId) ?? 0;
    if (left <= 0) continue;
    remaining.set(c.optionId, left - 1);
    assigned.set(c.learnerId, { optionId: c.optionId, score: c.score });
  }
  const noCandidates = new Set([...capacity.keys()].filter((id) => !seen.has(id)));
  return { assigned, remaining, noCandidates };
}
