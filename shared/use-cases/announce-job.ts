import { havesOf, needsOf, scoreMatch } from '../domain/matching/score.js';
import { matchingSkills } from '../domain/matching/evidence.js';
import { isLexical } from '../domain/matching/lexical.js';
import type { Demand, Learner } from '../domain/records.js';
import type { CandidateIndex } from '../ports/candidate-index.js';
import type { RecordStore } from '../ports/record-store.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { Notify } from './engagements.js';

export interface AnnounceDeps {
  readonly candidates: CandidateIndex;
  readonly store: RecordStore;
  readonly taxonomy: Taxonomy;
  readonly notify: Notify;
}

/** Score from which a new job counts as "matching" for the inbox. */
export const ANNOUNCE_THRESHOLD = 0.5;

/** Most people one new job is announced to. */
export const ANNOUNCE_LIMIT = 50;

/**
 * Tells job seekers in a new demand's region (its region and everything inside it) whose skills
 * match it (score ≥ {@link ANNOUNCE_THRESHOLD}, best first, at most {@link ANNOUNCE_LIMIT}) through
 * their inbox: candidates from the skill index of its first required skills, as matching reads them.
 */
export function makeAnnounceJob(deps: AnnounceDeps) {
  return async (demand: Demand): Promise<number> => {
    // As matching counts them (its words and title too), so that the announced score is the list's.
    const needs = needsOf(matchingSkills(demand, deps.taxonomy), demand.minLevel);
    // Candidates from the first required taxonomy skills' partitions (words are partitioned by gram).
    const skillIds = needs.filter((n) => n.role === 'required' && !isLexical(n.skillId)).map((n) => n.skillId).slice(0, 3);
    if (skillIds.length === 0) return 0;
    const { candidates } = await deps.candidates.find({ kind: 'learner', skillIds, within: demand.region });
    const ranked = candidates
      .map((c) => ({ id: c.id, score: scoreMatch(needs, havesOf(c.skills), { demandRegion: demand.region, learnerRegion: c.region }, deps.taxonomy).score }))
      .filter((c) => c.score >= ANNOUNCE_THRESHOLD)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, ANNOUNCE_LIMIT);
    const learners = await deps.store.getMany('learner', ranked.map((r) => r.id));
    let told = 0;
    for (const { id } of ranked) {
      const learner = learners.get(id) as Learner | undefined;
      if (!learner) continue;
      await deps.notify(learner.subject ?? learner.owner, 'new_matching_job', { demandId: demand.id, title: demand.title }, demand.id);
      told += 1;
    }
    return told;
  };
}
