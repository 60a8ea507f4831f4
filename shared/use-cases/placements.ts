import { bureauServes } from '../domain/access.js';
import type { Caller } from '../domain/caller.js';
import { ForbiddenError } from '../domain/errors.js';
import { chinaDay, dayMinus, FUNNEL_STAGES, type FunnelReport, type FunnelStage } from '../domain/funnel.js';
import type { Clock } from '../ports/clock.js';
import type { FunnelStore } from '../ports/funnel.js';

/** Days a report covers when `from` is not given. */
export const DEFAULT_RANGE_DAYS = 30;

export interface Placements extends FunnelReport {
  readonly region: string;
  readonly from: string;
  readonly to: string;
  readonly stages: readonly FunnelStage[];
}

/**
 * A region's placements funnel for a range of China days: bureau staff of the region (or of a
 * region containing it; `national` for all). Sums the region's daily counters; reads no engagement.
 */
export function makeGetPlacements(deps: { readonly funnel: Pick<FunnelStore, 'region'>; readonly clock: Clock }) {
  return async (caller: Caller, query: { region?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<Placements> => {
    if (caller.role !== 'bureau') throw new ForbiddenError('Only bureau staff read placements.');
    const region = query.region ?? caller.region;
    if (region === undefined || !bureauServes(caller, region)) throw new ForbiddenError(`This bureau account serves ${caller.region ?? 'no region'}, not ${region ?? 'an unknown region'}.`);
    const to = query.to ?? chinaDay(deps.clock.now());
    const from = query.from ?? dayMinus(to, DEFAULT_RANGE_DAYS - 1);
    const report = await deps.funnel.region(region, from, to);
    return { region, from, to, stages: FUNNEL_STAGES, ...report };
  };
}
