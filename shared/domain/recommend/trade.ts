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
import { GENERIC_CATEGORIES, tradeCategory, type MatchTaxonomy } from '../matching/score.js';

/** Share of its score a course wholly outside the learner's trade keeps. */
export const OFF_TRADE_FLOOR = 0.1;
/** Share of its score a course that teaches the learner nothing new keeps. */
export const KNOWN_FLOOR = 0.25;
/** Weight in every trade of the categories every trade draws on. */
export const SHARED_CATEGORY_WEIGHT = 0.8;
/** Share of its score a course keeps when it is too basic for the learner (see `tooBasicFor`). */
export const TOO_BASIC_FIT = 0.5;

/** How much a skill belongs to the learner's trade, 0–1. */
export type Trade = (skillId: string) => number;

export interface TradeFit {
  /** 0–1 share of the course's skills in the learner's trade (each by its trade weight). */
  readonly inTrade: number;
  /** 0–1 share of the course's skills taught above the learner's level in them. */
  readonly isNew: number;
  /** At least half of what it teaches sits in trades where the learner states a higher level than the course's. */
  readonly tooBasic: boolean;
  /** What the course's score is multiplied by: `(OFF_TRADE_FLOOR + … × inTrade) × (KNOWN_FLOOR + … × isNew)`, × `TOO_BASIC_FIT` when too basic. */
  readonly factor: number;
}


/** The learner's trade from the skills given (held, wished for): each skill's weight by its category (see above). */
export function tradeOf(own: Iterable<string>, taxonomy: Pick<MatchTaxonomy, 'getSkill'>): Trade {
  const given = new Set(own);
  const counts = new Map<string, number>();
  for (const id of given) {
    const category = tradeCategory(taxonomy, id);
    if (category !== undefined) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const main = Math.max(1, ...counts.values());
  return (skillId) => {
    if (given.has(skillId)) return 1;
    const category = taxonomy.getSkill(skillId)?.category;
    if (category === undefined) return 0;
    return GENERIC_CATEGORIES.has(category) ? SHARED_CATEGORY_WEIGHT : (counts.get(category) ?? 0) / main;
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
export function tradeFit(taught: ReadonlyMap<string, Level>, trade: Trade, held: ReadonlyMap<string, number>, tooBasic: (taught: ReadonlyMap<string, Level>) => boolean = () => false): TradeFit {
  if (taught.size === 0) return { inTrade: 1, isNew: 1, tooBasic: false, factor: 1 };
  let isNew = 0;
  for (const [skillId, level] of taught) if ((held.get(skillId) ?? 0) < level) isNew += 1;
  const share = { inTrade: tradeShare([...taught.keys()], trade), isNew: isNew / taught.size };
  const below = tooBasic(taught);
  const factor = (OFF_TRADE_FLOOR + (1 - OFF_TRADE_FLOOR) * share.inTrade) * (KNOWN_FLOOR + (1 - KNOWN_FLOOR) * share.isNew) * (below ? TOO_BASIC_FIT : 1);
  return { ...share, tooBasic: below, factor };
}

/**
 * Whether a course is below the learner: at least half of the skills it teaches sit in categories
 * where the learner states a level above the course's (a 四级 carer and a 五级 care course, a 精通
 * machinist and a 零基础 CNC course). Only levels the person stated count: an unstated level says
 * nothing about how far along they are. The course's level is the highest it teaches at.
 */
export function tooBasicFor(held: ReadonlyArray<{ readonly skillId: string; readonly level: Level | null }>, taxonomy: Pick<MatchTaxonomy, 'getSkill'>): (taught: ReadonlyMap<string, Level>) => boolean {
  const stated = new Map<string, number>();
  for (const h of held) {
    const category = tradeCategory(taxonomy, h.skillId);
    if (h.level !== null && category !== undefined) stated.set(category, Math.max(stated.get(category) ?? 0, h.level));
  }
  return (taught) => {
    if (taught.size === 0 || stated.size === 0) return false;
    const level = Math.max(...taught.values());
    const below = [...taught.keys()].filter((id) => (stated.get(tradeCategory(taxonomy, id) ?? '') ?? 0) > level).length;
    return below * 2 >= taught.size;
  };
}
