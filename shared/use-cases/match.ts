import type { Caller } from '../domain/caller.js';
import { ForbiddenError } from '../domain/errors.js';
import { matchingSkills } from '../domain/matching/evidence.js';
import { rankedExplanation, type Lang } from '../domain/matching/explain.js';
import { ASSUMED_HELD_LEVEL, havesOf, needsOf, rankMatch, REGION_CREDIT, scoreMatch, type MatchContext, type MatchRank, type MatchTaxonomy } from '../domain/matching/score.js';
import type { Have, Need, RankedMatch } from '../domain/matching/types.js';
import { indexedSkills } from '../domain/records.js';
import type { Candidate, CandidateIndex } from '../ports/candidate-index.js';
import type { Clock } from '../ports/clock.js';
import type { RecordStore } from '../ports/record-store.js';
import { regionChain } from '../regions/regions.js';
import { groupsOf, type LearnerGroup } from '../schemas/learner.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { makeGetRecord } from './records.js';

/**
 * Two-way matching: ranked learners for a demand, ranked open demands for a learner. Candidates
 * come from the skill index (a few partitions, the subject's province always among what is read),
 * and are scored from the skill vector each index entry carries, so a call costs one GetItem and
 * a few Queries.
 */

/**
 * When a call reads beyond the subject's province:
 * - `always`: from the start, in the same round of Queries: each partition is read across every
 *   region, and read again inside the province only where that read stopped short of it (so the
 *   province is never read less than under the other rules);
 *
 * or, after a first round inside the province, in a second round (one more Query per partition):
 * - `few`: the province gave fewer than `limit` candidates with a positive score;
 * - `weak`: as `few`, or no candidate in the province reaches what a perfect match from another
 *   province would score (`REGION_CREDIT[3]`), so the first item is the best there is;
 * - `exact`: unless every one of the province's top `limit` reaches that score, so the whole
 *   list is what reading every region would give (for the partitions read).
 */
export type Widening = 'always' | 'few' | 'weak' | 'exact';

export interface MatchDeps {
  readonly store: RecordStore;
  readonly candidates: CandidateIndex;
  readonly clock: Clock;
  /** Relations for partial credit, labels for explanations, and the extractor for certificates. */
  readonly taxonomy: Taxonomy;
  /**
   * Skill partitions read per call (each one Query, in parallel). More finds more candidates
   * that share only a less central skill, at one request each. @default 3
   */
  readonly partitionsPerCall?: number;
  /**
   * @default 'few' for a demand's learners (employers hire nearby; the fewest profiles are read),
   * 'always' for a learner's demands (job seekers move for a job that fits, and demand partitions
   * are small enough to read whole); docs/matching.md measures what each rule costs and finds
   */
  readonly widening?: Widening;
}

export interface MatchOptions {
  /** 1–50. */
  readonly limit: number;
  readonly lang: Lang;
  /** Bureau staff only: keep learners of this group (a filter; it never changes a score). */
  readonly group?: LearnerGroup | undefined;
}

/** Candidates read for a group filter, per match wanted: the filter drops those of other groups. */
const GROUP_FILTER_FACTOR = 5;

/** A learner in a demand's match list: who (by id and ref), how well, and why. Nothing personal. */
export type LearnerMatch = RankedMatch;

/** A demand in a learner's match list, with what a job seeker needs to recognise it. */
export interface DemandMatch extends RankedMatch {
  readonly title: string;
  readonly employer: string;
  readonly region: string;
}

export interface RankedList<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

const DEFAULT_PARTITIONS = 3;

interface Ranked {
  readonly candidate: Candidate;
  readonly rank: MatchRank;
}

/** Best first; ties go to more required skills met, then the nearer, then the id (stable pages). */
const byRank = (a: Ranked, b: Ranked): number =>
  b.rank.score - a.rank.score ||
  b.rank.requiredMet - a.rank.requiredMet ||
  a.rank.distance - b.rank.distance ||
  (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0);

/** The province a region lies in (itself for a province), or undefined for `national` and unknown codes. */
function provinceOf(region: string): string | undefined {
  const chain = regionChain(region);
  return chain.length >= 2 ? chain[chain.length - 2] : undefined;
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/**
 * The skill partitions to read for a demand: its required skills (as listed: employers name the
 * core skills first), then the narrower and broader skills of those (learners who hold them earn
 * partial credit), then preferred skills, then related ones; cut to the budget.
 */
export function demandPartitions(needs: readonly Need[], taxonomy: MatchTaxonomy, budget: number): string[] {
  const required = needs.filter((n) => n.role === 'required').map((n) => n.skillId);
  const preferred = needs.filter((n) => n.role === 'preferred').map((n) => n.skillId);
  return unique([
    ...required,
    ...required.flatMap((id) => taxonomy.childrenOf(id).map((s) => s.id)),
    ...required.flatMap((id) => taxonomy.parentsOf(id).map((s) => s.id)),
    ...preferred,
    ...required.flatMap((id) => taxonomy.relatedOf(id).map((s) => s.id)),
  ]).slice(0, budget);
}

/**
 * The skill partitions to read for a learner: held skills, strongest first (a job seeker's best
 * skills are what they are hired for), then the broader skills demands may ask for instead, then
 * narrower and related ones; cut to the budget.
 */
export function learnerPartitions(haves: readonly Have[], taxonomy: MatchTaxonomy, budget: number): string[] {
  const held = haves
    .map((h, i) => ({ id: h.skillId, level: h.level ?? ASSUMED_HELD_LEVEL, i }))
    .sort((a, b) => b.level - a.level || a.i - b.i)
    .map((h) => h.id);
  return unique([
    ...held,
    ...held.flatMap((id) => taxonomy.parentsOf(id).map((s) => s.id)),
    ...held.flatMap((id) => taxonomy.childrenOf(id).map((s) => s.id)),
    ...held.flatMap((id) => taxonomy.relatedOf(id).map((s) => s.id)),
  ]).slice(0, budget);
}

interface Gather {
  readonly kind: Candidate['kind'];
  readonly skillIds: readonly string[];
  readonly region: string;
  readonly consentedOnly: boolean;
  readonly accept: (c: Candidate) => boolean;
  /** Needs, haves and context of a pair: ranked cheaply for all, explained for the few returned. */
  readonly pair: (c: Candidate) => { needs: readonly Need[]; haves: readonly Have[]; ctx: MatchContext };
  readonly limit: number;
  readonly widening: Widening;
}

/** Whether the province's candidates already give the list the widening rule asks for. */
function settled(top: readonly Ranked[], limit: number, widening: Exclude<Widening, 'always'>): boolean {
  if (top.length < limit) return false;
  const far = REGION_CREDIT[3];
  if (widening === 'few') return true;
  if (widening === 'weak') return (top[0]?.rank.score ?? 0) >= far;
  return top.every((r) => r.rank.score >= far);
}

/**
 * Reads candidates in the subject's province first and widens to every region only when the
 * widening rule says the province cannot settle the list, or reads every region at once with the
 * province guaranteed (`always`; see {@link Widening}).
 */
async function gather(index: CandidateIndex, taxonomy: Taxonomy, g: Gather): Promise<Array<{ candidate: Candidate; breakdown: ReturnType<typeof scoreMatch> }>> {
  const ranked = new Map<string, Ranked>();
  const add = (candidates: readonly Candidate[]) => {
    for (const candidate of candidates) {
      if (ranked.has(candidate.id) || !g.accept(candidate)) continue;
      const { needs, haves, ctx } = g.pair(candidate);
      const rank = rankMatch(needs, haves, ctx, taxonomy);
      if (rank.score > 0) ranked.set(candidate.id, { candidate, rank });
    }
  };
  const top = () => [...ranked.values()].sort(byRank).slice(0, g.limit);
  const province = provinceOf(g.region);
  const everywhere = { kind: g.kind, skillIds: g.skillIds, consentedOnly: g.consentedOnly };
  if (g.widening === 'always') {
    add((await index.find({ ...everywhere, near: province })).candidates);
  } else {
    add((await index.find({ ...everywhere, within: province })).candidates);
    if (province !== undefined && !settled(top(), g.limit, g.widening)) add((await index.find(everywhere)).candidates);
  }
  return top().map(({ candidate }) => {
    const { needs, haves, ctx } = g.pair(candidate);
    return { candidate, breakdown: scoreMatch(needs, haves, ctx, taxonomy) };
  });
}

/**
 * Ranked learners for a demand. Its owner and the bureau of its region may ask (anyone else: 404,
 * as for reading it); only learners who consented to be shown to employers appear, whoever asks,
 * and an item names the learner by id and ref only, with skill evidence and the region reason.
 */
export function makeMatchDemand(deps: MatchDeps) {
  const getDemand = makeGetRecord('demand', deps);
  return async (caller: Caller, demandId: string, options: MatchOptions): Promise<RankedList<LearnerMatch>> => {
    const demand = await getDemand(caller, demandId);
    const needs = needsOf(indexedSkills(demand), demand.minLevel);
    if (needs.length === 0) return { items: [] };
    if (options.group !== undefined && caller.role !== 'bureau') throw new ForbiddenError('Only bureau staff may filter matches by group.');
    const found = await gather(deps.candidates, deps.taxonomy, {
      kind: 'learner',
      skillIds: demandPartitions(needs, deps.taxonomy, deps.partitionsPerCall ?? DEFAULT_PARTITIONS),
      region: demand.region,
      consentedOnly: true,
      accept: (c) => c.consentToShare === true,
      pair: (c) => ({ needs, haves: havesOf(c.skills), ctx: { demandRegion: demand.region, learnerRegion: c.region } }),
      limit: options.group === undefined ? options.limit : options.limit * GROUP_FILTER_FACTOR,
      widening: deps.widening ?? 'few',
    });
    return {
      items: (await inGroup(deps.store, found, options.group)).slice(0, options.limit).map(({ candidate, breakdown }) => ({
        id: candidate.id,
        ref: candidate.ref,
        score: breakdown.score,
        explanation: rankedExplanation(breakdown, options.lang),
      })),
    };
  };
}

/**
 * Ranked open, unexpired demands for a learner. The learner themself and the bureau of their
 * region may ask (anyone else: 404, as for reading the profile).
 */
export function makeMatchLearner(deps: MatchDeps) {
  const getLearner = makeGetRecord('learner', deps);
  return async (caller: Caller, learnerId: string, options: MatchOptions): Promise<RankedList<DemandMatch>> => {
    const learner = await getLearner(caller, learnerId);
    const haves = havesOf(matchingSkills(learner, deps.taxonomy));
    if (haves.length === 0) return { items: [] };
    const now = deps.clock.now().getTime();
    const found = await gather(deps.candidates, deps.taxonomy, {
      kind: 'demand',
      skillIds: learnerPartitions(haves, deps.taxonomy, deps.partitionsPerCall ?? DEFAULT_PARTITIONS),
      region: learner.region,
      consentedOnly: false,
      // Closed demands leave the index when they close; expiry passes without a write, so check it here.
      accept: (c) => c.expiresAt === undefined || Date.parse(c.expiresAt) > now,
      pair: (c) => ({ needs: needsOf(c.skills, c.minLevel), haves, ctx: { demandRegion: c.region, learnerRegion: learner.region, learnerPrefersOnline: learner.prefersOnline } }),
      limit: options.limit,
      widening: deps.widening ?? 'always',
    });
    return {
      items: found.map(({ candidate, breakdown }) => ({
        id: candidate.id,
        ref: candidate.ref,
        title: candidate.title ?? '',
        employer: candidate.employer ?? '',
        region: candidate.region,
        score: breakdown.score,
        explanation: rankedExplanation(breakdown, options.lang),
      })),
    };
  };
}

/**
 * The ranked candidates whose learner belongs to `group` (all of them without one). Candidates carry
 * nothing personal, so the learners are read (one BatchGet) to see their groups.
 */
async function inGroup<T extends { candidate: Candidate }>(store: MatchDeps['store'], found: T[], group: LearnerGroup | undefined): Promise<T[]> {
  if (group === undefined || found.length === 0) return found;
  const learners = await store.getMany('learner', found.map((f) => f.candidate.id));
  return found.filter((f) => {
    const learner = learners.get(f.candidate.id);
    return learner?.kind === 'learner' && groupsOf(learner).includes(group);
  });
}
