import type { Caller } from '../domain/caller.js';
import { ValidationError } from '../domain/errors.js';
import { makeCanScore } from '../domain/jobs/can-score.js';
import { ALL_TERM, queryTerms, skillTerm, textTerms } from '../domain/jobs/terms.js';
import { matchingSkills } from '../domain/matching/evidence.js';
import { rankedExplanation, type Lang } from '../domain/matching/explain.js';
import { havesOf, needsOf, rankMatch, scoreMatch, type MatchContext } from '../domain/matching/score.js';
import type { Clock } from '../ports/clock.js';
import { regionChain } from '../regions/regions.js';
import type { JobEntry, JobIndex } from '../ports/job-index.js';
import type { ProfileLinks } from '../ports/profile-links.js';
import type { RecordStore } from '../ports/record-store.js';
import type { Job, JobsQuery } from '../schemas/action.js';
import { normaliseSkillInputs } from '../taxonomy/normalise.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { resolveProfile } from './profile.js';

export interface JobsDeps {
  readonly jobs: JobIndex;
  readonly store: RecordStore;
  readonly links: ProfileLinks;
  readonly clock: Clock;
  readonly taxonomy: Taxonomy;
  /** Most index entries read per term and province partition. @default {@link WORD_CAP} */
  readonly perPartition?: number;
  /** Most of a region's newest demands a search without words or skill ranks. @default 300 */
  readonly browseLimit?: number;
}

/**
 * Most entries of a term (per province partition) a search reads; a word so common in the region
 * that its rarest-looking term holds more is answered from this many of them (the seeker's own
 * region's first) and says `truncated: true` (docs/jobs.md, "The cap"). Each entry read costs about
 * 0.1 ms on DynamoDB Local (its own CPU and the Node side): the cap bounds a search's latency.
 */
export const WORD_CAP = 400;

/** The terms a search must match: the query's, and the skill's (its taxonomy term when it maps to one). */
export function searchTerms(query: Pick<JobsQuery, 'q' | 'skill'>, taxonomy: Taxonomy): string[] {
  const terms = query.q ? queryTerms(query.q) : [];
  if (query.skill) {
    const mapped = normaliseSkillInputs([query.skill], taxonomy).skills[0]?.skillId;
    terms.push(...(mapped ? [skillTerm(mapped)] : textTerms(query.skill)));
  }
  return terms.length > 0 ? [...new Set(terms)] : [ALL_TERM];
}

const decodeOffset = (token: string | undefined): number => {
  if (token === undefined) return 0;
  const n = Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(n) || n < 0) throw new ValidationError('The nextToken is not valid.', [{ path: '/nextToken', message: 'Not a token this list returned; start again without it.' }]);
  return n;
};

const newestFirst = (a: JobEntry, b: JobEntry): number => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1);

/** Where a widened search found an item: the region asked for, or its city or province. */
export type JobScope = 'region' | 'city' | 'province';

/**
 * The regions a `near` search reads, in order: the region, then its city, then its province (those
 * that differ from it; never the whole country). A province has nothing to widen to.
 */
export function widening(region: string): Array<{ region: string; scope: JobScope }> {
  const chain = regionChain(region).filter((code) => code !== 'national');
  return chain.map((code, i) => ({ region: code, scope: i === 0 ? 'region' : code.endsWith('0000') ? 'province' : 'city' }));
}

/**
 * Job search over open, unexpired demands (docs/jobs.md): every query term read from the term
 * index of the region's province partitions (never a scan), filtered by pay and remote work, and
 * sorted by the matcher's score for a job seeker with a profile, else newest first. With `near`
 * and a region holding fewer results than the page needs, the search widens to the region's
 * city, then its province: the region's own results come first, then the city's, then the
 * province's, each item naming its `scope`.
 */
export function makeSearchJobs(deps: JobsDeps) {
  return async (caller: Caller, query: JobsQuery, lang: Lang): Promise<{ items: Job[]; nextToken?: string; truncated?: true }> => {
    const offset = decodeOffset(query.nextToken);
    const terms = searchTerms(query, deps.taxonomy);
    const browsing = terms.length === 1 && terms[0] === ALL_TERM;
    const perPartition = browsing ? (deps.browseLimit ?? 300) : (deps.perPartition ?? WORD_CAP);
    const wide = query.near === true && query.region !== undefined ? widening(query.region) : [];
    const tiers: ReadonlyArray<{ region: string; scope?: JobScope }> = wide.length > 0 ? wide : [{ region: query.region ?? 'national' }];
    const profile = resolveProfile(deps, caller);
    // The seeker's region, for a capped search to read first; its failure is the profile's, reported below.
    const prefer = profile.then(
      (l) => l?.region,
      () => undefined,
    );
    const [firstHits, learner] = await Promise.all([deps.jobs.find({ terms, region: tiers[0]!.region, perPartition, prefer }), profile]);
    const now = deps.clock.now().toISOString();
    const haves = learner ? havesOf(matchingSkills(learner, deps.taxonomy)) : undefined;
    const ctxOf = (entry: JobEntry): MatchContext => ({ demandRegion: entry.region, learnerRegion: learner!.region, learnerPrefersOnline: learner!.prefersOnline, online: entry.remote });
    // A demand sharing no skill (or neighbour, or word) with the seeker scores exactly 0: the matcher is not asked.
    const canScore = haves ? makeCanScore(haves, deps.taxonomy) : undefined;
    const scoreOf = (entry: JobEntry): number => {
      if (!haves || !canScore) return 0;
      const needs = needsOf(entry.skillVector, entry.minLevel);
      return canScore(needs) ? rankMatch(needs, haves, ctxOf(entry), deps.taxonomy).score : 0;
    };

    /** One region's open results, ranked (cheaply: the matcher's rankMatch, scoreMatch's score without the evidence, and only for demands that can score). */
    const rank = (entries: readonly JobEntry[]) => {
      const open = entries.filter(
        (c) =>
          (c.expiresAt === undefined || c.expiresAt > now) &&
          (query.salaryMin === undefined || (c.salaryMax ?? c.salaryMin ?? -1) >= query.salaryMin) &&
          (query.remote === undefined || (c.remote === true) === query.remote),
      );
      const ranked = open.map((entry) => ({ entry, score: scoreOf(entry) }));
      ranked.sort((a, b) => b.score - a.score || newestFirst(a.entry, b.entry));
      return ranked;
    };

    // Widen only while the results so far cannot fill this page (and tell whether a next one exists).
    const ranked: Array<{ entry: JobEntry; score: number; scope?: JobScope | undefined }> = [];
    const seen = new Set<string>();
    let truncated = false;
    for (const [i, tier] of tiers.entries()) {
      if (i > 0 && ranked.length > offset + query.limit) break;
      const hits = i === 0 ? firstHits : await deps.jobs.find({ terms, region: tier.region, perPartition, prefer });
      truncated ||= hits.truncated;
      for (const r of rank(hits.entries)) {
        if (seen.has(r.entry.id)) continue;
        seen.add(r.entry.id);
        ranked.push({ ...r, scope: tier.scope });
      }
    }

    // What a result shows, when the entries do not carry it (term entries), is read for this page
    // only. A demand closed or deleted since its entry was read is left out (the page is then one
    // short; the next page starts where it would have).
    const page = ranked.slice(offset, offset + query.limit);
    const missing = page.filter((r) => r.entry.card === undefined).map((r) => r.entry.id);
    const cards = missing.length > 0 ? await deps.jobs.cards(missing) : new Map<string, never>();
    const items = page.flatMap(({ entry, scope }): Job[] => {
      const card = entry.card ?? cards.get(entry.id);
      if (!card) return [];
      const breakdown = haves ? scoreMatch(needsOf(entry.skillVector, entry.minLevel), haves, ctxOf(entry), deps.taxonomy) : undefined;
      const match = breakdown ? { score: breakdown.score, requiredMet: breakdown.requiredMet, requiredTotal: breakdown.requiredTotal, explanation: rankedExplanation(breakdown, lang) } : undefined;
      return [{ ...(card as Omit<Job, 'match'>), ...(match ? { match: match as unknown as NonNullable<Job['match']> } : {}), ...(scope ? { scope } : {}) }];
    });
    const end = offset + page.length;
    return {
      items,
      ...(end < ranked.length ? { nextToken: Buffer.from(String(end)).toString('base64url') } : {}),
      ...(truncated ? { truncated: true as const } : {}),
    };
  };
}
