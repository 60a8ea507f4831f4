import { provinceOf } from '../../regions/regions.js';
import { gramsOfEntry, isLexical, LEXICAL_CREDIT, LEXICAL_PREFIX } from './lexical.js';
import { needWeights, REGION_CREDIT, RELATION_CREDIT, type MatchTaxonomy } from './score.js';
import type { Need } from './types.js';

/**
 * Upper bounds of the match score for records that retrieval has not read yet, so that a match
 * call can stop reading index partitions once nothing unread can still enter its top k (the
 * threshold algorithm). Every figure comes from the scorer's own exported constants
 * (`needWeights`, `RELATION_CREDIT`, `LEXICAL_CREDIT`, `REGION_CREDIT`), so a bound stays
 * right when they are tuned; `tests/unit/matching/retrieval-bound.test.ts` checks bound ≥ score.
 *
 * A record can only earn credit for a need through a partition it is indexed under: the needed
 * skill itself, a skill one hop away, or a gram of the need's words. So a record that is in none
 * of the partitions read so far holds, of what the need can credit, only what the unread
 * partitions stand for.
 */

/** Float sums of credits may land a hair apart from the scorer's; a bound must never be below it. */
const BOUND_SLACK = 1e-9;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The score (rounded as the scorer rounds) a record cannot exceed, from its skill and region bounds. */
export const scoreBound = (skill: number, region: number): number => round3(skill * region + BOUND_SLACK);

/** Share of `grams` whose partitions are unread, times the lexical credit: the most the words can still earn. */
function gramsBound(grams: readonly string[] | undefined, unread: ReadonlySet<string>): number {
  if (grams === undefined || grams.length === 0) return 0;
  let open = 0;
  for (const g of grams) if (unread.has(`${LEXICAL_PREFIX}${g}`)) open += 1;
  return (LEXICAL_CREDIT * open) / grams.length;
}

/** What bounding one need takes: its own partition, its grams, and its neighbours by credit, best first. */
interface NeedSources {
  readonly skillId?: string;
  readonly grams?: readonly string[];
  readonly neighbours: ReadonlyArray<{ readonly credit: number; readonly ids: readonly string[] }>;
}

function sourcesOf(need: Need, taxonomy: MatchTaxonomy): NeedSources {
  if (isLexical(need.skillId)) return { grams: gramsOfEntry(need.skillId), neighbours: [] };
  const neighbours = [
    { credit: RELATION_CREDIT.child, ids: taxonomy.childrenOf(need.skillId).map((s) => s.id) },
    { credit: RELATION_CREDIT.parent, ids: taxonomy.parentsOf(need.skillId).map((s) => s.id) },
    { credit: RELATION_CREDIT.related, ids: taxonomy.relatedOf(need.skillId).map((s) => s.id) },
  ].sort((a, b) => b.credit - a.credit);
  return { skillId: need.skillId, ...(need.grams ? { grams: need.grams } : {}), neighbours };
}

/** The most one need can credit someone found only through `unread` partitions. */
function needBound(need: NeedSources, unread: ReadonlySet<string>): number {
  if (need.skillId !== undefined && unread.has(need.skillId)) return 1;
  const best = gramsBound(need.grams, unread);
  for (const { credit, ids } of need.neighbours) {
    if (credit <= best) break;
    if (ids.some((id) => unread.has(id))) return credit;
  }
  return best;
}

/**
 * The most a demand's needs can score (before region) for a learner who is in none of the
 * partitions read: each need earns at most what its unread partitions stand for (1 for the skill
 * itself, the relation credit for a neighbour, the lexical credit times the share of its grams).
 * Returns a function of the partitions unread (skill ids, `~gram`) in the learner's part of the
 * index; the taxonomy is read once.
 */
export function makeLearnerSkillBound(needs: readonly Need[], taxonomy: MatchTaxonomy): (unread: ReadonlySet<string>) => number {
  const sources = needs.map((need) => sourcesOf(need, taxonomy));
  const weights = needWeights(needs, taxonomy);
  return (unread) => sources.reduce((bound, need, i) => bound + weights[i]! * needBound(need, unread), 0);
}

/** {@link makeLearnerSkillBound} for one set of unread partitions. */
export const learnerSkillBound = (needs: readonly Need[], unread: ReadonlySet<string>, taxonomy: MatchTaxonomy): number => makeLearnerSkillBound(needs, taxonomy)(unread);

/**
 * The most a demand found only through `unread` partitions can score (before region) for a
 * learner, given the most credit a need in each partition can earn (`credits`): every need earns
 * at most the best of them, and the score is a weighted mean of need credits.
 */
export function demandSkillBound(credits: ReadonlyMap<string, number>, unread: ReadonlySet<string>): number {
  let best = 0;
  for (const p of unread) best = Math.max(best, credits.get(p) ?? 0);
  return best;
}

/**
 * The most credit a demand need found in one of a learner's direct partitions can earn: a skill
 * the learner holds fully, a gram of its words at most the lexical credit.
 */
export const directCredit = (partition: string): number => (isLexical(partition) ? LEXICAL_CREDIT : 1);

/** Where retrieval reads, and the most the region factor can be for anyone read there. */
export interface RegionScope {
  /** Read only records inside this region (a GB/T 2260 code). */
  readonly within?: string;
  /** Read only records outside this region. */
  readonly outside?: string;
  /** The most `REGION_CREDIT` any record of the scope gets against the subject. */
  readonly regionCredit: number;
}

/**
 * The parts of the index a match call reads, nearest first: the subject's own province (any
 * distance, so the best region credit), then everything outside it (another province, or
 * `national`: always the farthest credit). A subject without a province (national, unknown code)
 * reads everything as one scope.
 */
export function regionScopes(subjectRegion: string): RegionScope[] {
  const best = Math.max(...Object.values(REGION_CREDIT));
  const province = provinceOf(subjectRegion);
  if (province === undefined) return [{ regionCredit: best }];
  return [
    { within: province, regionCredit: best },
    { outside: province, regionCredit: REGION_CREDIT[3] },
  ];
}
