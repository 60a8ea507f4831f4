import { get, qs } from './client.js';

/** The stages of the placements funnel, in order. */
export const FUNNEL_STAGES = ['matched', 'applied', 'invited', 'accepted', 'hired'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export type StageCounts = Readonly<Record<FunnelStage, number>>;

/** A funnel: the total and one row per target group with any count (docs/placements.md). */
export interface Funnel {
  readonly total: StageCounts;
  readonly byGroup: ReadonlyArray<StageCounts & { readonly group: string }>;
}

/** GET /insights/placements: a region's funnel for a range of China days. */
export interface Placements extends Funnel {
  readonly region: string;
  readonly from: string;
  readonly to: string;
}

export const fetchPlacements = (region: string | undefined, from: string | undefined, to: string | undefined, signal?: AbortSignal) =>
  get<Placements>(`/insights/placements${qs({ region, from, to })}`, signal ? { signal } : {}).then((r) => r.data);
