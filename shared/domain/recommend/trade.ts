/**
 * How much of a course is the learner's own trade, and how much of it is new to them. A welder is
 * not helped by a building-drawings course because one of its skills sits next to reading
 * drawings, and a shop operator with years of Taobao behind them is not helped by an entry course
 * in running a Taobao shop: a course counts for the share of what it teaches that is both.
 *
 * - **The trade** is what the person holds, wishes for or is headed to (the target's gap), and the
 *   skills one hop from those in the taxonomy (narrower, broader, related), as the matching scorer
 *   credits them.
 * - **New** means taught above the level they hold it at (a skill not held at all is new).
 *
 * The factor keeps a floor of the score, so that a course off the trade or already known still
 * ranks among the rest when nothing better exists, rather than vanishing from a short list.
 */
import type { Level } from '../../taxonomy/levels.js';
import type { MatchTaxonomy } from '../matching/score.js';

/** Share of its score a course wholly outside the learner's trade keeps. */
export const OFF_TRADE_FLOOR = 0.1;
/** Share of its score a course that teaches the learner nothing new keeps. */
export const KNOWN_FLOOR = 0.5;

export interface TradeFit {
  /** 0–1 share of the course's skills in the learner's trade. */
  readonly inTrade: number;
  /** 0–1 share of the course's skills taught above the learner's level in them. */
  readonly isNew: number;
  /** What the course's score is multiplied by: `(OFF_TRADE_FLOOR + … × inTrade) × (KNOWN_FLOOR + … × isNew)`. */
  readonly factor: number;
}

/** The learner's trade: the skills given (held, wished for, needed by the target), and their one-hop neighbours. */
export function tradeOf(own: Iterable<string>, taxonomy: Pick<MatchTaxonomy, 'parentsOf' | 'childrenOf' | 'relatedOf'>): Set<string> {
  const trade = new Set(own);
  for (const id of [...trade]) {
    for (const s of [...taxonomy.childrenOf(id), ...taxonomy.parentsOf(id), ...taxonomy.relatedOf(id)]) trade.add(s.id);
  }
  return trade;
}

/**
 * The fit of a course teaching `taught` (level per taxonomy skill) for a learner with this trade
 * and these held levels. A course naming no taxonomy skill is neutral (factor 1): its words are
 * weighed elsewhere.
 */
export function tradeFit(taught: ReadonlyMap<string, Level>, trade: ReadonlySet<string>, held: ReadonlyMap<string, number>): TradeFit {
  if (taught.size === 0) return { inTrade: 1, isNew: 1, factor: 1 };
  let inTrade = 0;
  let isNew = 0;
  for (const [skillId, level] of taught) {
    if (trade.has(skillId)) inTrade += 1;
    if ((held.get(skillId) ?? 0) < level) isNew += 1;
  }
  const share = { inTrade: inTrade / taught.size, isNew: isNew / taught.size };
  return { ...share, factor: (OFF_TRADE_FLOOR + (1 - OFF_TRADE_FLOOR) * share.inTrade) * (KNOWN_FLOOR + (1 - KNOWN_FLOOR) * share.isNew) };
}
