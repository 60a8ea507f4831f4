/**
 * The shortage index: per taxonomy skill and region, how much open demand there is against the
 * learners who could fill it. Pure: the stream handler, the rebuild and the readers all compute
 * with these functions, so incremental counters and a full rebuild agree by construction.
 *
 * ## What is counted
 *
 * - **Demand**: the headcount of open demands needing the skill, weighted 1 for a required skill
 *   and 0.5 for a preferred one, kept per needed level (1–5). A skill without a level needs the
 *   demand's `minLevel`, else level 1.
 * - **Supply**: learners holding the skill, kept per held level (no level counts as level 1).
 *   Every learner counts, whatever `consentToShare` says: only totals are ever shown.
 * - **Roll-up**: a record in district D counts for D, its city, its province and `national`
 *   (`regionChain`), so a region's figures include everything inside it.
 *
 * ## Expiry without a write
 *
 * A demand stops counting when its `expiresAt` passes, and nothing is written at that moment, so
 * no stream record could take it out. Counters therefore never depend on the clock: a demand's
 * contribution goes into a cell named after its expiry day (China Standard Time; a time of day
 * rounds up to the next midnight, `never` when there is none), and readers add only the cells
 * whose day has not begun. An expiry at midnight (the usual case) is exact; any other time counts
 * until the following midnight, never less. Because a record's contribution is a function of the
 * record alone, the sum of (new − old) over any history of writes equals the contribution of the
 * final state: that is what makes streaming deltas equal a rebuild.
 *
 * ## The index
 *
 * `index = (demand + k) / (supply + k)` with `k = SHORTAGE_PRIOR` (2). It is the ratio of the
 * posterior means of the two rates (demand and supply seen as Poisson counts, each with the same
 * Gamma(k, 1) prior): a prior of k pseudo-openings and k pseudo-learners, centred on balance. Big
 * counts are barely moved; a district with one opening and no learner reads 1.5 rather than ∞,
 * while 20 openings and no learner read 11. Above 1 is a shortage, below 1 a surplus.
 *
 * `supply` is the supply at the level demand needs: for each needed level l, the learners holding
 * the skill at l or above, averaged with the demand at each level as weights (with no demand, all
 * holders).
 */
import { regionChain } from '../regions/regions.js';
import type { Level } from '../taxonomy/levels.js';
import { indexedSkills, type AnyRecord } from './records.js';

/** The five levels, lowest first (the same ladder as shared/taxonomy/levels.ts, whose code the domain does not load). */
const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** Weight of a demand's headcount by how it names the skill. */
export const SHORTAGE_WEIGHTS = { required: 1, preferred: 0.5 } as const;

/** Pseudo-counts added to demand and supply alike (see the module comment). */
export const SHORTAGE_PRIOR = 2;

/** Expiry cell of demands that never expire. */
export const NO_EXPIRY = 'never';

/** China Standard Time, in which expiry days are cut. */
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** One counter cell of a (region, skill) counter. */
export type ShortageCell =
  | { readonly side: 'demand'; readonly level: Level; /** `never` or the CST day (YYYYMMDD) from whose midnight on it no longer counts. */ readonly expiry: string }
  | { readonly side: 'supply'; readonly level: Level };

/** Counters of one region and skill: cell name → amount (weighted headcount or learners). */
export interface ShortageCounter {
  /** GB/T 2260 code or `national`. */
  readonly region: string;
  readonly skillId: string;
  readonly cells: Readonly<Record<string, number>>;
}

/** Demand and qualified supply at one needed level. */
export interface ShortageLevel {
  readonly level: Level;
  readonly demand: number;
  /** Learners holding the skill at this level or above. */
  readonly supply: number;
}

/** What a reader shows for one region and skill (a `ShortageEntry` with the per-level detail). */
export interface ShortageDetail {
  readonly skillId: string;
  readonly region: string;
  readonly demand: number;
  readonly supply: number;
  readonly index: number;
  readonly levels: readonly ShortageLevel[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The expiry cell of a demand: `never` without `expiresAt`, else the CST day from whose midnight
 * on it no longer counts (the expiry rounded up to a midnight).
 *
 * @returns the cell's day, or `undefined` when `expiresAt` is not a date (such a demand never counts)
 */
export function expiryBucket(expiresAt: string | null | undefined): string | undefined {
  if (expiresAt === undefined || expiresAt === null) return NO_EXPIRY;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return undefined;
  const day = Math.ceil((at + CST_OFFSET_MS) / DAY_MS);
  const date = new Date(day * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}`;
}

/** Whether demand in this expiry cell still counts at `now`. */
export function bucketLive(bucket: string, now: Date): boolean {
  if (bucket === NO_EXPIRY) return true;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(bucket);
  if (!match) return false;
  const midnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - CST_OFFSET_MS;
  return now.getTime() < midnight;
}

/** The attribute name of a cell: `d:<expiry>:<level>` or `s:<level>`. */
export const cellName = (cell: ShortageCell): string => (cell.side === 'demand' ? `d:${cell.expiry}:${cell.level}` : `s:${cell.level}`);

/** The cell an attribute name stands for, or `undefined` for any other attribute. */
export function parseCell(name: string): ShortageCell | undefined {
  const demand = /^d:(never|\d{8}):([1-5])$/.exec(name);
  if (demand) return { side: 'demand', expiry: demand[1]!, level: Number(demand[2]) as Level };
  const supply = /^s:([1-5])$/.exec(name);
  if (supply) return { side: 'supply', level: Number(supply[1]) as Level };
  return undefined;
}

/** The regions a record counts for: its own and every one containing it. */
function rollUp(region: string): string[] {
  const chain = regionChain(region);
  // An unknown code cannot pass the request schemas; should one be stored, it still counts nationally.
  return chain.length > 0 ? chain : ['national'];
}

/**
 * What one stored record adds to the counters, independent of the clock (closed demands and
 * courses add nothing; see the module comment for expiry).
 */
export function shortageContribution(record: AnyRecord | undefined): ShortageCounter[] {
  if (record === undefined || record.kind === 'course') return [];
  let cellsOf: (skill: ReturnType<typeof indexedSkills>[number]) => Record<string, number>;
  if (record.kind === 'demand') {
    const expiry = expiryBucket(record.expiresAt);
    if (record.status !== 'open' || expiry === undefined) return [];
    const fallback: Level = record.minLevel ?? 1;
    cellsOf = (s) => ({
      [cellName({ side: 'demand', expiry, level: s.level ?? fallback })]: record.headcount * (s.role === 'required' ? SHORTAGE_WEIGHTS.required : SHORTAGE_WEIGHTS.preferred),
    });
  } else {
    cellsOf = (s) => ({ [cellName({ side: 'supply', level: s.level ?? 1 })]: 1 });
  }
  const regions = rollUp(record.region);
  return indexedSkills(record).flatMap((s) => regions.map((region) => ({ region, skillId: s.skillId, cells: cellsOf(s) })));
}

/** The identity of a counter. */
export const counterKey = (region: string, skillId: string): string => `${region}\u0000${skillId}`;

/** Sums counters; `counters()` drops zero cells and empty counters and sorts by region, then skill. */
export class ShortageTally {
  private readonly byKey = new Map<string, { region: string; skillId: string; cells: Map<string, number> }>();

  add(counters: Iterable<ShortageCounter>, sign: 1 | -1 = 1): this {
    for (const c of counters) {
      const key = counterKey(c.region, c.skillId);
      let entry = this.byKey.get(key);
      if (!entry) {
        entry = { region: c.region, skillId: c.skillId, cells: new Map() };
        this.byKey.set(key, entry);
      }
      for (const [name, amount] of Object.entries(c.cells)) entry.cells.set(name, (entry.cells.get(name) ?? 0) + sign * amount);
    }
    return this;
  }

  counters(): ShortageCounter[] {
    return [...this.byKey.values()]
      .map((e) => ({ region: e.region, skillId: e.skillId, cells: Object.fromEntries([...e.cells].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1))) }))
      .filter((c) => Object.keys(c.cells).length > 0)
      .sort((a, b) => (a.region === b.region ? (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0) : a.region < b.region ? -1 : 1));
  }
}

/**
 * What a change of one record does to the counters: its new contribution minus its old one.
 * Creating passes `before` undefined, deleting `after` undefined. A region or skill change moves
 * the contribution; closing a demand removes it.
 */
export const shortageDelta = (before: AnyRecord | undefined, after: AnyRecord | undefined): ShortageCounter[] =>
  new ShortageTally().add(shortageContribution(after)).add(shortageContribution(before), -1).counters();

/** The counters a set of records adds up to, as a rebuild writes them. */
export function tallyShortage(records: Iterable<AnyRecord>): ShortageCounter[] {
  const tally = new ShortageTally();
  for (const r of records) tally.add(shortageContribution(r));
  return tally.counters();
}

/**
 * Counters without the demand cells whose expiry day has begun. Readers never add those cells,
 * so a writer may leave them out: it keeps counter items from growing with old expiry days.
 */
export function withoutExpired(counters: readonly ShortageCounter[], now: Date): ShortageCounter[] {
  const live = (name: string) => {
    const cell = parseCell(name);
    return cell !== undefined && (cell.side === 'supply' || bucketLive(cell.expiry, now));
  };
  return counters
    .map((c) => ({ ...c, cells: Object.fromEntries(Object.entries(c.cells).filter(([name]) => live(name))) }))
    .filter((c) => Object.keys(c.cells).length > 0);
}

/** The smoothed index for a demand and a supply (see the module comment). */
export const shortageIndex = (demand: number, supply: number, prior: number = SHORTAGE_PRIOR): number => (demand + prior) / (supply + prior);

/** Demand, supply at the needed level and the index of one counter at `now`. */
export function shortageDetail(counter: ShortageCounter, now: Date, prior: number = SHORTAGE_PRIOR): ShortageDetail {
  const demandAt = new Map<Level, number>(LEVELS.map((l) => [l, 0]));
  const heldAt = new Map<Level, number>(LEVELS.map((l) => [l, 0]));
  for (const [name, amount] of Object.entries(counter.cells)) {
    const cell = parseCell(name);
    if (cell === undefined) continue;
    if (cell.side === 'supply') heldAt.set(cell.level, heldAt.get(cell.level)! + amount);
    else if (bucketLive(cell.expiry, now)) demandAt.set(cell.level, demandAt.get(cell.level)! + amount);
  }
  // Deltas may arrive out of order for a moment; a count below zero means "none yet".
  const clamp = (n: number) => Math.max(0, n);
  const levels = LEVELS.map((level) => ({
    level,
    demand: clamp(demandAt.get(level)!),
    supply: LEVELS.filter((l) => l >= level).reduce((sum, l) => sum + clamp(heldAt.get(l)!), 0),
  }));
  const demand = levels.reduce((sum, l) => sum + l.demand, 0);
  const supply = demand > 0 ? levels.reduce((sum, l) => sum + l.demand * l.supply, 0) / demand : levels[0]!.supply;
  return { skillId: counter.skillId, region: counter.region, demand, supply, index: shortageIndex(demand, supply, prior), levels };
}

/** Shortages first: by index, then by demand, then by skill id so that the order is stable. */
export const rankShortage = <T extends Pick<ShortageDetail, 'skillId' | 'demand' | 'index'>>(entries: Iterable<T>): T[] =>
  [...entries].sort((a, b) => b.index - a.index || b.demand - a.demand || (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
