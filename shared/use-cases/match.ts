import type { Caller } from '../domain/caller.js';
import type { AnyRecord, IndexedSkill, Learner } from '../domain/records.js';
import { ForbiddenError } from '../domain/errors.js';
import { matchingSkills } from '../domain/matching/evidence.js';
import { rankedExplanation, withNeedTexts, type Lang } from '../domain/matching/explain.js';
import { demandSkillBound, directCredit, makeLearnerSkillBound, regionScopes, scoreBound, type RegionScope } from '../domain/matching/retrieval-bound.js';
import { havesOf, needsOf, neighboursOf, rankMatch, RELATION_CREDIT, scoreMatch, type MatchContext, type MatchRank, type MatchTaxonomy } from '../domain/matching/score.js';
import { isLexical, lexicalNeedTexts, partitionsOf } from '../domain/matching/lexical.js';
import type { Have, Need, RankedMatch } from '../domain/matching/types.js';
import type { Candidate, CandidateIndex } from '../ports/candidate-index.js';
import type { Clock } from '../ports/clock.js';
import type { RecordStore } from '../ports/record-store.js';
import { groupsOf, type LearnerGroup } from '../domain/vocabulary.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { makeGetRecord } from './records.js';

/**
 * Two-way matching: ranked learners for a demand, ranked open demands for a learner. Candidates
 * come from the skill index (the partitions of the skills and grams the score can credit, by region
 * scope, until nobody unread can reach the list) and are scored from the skill vector each index
 * entry carries: the top k are exactly those of scoring every eligible record.
 */

export interface MatchDeps {
  readonly store: RecordStore;
  readonly candidates: CandidateIndex;
  readonly clock: Clock;
  /** Relations for partial credit, labels for explanations, and the extractor for certificates. */
  readonly taxonomy: Taxonomy;
  /** The skill vector of a record (skills, certificate skills, lexical entries). @default matchingSkills */
  readonly skillsOf?: (record: AnyRecord) => IndexedSkill[];
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

type Relation = keyof typeof RELATION_CREDIT;

/**
 * What a candidate's vector stands for, worked out once per vector: the index hands the same
 * (shared) vector for a record found in several partitions or calls, and a call ranks
 * thousands of candidates on a busy machine.
 */
const derived = new WeakMap<readonly IndexedSkill[], { haves?: Have[]; partitions?: string[]; needs?: Map<number, Need[]> }>();
function derivedOf(skills: readonly IndexedSkill[]) {
  let d = derived.get(skills);
  if (d === undefined) derived.set(skills, (d = {}));
  return d;
}
const cachedHaves = (skills: readonly IndexedSkill[]): Have[] => {
  const d = derivedOf(skills);
  return (d.haves ??= havesOf(skills));
};
const cachedPartitions = (skills: readonly IndexedSkill[]): string[] => {
  const d = derivedOf(skills);
  return (d.partitions ??= partitionsOf(skills));
};
const cachedNeeds = (skills: readonly IndexedSkill[], minLevel: Candidate['minLevel']): Need[] => {
  const d = derivedOf(skills);
  d.needs ??= new Map();
  let needs = d.needs.get(minLevel ?? 0);
  if (needs === undefined) d.needs.set(minLevel ?? 0, (needs = needsOf(skills, minLevel)));
  return needs;
};

/** Partitions one hop away, in tiers by the most credit a record found there can earn, best first. */
export interface NeighbourTier {
  readonly credit: number;
  readonly partitions: readonly string[];
}

/**
 * The one-hop neighbours of skills, each in the tier of the best relation it has to any of them
 * (`relationOf(neighbour kind)` names what a record holding the neighbour is to the skill), leaving
 * out the skills themselves.
 */
function neighbourTiers(skillIds: readonly string[], taxonomy: MatchTaxonomy, relationOf: Record<'children' | 'parents' | 'related', Relation>): NeighbourTier[] {
  const own = new Set(skillIds);
  const best = new Map<string, number>();
  const add = (ids: ReadonlyArray<{ id: string }>, relation: Relation) => {
    for (const { id } of ids) if (!own.has(id)) best.set(id, Math.max(best.get(id) ?? 0, RELATION_CREDIT[relation]));
  };
  for (const id of skillIds) {
    add(taxonomy.childrenOf(id), relationOf.children);
    add(taxonomy.parentsOf(id), relationOf.parents);
    add(taxonomy.relatedOf(id), relationOf.related);
  }
  const credits = [...new Set(best.values())].sort((a, b) => b - a);
  return credits.map((credit) => ({ credit, partitions: [...best].filter(([, c]) => c === credit).map(([id]) => id) }));
}

/**
 * The partitions that find every learner a demand's needs can credit: the needed skills and the
 * grams of its lexical needs (`direct`), and the skills one hop away, which earn partial credit
 * (`tiers`: a learner holding a narrower skill earns the child credit, a broader one the parent
 * credit, a related one the related credit).
 */
export function demandPartitions(needs: readonly Need[], taxonomy: MatchTaxonomy): { direct: string[]; tiers: NeighbourTier[] } {
  const direct = partitionsOf(needs.map((n) => ({ skillId: n.skillId, level: n.level, role: n.role, ...(n.grams ? { grams: n.grams } : {}) })));
  const skills = needs.filter((n) => !isLexical(n.skillId)).map((n) => n.skillId);
  return { direct, tiers: neighbourTiers(skills, taxonomy, { children: 'child', parents: 'parent', related: 'related' }) };
}

/**
 * Likewise for a learner: the skills and grams held, and the skills one hop away (a demand needing
 * a broader skill than one held gives the child credit, a narrower one the parent credit).
 */
export function learnerPartitions(haves: readonly Have[], taxonomy: MatchTaxonomy): { direct: string[]; tiers: NeighbourTier[] } {
  const direct = partitionsOf(haves.map((h) => ({ skillId: h.skillId, level: h.level, role: 'held' as const })));
  const skills = haves.filter((h) => !isLexical(h.skillId)).map((h) => h.skillId);
  return { direct, tiers: neighbourTiers(skills, taxonomy, { parents: 'child', children: 'parent', related: 'related' }) };
}

/** An open demand from the skill index as a learner meets it: its needs, the pair's context, and a cheap rank (no evidence built). */
export interface DemandForLearner {
  readonly candidate: Candidate;
  readonly needs: Need[];
  readonly ctx: MatchContext;
  readonly rank: MatchRank;
}

export interface FindDemandsOptions {
  readonly now: Date;
  readonly taxonomy: MatchTaxonomy;
  /** Which of a demand's needs count. @default every need */
  readonly keepNeed?: (need: Need) => boolean;
  /** Demands already ranked, left out. */
  readonly skip?: (demandId: string) => boolean;
}

/**
 * The search for open demands for a learner, shared by matching (every partition tier, for an
 * exact top k) and recommendations (the strongest skills' partitions in the learner's province):
 * the skill-index partitions asked for, inside `within` or outside `outside` when given; demands
 * whose expiry passed are left out (closed demands leave the index when they close, but expiry
 * passes without a write); each one ranked cheaply for the learner.
 */
export async function findDemandsFor(
  index: CandidateIndex,
  learner: Pick<Learner, 'region' | 'prefersOnline'>,
  haves: readonly Have[],
  where: { readonly skillIds: readonly string[]; readonly within?: string | undefined; readonly outside?: string | undefined },
  options: FindDemandsOptions,
): Promise<DemandForLearner[]> {
  const { candidates } = await index.find({
    kind: 'demand',
    skillIds: where.skillIds,
    ...(where.within !== undefined ? { within: where.within } : {}),
    ...(where.outside !== undefined ? { outside: where.outside } : {}),
  });
  const now = options.now.getTime();
  return candidates.flatMap((candidate) => {
    if (options.skip?.(candidate.id) || (candidate.expiresAt !== undefined && Date.parse(candidate.expiresAt) <= now)) return [];
    const all = cachedNeeds(candidate.skills, candidate.minLevel);
    const needs = options.keepNeed ? all.filter(options.keepNeed) : all;
    const ctx: MatchContext = { demandRegion: candidate.region, learnerRegion: learner.region, learnerPrefersOnline: learner.prefersOnline };
    return [{ candidate, needs, ctx, rank: rankMatch(needs, haves, ctx, options.taxonomy) }];
  });
}

/**
 * How a demand's partitions are planned: the needed skills first, together; then each gram and each
 * skill alone (any one of them lowers the bound of its need); the children, the parents and the
 * related skills of each need apart (reading one need's children lowers that need's bound to the
 * parent credit, whatever the other needs' neighbours: where the list is short of strong
 * candidates, the rest of the country need not read every need's neighbours); and each neighbour
 * tier whole.
 */
function demandGroups(partitions: { readonly direct: readonly string[]; readonly tiers: readonly NeighbourTier[] }, needs: readonly Need[], taxonomy: MatchTaxonomy): Array<readonly string[]> {
  const skills = partitions.direct.filter((p) => !isLexical(p));
  const grams = partitions.direct.filter(isLexical);
  const own = new Set(skills);
  const perNeed = needs
    .filter((n) => !isLexical(n.skillId))
    .flatMap((n) => {
      const neighbours = neighboursOf(taxonomy, n.skillId).filter((s) => !own.has(s.id));
      return (['child', 'parent', 'related'] as const).map((relation) => neighbours.filter((s) => s.relation === relation).map((s) => s.id));
    })
    .filter((group) => group.length > 0);
  return [skills.length > 0 ? skills : grams, ...skills.map((p) => [p]), ...grams.map((p) => [p]), ...perNeed, ...partitions.tiers.map((t) => t.partitions)];
}

/**
 * How a learner's partitions are planned: the skills held first, together (a demand needing any of
 * them can be fully met), then the grams held, then each neighbour tier whole.
 */
function learnerGroups(partitions: { readonly direct: readonly string[]; readonly tiers: readonly NeighbourTier[] }): Array<readonly string[]> {
  const skills = partitions.direct.filter((p) => !isLexical(p));
  const grams = partitions.direct.filter(isLexical);
  return skills.length > 0 ? [skills, grams, ...partitions.tiers.map((t) => t.partitions)] : [grams, ...partitions.tiers.map((t) => t.partitions)];
}

/** A candidate ranked cheaply, with what explaining it takes. */
interface Found {
  readonly candidate: Candidate;
  readonly rank: MatchRank;
  /** Needs, haves and context of the pair: explained only for the few returned. */
  readonly pair: { readonly needs: readonly Need[]; readonly haves: readonly Have[]; readonly ctx: MatchContext };
}

interface Gather {
  readonly partitions: { readonly direct: readonly string[]; readonly tiers: readonly NeighbourTier[] };
  /**
   * How the partitions are planned: each group is read whole or not at all (a tier whose every
   * partition must go before the bound drops), the first group in the first round.
   */
  readonly groups: ReadonlyArray<readonly string[]>;
  /** Where the subject is: the index is read nearest region first. */
  readonly region: string;
  /** The most anyone in none of the partitions read (of one region scope) can score before region. */
  readonly bound: (unread: ReadonlySet<string>) => number;
  /** The eligible candidates of some partitions in a region scope, each ranked (those already ranked may be left out). */
  readonly read: (skillIds: readonly string[], scope: Pick<RegionScope, 'within' | 'outside'>, isRanked: (id: string) => boolean) => Promise<Found[]>;
  /** Provinces each partition may hold anyone in (a superset), when the index can tell (CandidateIndex.presence). */
  readonly presence: (partitions: readonly string[]) => Promise<ReadonlyMap<string, ReadonlySet<string>> | undefined>;
  readonly limit: number;
}

/** Whether a partition whose records lie only in `provinces` (a superset) may hold anyone in a region scope. */
function mayHold(scope: RegionScope, provinces: ReadonlySet<string>): boolean {
  if (scope.within !== undefined) return provinces.has(scope.within);
  if (scope.outside !== undefined) {
    for (const p of provinces) if (p !== scope.outside) return true;
    return false;
  }
  return provinces.size > 0;
}

/** What a request costs the read planner beyond its entries, in entries. */
const REQUEST_COST = 8;

/**
 * Exact top k, by the threshold algorithm. Every record the score can credit holds a needed skill,
 * a gram of a lexical need, or a skill one hop away, so those partitions hold every candidate with
 * a positive score. They are read in region scopes: the subject's province (any region credit),
 * and the rest of the country (always the lowest region credit). For each scope, the most anyone
 * not read yet can score is worked out from the partitions of that scope still unread (`bound`,
 * times the scope's best region credit): when it is below the k-th score found so far, nobody
 * there can enter the list, and the rest of that scope is never read.
 *
 * The first round reads the first group in the subject's province. Each later round plans, per
 * scope still open, the cheapest groups whose reading brings its bound below the k-th score
 * (greedy on bound lowered per entry read, with entries counted in the province's partitions),
 * reads them all in parallel, and checks again. The list is then the same as scoring every
 * eligible record, whatever the plan; the plan only decides how little is read.
 */
async function gather(taxonomy: Taxonomy, g: Gather): Promise<Array<{ candidate: Candidate; breakdown: ReturnType<typeof scoreMatch> }>> {
  const ranked = new Map<string, Found>();
  const add = (found: readonly Found[]) => {
    for (const f of found) if (!ranked.has(f.candidate.id) && f.rank.score > 0) ranked.set(f.candidate.id, f);
  };
  // The best `limit` by selection, not by sorting thousands of candidates every round.
  const top = () => {
    const best: Found[] = [];
    for (const f of ranked.values()) {
      if (best.length >= g.limit && byRank(f, best[best.length - 1]!) >= 0) continue;
      let i = best.length;
      while (i > 0 && byRank(f, best[i - 1]!) < 0) i -= 1;
      best.splice(i, 0, f);
      if (best.length > g.limit) best.pop();
    }
    return best;
  };
  const kth = () => {
    if (ranked.size < g.limit) return 0;
    const sofar = top();
    return sofar[sofar.length - 1]!.rank.score;
  };
  const isRanked = (id: string) => ranked.has(id);
  const scopes = regionScopes(g.region);
  const everything = [...g.partitions.direct, ...g.partitions.tiers.flatMap((t) => t.partitions)];
  const unread = scopes.map(() => new Set(everything));
  // Entries seen per partition in the first scope: what the planner expects a read to cost.
  const seen = new Map<string, number>();
  /** Reads partitions in the scopes `ss` at once: one scope's part, or (every scope) the whole partition. */
  const read = async (ss: readonly number[], partitions: readonly string[]) => {
    const scope: Pick<RegionScope, 'within' | 'outside'> = ss.length === scopes.length ? {} : scopes[ss[0]!]!;
    const found = await g.read(partitions, { ...(scope.within !== undefined ? { within: scope.within } : {}), ...(scope.outside !== undefined ? { outside: scope.outside } : {}) }, isRanked);
    if (ss.includes(0)) for (const f of found) for (const p of cachedPartitions(f.candidate.skills)) seen.set(p, (seen.get(p) ?? 0) + 1);
    add(found);
    for (const s of ss) for (const p of partitions) unread[s]!.delete(p);
  };
  /**
   * One round's reads: a partition planned in every scope is read whole (one request a page, not
   * one per scope); the rest in their own scope. All in parallel.
   */
  const readRound = async (plans: ReadonlyArray<readonly string[]>) => {
    const everywhere = scopes.length > 1 ? plans.reduce((both, plan) => both.filter((p) => plan.includes(p))) : [];
    const whole = new Set(everywhere);
    const reads = plans.flatMap((plan, s) => {
      const own = plan.filter((p) => !whole.has(p));
      return own.length > 0 ? [read([s], own)] : [];
    });
    if (everywhere.length > 0) reads.push(read(scopes.map((_, s) => s), everywhere));
    await Promise.all(reads);
    return reads.length;
  };
  const cost = (partitions: readonly string[], known: number) => partitions.reduce((sum, p) => sum + (seen.get(p) ?? known) + REQUEST_COST, 0);
  /** The groups of scope `s` to read so that its bound drops below `threshold` (all of them when none can). */
  const plan = (s: number, threshold: number): string[] => {
    const credit = scopes[s]!.regionCredit;
    const rest = new Set(unread[s]);
    // Ties on score go to tie-breakers, so a bound equal to the k-th score still reads; a score of 0 never enters a list.
    const open = () => {
      const most = rest.size > 0 ? scoreBound(g.bound(rest), credit) : 0;
      return most > 0 && most >= threshold;
    };
    let groups = g.groups.map((group) => group.filter((p) => rest.has(p))).filter((group) => group.length > 0);
    // Nothing to weigh while the list has room: everyone with a score belongs in it. The subject's
    // province is read whole (its partitions are small). A farther scope reads only its first group
    // still unread (the needed or held skills: those whose holders score highest there), and the next
    // round weighs the rest against a list that is then full: reading all of it to fill the list
    // (neighbour tiers and grams of the whole country) was what the slowest calls did.
    if (threshold === 0 && open()) return s === 0 ? [...rest] : [...(groups[0] ?? rest)];
    const known = seen.size > 0 ? [...seen.values()].reduce((a, b) => a + b, 0) / seen.size : 1;
    const chosen: string[] = [];
    while (open() && groups.length > 0) {
      const now = g.bound(rest);
      let best: readonly string[] | undefined;
      let bestValue = 0;
      for (const group of groups) {
        // The bound without the group, by taking it out of `rest` and putting it back (no copies).
        for (const p of group) rest.delete(p);
        const value = (now - g.bound(rest)) / cost(group, known);
        for (const p of group) rest.add(p);
        if (value > bestValue) [best, bestValue] = [group, value];
      }
      // No one group lowers the bound (two sources of the same credit): read them all.
      for (const group of best ? [best] : groups) {
        for (const p of group) {
          if (rest.delete(p)) chosen.push(p);
        }
      }
      groups = groups.map((group) => group.filter((p) => rest.has(p))).filter((group) => group.length > 0);
    }
    // Partitions in no group are read rather than left out while the bound still reaches the list.
    if (open()) chosen.push(...rest);
    return chosen;
  };
  // Where the partitions hold anyone, asked beside the first read: a partition with nobody in a
  // scope counts as read there, so it lowers the bound without a request.
  const first = g.groups[0] ?? [];
  const [where] = await Promise.all([g.presence(everything), first.length > 0 ? read([0], first) : undefined]);
  if (where !== undefined) {
    scopes.forEach((scope, s) => {
      for (const p of unread[s]!) {
        const provinces = where.get(p);
        if (provinces !== undefined && !mayHold(scope, provinces)) unread[s]!.delete(p);
      }
    });
  }
  for (;;) {
    const threshold = kth();
    if ((await readRound(scopes.map((_, s) => plan(s, threshold)))) === 0) break;
  }
  return top().map(({ candidate, pair: { needs, haves, ctx } }) => ({ candidate, breakdown: scoreMatch(needs, haves, ctx, taxonomy) }));
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
    const needs = needsOf((deps.skillsOf ?? ((r) => matchingSkills(r, deps.taxonomy)))(demand), demand.minLevel);
    if (needs.length === 0) return { items: [] };
    if (options.group !== undefined && caller.role !== 'bureau') throw new ForbiddenError('Only bureau staff may filter matches by group.');
    const partitions = demandPartitions(needs, deps.taxonomy);
    const found = await gather(deps.taxonomy, {
      partitions,
      groups: demandGroups(partitions, needs, deps.taxonomy),
      region: demand.region,
      bound: makeLearnerSkillBound(needs, deps.taxonomy),
      presence: async (ps) => deps.candidates.presence?.('learner', ps),
      read: async (skillIds, scope, isRanked) => {
        const { candidates } = await deps.candidates.find({ kind: 'learner', skillIds, ...scope, consentedOnly: true });
        return candidates.flatMap((candidate) => {
          if (isRanked(candidate.id) || candidate.consentToShare !== true) return [];
          const pair = { needs, haves: cachedHaves(candidate.skills), ctx: { demandRegion: demand.region, learnerRegion: candidate.region } };
          return [{ candidate, rank: rankMatch(pair.needs, pair.haves, pair.ctx, deps.taxonomy), pair }];
        });
      },
      limit: options.group === undefined ? options.limit : options.limit * GROUP_FILTER_FACTOR,
    });
    // Words needed are named as the posting wrote them.
    const texts = lexicalNeedTexts(demand.requiredSkills, demand.preferredSkills);
    return {
      items: (await inGroup(deps.store, found, options.group)).slice(0, options.limit).map(({ candidate, breakdown }) => ({
        id: candidate.id,
        ref: candidate.ref,
        score: breakdown.score,
        explanation: rankedExplanation(withNeedTexts(breakdown, texts), options.lang),
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
    const haves = havesOf((deps.skillsOf ?? ((r) => matchingSkills(r, deps.taxonomy)))(learner));
    if (haves.length === 0) return { items: [] };
    const now = deps.clock.now();
    const partitions = learnerPartitions(haves, deps.taxonomy);
    // The most credit a need of a demand in each partition can earn: a skill held 1, a gram of
    // words the lexical credit, a neighbour of what is held its tier's credit.
    const credits = new Map<string, number>([
      ...partitions.tiers.flatMap((t) => t.partitions.map((p) => [p, t.credit] as const)),
      ...partitions.direct.map((p) => [p, directCredit(p)] as const),
    ]);
    const found = await gather(deps.taxonomy, {
      partitions,
      groups: learnerGroups(partitions),
      region: learner.region,
      bound: (unread) => demandSkillBound(credits, unread),
      presence: async (ps) => deps.candidates.presence?.('demand', ps),
      read: async (skillIds, scope, isRanked) =>
        (await findDemandsFor(deps.candidates, learner, haves, { skillIds, ...scope }, { now, taxonomy: deps.taxonomy, skip: isRanked })).map(({ candidate, needs, ctx, rank }) => ({
          candidate,
          rank,
          pair: { needs, haves, ctx },
        })),
      limit: options.limit,
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
