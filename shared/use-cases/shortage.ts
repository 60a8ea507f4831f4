import { bureauRegion } from '../domain/access.js';
import type { Caller } from '../domain/caller.js';
import { ForbiddenError } from '../domain/errors.js';
import { round } from '../domain/numbers.js';
import type { AnyRecord } from '../domain/records.js';
import { rankShortage, shortageDelta, shortageDetail, type ShortageLevel } from '../domain/shortage.js';
import type { Clock } from '../ports/clock.js';
import type { ShortageApplyResult, ShortageCounterReader, ShortageWriter } from '../ports/shortage.js';
import type { ShortageQuery } from '../schemas/queries.js';
import type { Label, Taxonomy } from '../taxonomy/taxonomy.js';

/**
 * Applies one stream record's change of a demand or learner to the counters, exactly once per
 * event id. The delta depends on the two images alone (never on the clock), so every delivery of
 * a record computes the same one.
 */
export function makeApplyShortageChange({ shortage }: { shortage: ShortageWriter }) {
  return (eventId: string, before: AnyRecord | undefined, after: AnyRecord | undefined): Promise<ShortageApplyResult> =>
    shortage.applyOnce(eventId, shortageDelta(before, after));
}

/** One skill of the shortage ranking, as the API answers it. */
export interface ShortageItem {
  readonly skillId: string;
  readonly label: Label;
  /** Weighted headcount of open demands needing the skill. */
  readonly demand: number;
  /** Learners holding it at the level the demand needs. */
  readonly supply: number;
  /** Smoothed (demand + 2) / (supply + 2): above 1 short, below 1 surplus. */
  readonly index: number;
  /** Demand and qualified supply per needed level, only levels with demand. */
  readonly levels: readonly ShortageLevel[];
}

/** The answer of GET /insights/shortage: the region, and its skills by shortage index, highest first. */
export interface ShortageRanking {
  readonly region: string;
  readonly items: ShortageItem[];
}


/** The region a caller may see the ranking of: employers any (national by default), bureau staff only theirs. */
function regionFor(caller: Caller, asked: string | undefined): string {
  if (caller.role === 'employer') return asked ?? 'national';
  if (caller.role === 'bureau') return bureauRegion(caller, asked);
  throw new ForbiddenError('Shortage insights are for employers and bureau staff.');
}

/** Skills of a region ranked by shortage index, labelled from the taxonomy. */
export function makeShortageRanking({ shortage, clock, taxonomy }: { shortage: ShortageCounterReader; clock: Clock; taxonomy: Pick<Taxonomy, 'getSkill'> }) {
  return async (caller: Caller, query: ShortageQuery): Promise<ShortageRanking> => {
    const region = regionFor(caller, query.region);
    const now = clock.now();
    const details = (await shortage.countersForRegion(region)).map((c) => shortageDetail(c, now)).filter((d) => d.demand > 0 || d.supply > 0);
    const items = rankShortage(details)
      .slice(0, query.limit)
      .map((d) => {
        const skill = taxonomy.getSkill(d.skillId);
        return {
          skillId: d.skillId,
          label: { zh: skill?.zh ?? d.skillId, en: skill?.en ?? d.skillId },
          demand: d.demand,
          supply: round(d.supply, 2),
          index: round(d.index, 3),
          levels: d.levels.filter((l) => l.demand > 0),
        };
      });
    return { region, items };
  };
}
