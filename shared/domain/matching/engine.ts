import { regionDistance } from '../../regions/regions.js';
import type { Level } from '../../taxonomy/levels.js';
import { gramsOfEntry, isLexical, LEXICAL_CREDIT, LEXICAL_PREFIX } from './lexical.js';
import { FUZZY_FACTOR, levelCredit, needWeights, rankMatch, REGION_CREDIT, RELATION_CREDIT, scoreMatch, type MatchRank, type MatchTaxonomy } from './score.js';
import type { Have, MatchBreakdown, Need } from './types.js';

/**
 * In-memory top-k matching of many learners against many demands (a bureau campaign), giving
 * exactly the top k that scoring every pair with `rankMatch` would give, at a small share of the
 * cost. Method (the threshold algorithm over an inverted index):
 *
 * 1. Index: two kinds of postings, each (demand, the most that posting can add to the demand's
 *    skill score). A need's weight is its share of `scoreMatch`'s skill component (`needWeights`:
 *    0.8 over the required needs and 0.2 over the preferred ones, a generic skill beside a trade's
 *    skills weighing a quarter of the others).
 *    - skill → postings of the needs of that skill, weight × the fuzzy factor when the need was
 *      only linked by likeness, with the needed level;
 *    - gram → postings of the needs whose words hold it (a lexical need `~电池+pack`, and a named
 *      need's phrase grams), weight × the lexical credit × the gram's share of the need's grams.
 * 2. Bound: a need earns credit only from its own skill or a one-hop neighbour (child, parent,
 *    related) the learner holds, or from the share of its grams the learner's words hold. Per
 *    learner, a small table gives the most skill credit per creditable skill and needed level (the
 *    best route over every skill held, × the fuzzy factor when every listing of the held skill is
 *    a link by likeness; a skill listed twice counts at its best level, an unstated one at the
 *    assumed level). Summing weight × table over the skill postings of those skills, plus the gram
 *    postings of the grams held (each gram once), gives per demand an upper bound of its skill
 *    score: a need's credit is the larger of its skill and word credit, never more than their sum,
 *    and the word part summed over the grams held is exactly the scorer's. Times the pair's region
 *    credit, rounded as the score is, it bounds the score.
 * 3. Search: candidates are popped in order of their bound from a heap and scored exactly
 *    (`rankMatch`) until the k-th best exact score beats the next bound. Everything not scored had
 *    a bound below it, so nothing better was skipped.
 *
 * Every factor of the bound comes from the scorer's exported constants (`RELATION_CREDIT`,
 * `FUZZY_FACTOR`, `LEXICAL_CREDIT`, `levelCredit`, `REGION_CREDIT`, `needWeights`) through
 * {@link makeScoredEngine}, so it stays an upper bound when they are tuned.
 *
 * Only the k returned get `scoreMatch` and its evidence (see {@link ScoredEngine.explain}).
 */

/** A demand as the engine holds it. */
export interface EngineDemand {
  readonly id: string;
  readonly ref: string;
  /** GB/T 2260 code or `national`. */
  readonly region: string;
  readonly needs: readonly Need[];
}

/** A learner as the engine scores it. */
export interface EngineLearner {
  readonly id: string;
  readonly region: string;
  readonly haves: readonly Have[];
  readonly prefersOnline?: boolean | undefined;
}

/** The exact score of a pair and its tie-breakers (`rankMatch`'s figures). */
export type EngineRank = MatchRank;

/** The exact ranker: `rankMatch` bound to a taxonomy (tests pass others). */
export type Ranker = (demand: EngineDemand, learner: EngineLearner) => EngineRank;

export interface RankedDemand {
  readonly demand: EngineDemand;
  readonly rank: EngineRank;
}

/** A needed skill that holding some skill earns credit for, and the most share of a need it earns. */
export interface CreditRoute {
  readonly skillId: string;
  /** 1 for the skill itself; the scorer's relation credit for a child, parent or related skill. */
  readonly factor: number;
}

export interface EngineOptions {
  /**
   * Every needed skill a holder of `skillId` can earn any credit for (the skill itself and each
   * skill it is a child, parent or relative of), with the most share of the need it earns. Must
   * cover every skill credit the ranker gives, and never understate a share, or the engine would
   * miss candidates. Words are not routes: lexical entries (`~…`) go through the gram postings.
   */
  readonly creditRoutes: (skillId: string) => readonly CreditRoute[];
  /** Each need's share of its demand's skill score, exactly as the ranker weighs it (`needWeights` of score.ts). */
  readonly needWeights: (needs: readonly Need[]) => readonly number[];
  /** The most credit a skill held at `held` earns for a need at `needed` (before the route's factor). @default 1 */
  readonly levelCredit?: (needed: Level | null, held: Level | null) => number;
  /**
   * What a skill credit keeps when the need, or every listing of the held skill, was only linked
   * by likeness (the scorer multiplies once per side). Must not understate it. @default 1
   */
  readonly fuzzyFactor?: number;
  /**
   * The most credit a lexical need (`~a+b`) or a named need's phrase grams earn when the learner's
   * words hold every gram; a share of the grams earns that share. Must not understate the ranker's.
   * @default 1
   */
  readonly lexicalCredit?: number;
  /** The most a pair can keep of its skill score after the region scales it (1 when unknown). */
  readonly regionCredit: (demandRegion: string, learnerRegion: string) => number;
  /** How a score is rounded (it must be monotone); bounds are rounded the same way. @default three decimals */
  readonly round?: (score: number) => number;
}

/** Work done by one engine, for benchmarks. */
export interface EngineStats {
  learners: number;
  /** Demands touched through the index (had any bound above zero). */
  touched: number;
  /** Demands scored exactly. */
  ranked: number;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Float sums of weights may land a hair below the exact share; a bound must never be below it. */
const BOUND_SLACK = 1e-9;

/** Best first: score, then more required skills fully met, then nearer, then id (stable across runs). */
export function compareRanked(a: RankedDemand, b: RankedDemand): number {
  return (
    b.rank.score - a.rank.score ||
    b.rank.requiredMet - a.rank.requiredMet ||
    a.rank.distance - b.rank.distance ||
    (a.demand.id < b.demand.id ? -1 : a.demand.id > b.demand.id ? 1 : 0)
  );
}

/** Inserts into a list kept sorted by {@link compareRanked}, capped at k. */
function insertTop(list: RankedDemand[], item: RankedDemand, k: number): void {
  let i = list.length;
  while (i > 0 && compareRanked(item, list[i - 1]!) < 0) i--;
  if (i >= k) return;
  list.splice(i, 0, item);
  if (list.length > k) list.pop();
}

/** Whether a pair's exact rank belongs in a list at all: above zero and at least the threshold. */
const qualifies = (rank: EngineRank, threshold: number) => rank.score > 0 && rank.score >= threshold;

/** Top-k demands per learner; see the module comment for the method and why it is exact. */
export class DemandEngine {
  readonly stats: EngineStats = { learners: 0, touched: 0, ranked: 0 };
  private readonly demands: readonly EngineDemand[];
  /** skill id → demand indices, need weights and needed levels (0: any), side by side. */
  private readonly postings = new Map<string, Postings>();
  /** lexical entry of one gram (`~电池`, as a learner holds it) → demand indices and the most that gram adds. */
  private readonly gramPostings = new Map<string, Postings>();
  /** Region of each demand as a small integer, and the distinct regions. */
  private readonly regionOf: Uint16Array;
  private readonly regions: string[] = [];
  /** learner region → region credit per demand region. */
  private readonly creditCache = new Map<string, Float64Array>();
  private readonly round: (score: number) => number;
  /** Per-demand scratch accumulators, reset lazily through `stamp`. */
  private readonly acc: Float64Array;
  private readonly stampOf: Uint32Array;
  private stamp = 0;
  /** Scratch list of the demands touched for the current learner, and its bounds. */
  private readonly touched: Int32Array;
  private readonly boundOf: Float64Array;

  constructor(
    demands: readonly EngineDemand[],
    private readonly rank: Ranker,
    private readonly options: EngineOptions,
  ) {
    this.demands = demands;
    this.round = options.round ?? round3;
    this.acc = new Float64Array(demands.length);
    this.stampOf = new Uint32Array(demands.length);
    this.touched = new Int32Array(demands.length);
    this.boundOf = new Float64Array(demands.length);
    this.regionOf = new Uint16Array(demands.length);
    const regionIndex = new Map<string, number>();
    const skillLists = new PostingLists();
    const gramLists = new PostingLists();
    const fuzzy = options.fuzzyFactor ?? 1;
    const lexical = options.lexicalCredit ?? 1;
    demands.forEach((d, i) => {
      let r = regionIndex.get(d.region);
      if (r === undefined) {
        r = this.regions.push(d.region) - 1;
        regionIndex.set(d.region, r);
      }
      this.regionOf[i] = r;
      const weights = options.needWeights(d.needs);
      d.needs.forEach((need, j) => {
        const weight = weights[j]!;
        // A lexical need is met by its words alone; a named need by its skill, or by the words of its phrase.
        const grams = isLexical(need.skillId) ? gramsOfEntry(need.skillId) : need.grams;
        if (!isLexical(need.skillId)) skillLists.add(need.skillId, i, weight * (need.fuzzy ? fuzzy : 1), need.level ?? 0);
        if (grams === undefined || grams.length === 0) return;
        // A gram written twice counts twice in the share (as the scorer counts it): one posting with both.
        const counts = new Map<string, number>();
        for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
        for (const [g, count] of counts) gramLists.add(`${LEXICAL_PREFIX}${g}`, i, (weight * lexical * count) / grams.length, 0);
      });
    });
    if (this.regions.length > 65_535) throw new RangeError('DemandEngine holds at most 65,535 distinct demand regions.');
    skillLists.freezeInto(this.postings);
    gramLists.freezeInto(this.gramPostings);
  }

  get size(): number {
    return this.demands.length;
  }

  /** The k best demands for a learner with a score above zero and at least `threshold`, best first. */
  topFor(learner: EngineLearner, k: number, threshold = 0): RankedDemand[] {
    this.stats.learners += 1;
    if (k <= 0) return [];
    const { index, bound } = this.bounds(learner, threshold);
    const heap = new BoundHeap(index, bound);
    const best: RankedDemand[] = [];
    while (heap.size > 0) {
      const top = heap.peekBound();
      // The k-th exact score so far beats every remaining bound: nothing left can enter the list.
      if (best.length >= k && top < best[k - 1]!.rank.score) break;
      const i = heap.pop();
      const demand = this.demands[i]!;
      this.stats.ranked += 1;
      const rank = this.rank(demand, learner);
      if (qualifies(rank, threshold)) insertTop(best, { demand, rank }, k);
    }
    return best;
  }

  /**
   * The most skill credit the learner can earn for a need of each creditable skill, per needed
   * level (index 0: any level, 1–5): the best route over every skill held. The scorer keeps one
   * listing per skill (the highest level; a link by likeness only when every listing is one), so
   * the table takes the best level of each listing and the fuzzy factor only when all are links.
   */
  private creditTable(learner: EngineLearner): Map<string, Float64Array> {
    const level = this.options.levelCredit ?? (() => 1);
    const fuzzyFactor = this.options.fuzzyFactor ?? 1;
    const held = new Map<string, { levels: Array<Level | null>; fuzzy: boolean }>();
    for (const have of learner.haves) {
      if (isLexical(have.skillId)) continue;
      const seen = held.get(have.skillId);
      if (!seen) held.set(have.skillId, { levels: [have.level], fuzzy: have.fuzzy === true });
      else {
        seen.levels.push(have.level);
        seen.fuzzy &&= have.fuzzy === true;
      }
    }
    const table = new Map<string, Float64Array>();
    for (const [skillId, { levels, fuzzy }] of held) {
      const factor = fuzzy ? fuzzyFactor : 1;
      for (const route of this.options.creditRoutes(skillId)) {
        let row = table.get(route.skillId);
        if (!row) table.set(route.skillId, (row = new Float64Array(6)));
        for (const heldLevel of levels) {
          for (let n = 0; n <= 5; n++) {
            const credit = factor * route.factor * level(n === 0 ? null : (n as Level), heldLevel);
            if (credit > row[n]!) row[n] = credit;
          }
        }
      }
    }
    return table;
  }

  /**
   * Demands the learner could score at least `threshold` (and above zero) with, and their bounds,
   * as views of scratch arrays (valid until the next call).
   */
  private bounds(learner: EngineLearner, threshold: number): { index: Int32Array; bound: Float64Array } {
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    const { acc, stampOf, stamp, touched } = this;
    let count = 0;
    // Each needed skill appears once in the table, so a need is counted once however many held skills could meet it.
    for (const [skill, row] of this.creditTable(learner)) {
      const list = this.postings.get(skill);
      if (!list) continue;
      const { demand, weight, level } = list;
      for (let j = 0; j < demand.length; j++) {
        const i = demand[j]!;
        if (stampOf[i] !== stamp) {
          stampOf[i] = stamp;
          acc[i] = weight[j]! * row[level[j]!]!;
          touched[count++] = i;
        } else {
          acc[i]! += weight[j]! * row[level[j]!]!;
        }
      }
    }
    // Each gram held once (the scorer holds a set), so a gram of a need is counted once.
    const grams = new Set<string>();
    for (const have of learner.haves) if (isLexical(have.skillId)) grams.add(have.skillId);
    for (const gram of grams) {
      const list = this.gramPostings.get(gram);
      if (!list) continue;
      const { demand, weight } = list;
      for (let j = 0; j < demand.length; j++) {
        const i = demand[j]!;
        if (stampOf[i] !== stamp) {
          stampOf[i] = stamp;
          acc[i] = weight[j]!;
          touched[count++] = i;
        } else {
          acc[i]! += weight[j]!;
        }
      }
    }
    const credit = this.creditsFor(learner.region);
    const floor = Math.max(threshold, Number.MIN_VALUE);
    const { boundOf, regionOf, round } = this;
    let n = 0;
    for (let t = 0; t < count; t++) {
      const i = touched[t]!;
      const b = round((Math.min(1, acc[i]!) + BOUND_SLACK) * credit[regionOf[i]!]!);
      if (b < floor) continue;
      // Compacts in place: n never passes t.
      touched[n] = i;
      boundOf[n] = b;
      n++;
    }
    this.stats.touched += count;
    return { index: touched.subarray(0, n), bound: boundOf.subarray(0, n) };
  }

  private creditsFor(learnerRegion: string): Float64Array {
    let credit = this.creditCache.get(learnerRegion);
    if (!credit) {
      credit = Float64Array.from(this.regions, (r) => this.options.regionCredit(r, learnerRegion));
      this.creditCache.set(learnerRegion, credit);
    }
    return credit;
  }
}

/** Postings of one key: demand indices, the most each adds to its demand's skill score, needed levels (0: any). */
interface Postings {
  readonly demand: Int32Array;
  readonly weight: Float64Array;
  readonly level: Uint8Array;
}

/** Postings as they are gathered, then frozen into typed arrays (a fraction of the memory, and faster to walk). */
class PostingLists {
  private readonly lists = new Map<string, { demand: number[]; weight: number[]; level: number[] }>();

  add(key: string, demand: number, weight: number, level: number): void {
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = { demand: [], weight: [], level: [] }));
    list.demand.push(demand);
    list.weight.push(weight);
    list.level.push(level);
  }

  freezeInto(target: Map<string, Postings>): void {
    for (const [key, list] of this.lists) target.set(key, { demand: Int32Array.from(list.demand), weight: Float64Array.from(list.weight), level: Uint8Array.from(list.level) });
  }
}

/** A binary max-heap of demand indices keyed by bound, built in linear time. */
class BoundHeap {
  private n: number;

  constructor(
    private readonly index: Int32Array,
    private readonly bound: Float64Array,
  ) {
    this.n = index.length;
    for (let i = (this.n >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.n;
  }

  peekBound(): number {
    return this.bound[0]!;
  }

  pop(): number {
    const top = this.index[0]!;
    this.n -= 1;
    if (this.n > 0) {
      this.index[0] = this.index[this.n]!;
      this.bound[0] = this.bound[this.n]!;
      this.down(0);
    }
    return top;
  }

  private down(i: number): void {
    const { index, bound, n } = this;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const c = r < n && bound[r]! > bound[l]! ? r : l;
      if (bound[c]! <= bound[i]!) return;
      const ti = index[i]!;
      const tb = bound[i]!;
      index[i] = index[c]!;
      bound[i] = bound[c]!;
      index[c] = ti;
      bound[c] = tb;
      i = c;
    }
  }
}

/** The reference: rank every demand for the learner and keep the k best. */
export function bruteForceTop(demands: readonly EngineDemand[], rank: Ranker, learner: EngineLearner, k: number, threshold = 0): RankedDemand[] {
  const best: RankedDemand[] = [];
  for (const demand of demands) {
    const r = rank(demand, learner);
    if (qualifies(r, threshold)) insertTop(best, { demand, rank: r }, k);
  }
  return best;
}

/**
 * Credit routes of a taxonomy, as `scoreMatch` credits them: holding a skill earns full credit for
 * itself, `RELATION_CREDIT.child` for its parents (it is their narrower child), `.parent` for its
 * children and `.related` for related skills; a skill reached two ways keeps the larger share.
 */
export function creditRoutesOf(taxonomy: MatchTaxonomy): (skillId: string) => readonly CreditRoute[] {
  const cache = new Map<string, readonly CreditRoute[]>();
  return (skillId) => {
    let found = cache.get(skillId);
    if (!found) {
      const best = new Map<string, number>([[skillId, 1]]);
      const add = (id: string, factor: number) => best.set(id, Math.max(best.get(id) ?? 0, factor));
      for (const s of taxonomy.parentsOf(skillId)) add(s.id, RELATION_CREDIT.child);
      for (const s of taxonomy.childrenOf(skillId)) add(s.id, RELATION_CREDIT.parent);
      for (const s of taxonomy.relatedOf(skillId)) add(s.id, RELATION_CREDIT.related);
      found = [...best].map(([id, factor]) => ({ skillId: id, factor }));
      cache.set(skillId, found);
    }
    return found;
  };
}

/** The matching scorer's context of a pair: where the work is, where the learner is. */
const contextOf = (demand: EngineDemand, learner: EngineLearner) => ({ demandRegion: demand.region, learnerRegion: learner.region, learnerPrefersOnline: learner.prefersOnline });

/** The engine wired to the real scorer, and the scorer's evidence for the few pairs returned. */
export interface ScoredEngine {
  readonly engine: DemandEngine;
  /** `rankMatch` of a pair: what the engine ranks by. */
  readonly rank: Ranker;
  /** `scoreMatch` of a pair: the same score with the evidence behind it. */
  explain(demand: EngineDemand, learner: EngineLearner): MatchBreakdown;
}

/**
 * A {@link DemandEngine} over `demands` that ranks exactly as `rankMatch` (skills, their one-hop
 * neighbours, links by likeness and lexical evidence) and explains with `scoreMatch`; its bounds
 * read the scorer's own constants.
 */
export function makeScoredEngine(demands: readonly EngineDemand[], taxonomy: MatchTaxonomy): ScoredEngine {
  const rank: Ranker = (demand, learner) => rankMatch(demand.needs, learner.haves, contextOf(demand, learner), taxonomy);
  const engine = new DemandEngine(demands, rank, {
    creditRoutes: creditRoutesOf(taxonomy),
    needWeights: (needs) => needWeights(needs, taxonomy),
    levelCredit,
    fuzzyFactor: FUZZY_FACTOR,
    lexicalCredit: LEXICAL_CREDIT,
    // Demands are never online, so the scorer's region credit is the distance's.
    regionCredit: (demandRegion, learnerRegion) => REGION_CREDIT[regionDistance(demandRegion, learnerRegion)],
  });
  return { engine, rank, explain: (demand, learner) => scoreMatch(demand.needs, learner.haves, contextOf(demand, learner), taxonomy) };
}
