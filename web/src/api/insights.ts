import { get, qs } from './client.js';
import type { Label } from './skills.js';

/** GET /insights/shortage?region= : skills ranked by shortage index. */
export interface ShortageItem {
  readonly skillId: string;
  readonly label: Label;
  /** Weighted headcount of open demands needing the skill. */
  readonly demand: number;
  /** Learners holding it at the level needed. */
  readonly supply: number;
  /** Above 1 short, below 1 surplus. */
  readonly index: number;
}

export interface ShortageRanking {
  readonly region: string;
  readonly items: readonly ShortageItem[];
}

export const fetchShortage = (region: string | undefined, limit: number, signal?: AbortSignal) =>
  get<ShortageRanking>(`/insights/shortage${qs({ region, limit })}`, signal ? { signal } : {}).then((r) => r.data);
