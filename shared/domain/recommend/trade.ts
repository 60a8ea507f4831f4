/**
 * How much of a course is the learner's own trade, and how much of it is new to them. A welder is
 * not helped by a building-drawings course because one of its skills sits next to reading
 * drawings, and a shop operator with years of Taobao behind them is not helped by an entry course
 * in running a Taobao shop: a course counts for the share of what it teaches that is both.
 *
 * - **The trade** is read from the taxonomy's categories (低空经济, 新能源汽车, 电子商务 …): each
 *   category weighs its share of the skills the person holds or wishes for, relative to their main
 *   one (1). A drone pilot who once sorted parcels is a drone person first: a warehouse skill
 *   weighs a third as much as a drone skill. A skill they hold or wish for weighs 1 itself. Office
 *   work and safety and quality, which every trade draws on, weigh `SHARED_CATEGORY_WEIGHT`
 *   whatever the person holds. (Skills one hop away in the taxonomy made a poor trade: hub skills
 *   such as reading drawings or loading goods joined welders to building courses and drone pilots
 *   to warehouse work.)
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
export const KNOWN_FLOOR = 0.25;
/** Weight in every trade of the categories every trade draws on. */
export const SHARED_CATEGORY_WEIGHT = 0.8;
/** Categories every trade draws on: never off-trade, never a trade of their own. */
export const SHARED_CATEGORIES: ReadonlySet<string> = new Set(['office-general', 'safety-quality']);

/** How much a skill belongs to the learner's trade, 0–1. */
export type Trade = (skillId: string) => number;

export interface TradeFit {
  /** 0–1 share of the course's skills in the learner's trade (each by its trade weight). */
  readonly inTrade: number;
  /** 0–1 share of the course's skills taught above the learner's level in them. */
  readonly isNew: number;
  /** What the course's score is multiplied by: `(OFF_TRADE_FLOOR + … × inTrade) × (KNOWN_FLOOR + … × isNew)`. */
  readonly factor: number;
}

/** The learner's trade from the skills given (held, wished for): each skill's weight by its category (see above). */
export function tradeOf(own: Iterable<string>, taxonomy: Pick<MatchTaxonomy, 'getSkill'>): Trade {
  const given = new Set(own);
  const counts = new Map<string, number>();
  for (const id of given) {
    const category = taxonomy.getSkill(id)?.category;
    if (category !== undefined && !SHARED_CATEGORIES.has(category)) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const main = Math.max(1, ...counts.values());
  return (skillId) => {
    if (given.has(skillId)) return 1;
    const category = taxonomy.getSkill(skillId)?.category;
    if (category === undefined) return 0;
    return SHARED_CATEGORIES.has(category) ? SHARED_CATEGORY_WEIGHT : (counts.get(category) ?? 0) / main;
  };
}

/** The mean trade weight of some skills (1 for none: nothing to judge by). */
export function tradeShare(skillIds: readonly string[], trade: Trade): number {
  return skillIds.length === 0 ? 1 : skillIds.reduce((sum, id) => sum + trade(id), 0) / skillIds.length;
}

/**
 * The fit of a course teaching `taught` (level per taxonomy skill) for a learner with this trade
 * and these held levels. A course naming no taxonomy skill is neutral (factor 1): its words are
 * weighed elsewhere.
 */
export function tradeFit(taught: ReadonlyMap<string, Level>, trade: Trade, held: ReadonlyMap<string, number>): TradeFit {
  if (taught.size === 0) return { inTrade: 1, isNew: 1, factor: 1 };
  let isNew = 0;
  for (const [skillId, level] of taught) if ((held.get(skillId) ?? 0) < level) isNew += 1;
  const share = { inTrade: tradeShare([...taught.keys()], trade), isNew: isNew / taught.size };
  return { ...share, factor: (OFF_TRADE_FLOOR + (1 - OFF_TRADE_FLOOR) * share.inTrade) * (KNOWN_FLOOR + (1 - KNOWN_FLOOR) * share.isNew) };
}
