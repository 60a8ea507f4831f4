import type { EngagementKind, EngagementStatus } from './engagement.js';
import { LEARNER_GROUPS, type LearnerGroup } from './vocabulary.js';

/**
 * The placements funnel (docs/placements.md): matched → applied / invited → accepted → hired, by
 * target group. Counters are kept per region and China day as the state changes happen, so a
 * report for a date range sums a few small items and never reads engagements. Pure: no storage.
 */

export const FUNNEL_STAGES = ['matched', 'applied', 'invited', 'accepted', 'hired'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Stages an engagement reaches (matched comes from campaigns). */
export type EngagementStage = Exclude<FunnelStage, 'matched'>;

/** The attribute that totals a stage over every group. */
export const ALL_GROUPS = 'all';

/** The counters of one stage set: how many reached each stage. */
export type StageCounts = Record<FunnelStage, number>;

export const emptyCounts = (): StageCounts => ({ matched: 0, applied: 0, invited: 0, accepted: 0, hired: 0 });

/**
 * The funnel stage an engagement reaches by moving to `to`, if any: creating an application
 * (`sent`) is "applied", creating an invitation "invited"; `accepted` and `hired` are themselves.
 * `viewed`, `declined` and `withdrawn` are no stage.
 */
export function stageOf(kind: EngagementKind, to: EngagementStatus): EngagementStage | undefined {
  if (to === 'sent') return kind === 'application' ? 'applied' : 'invited';
  if (to === 'accepted' || to === 'hired') return to;
  return undefined;
}

/**
 * Whether moving to `to` counts: only the first time an engagement reaches a status (its
 * `timestamps` already naming it means it was counted then), so an application withdrawn and
 * sent again, or accepted twice over a withdrawal, counts once.
 */
export const countsOnce = (timestamps: Partial<Record<EngagementStatus, string>>, to: EngagementStatus): boolean => timestamps[to] === undefined;

/** One counted step: a learner of these groups, living in this region, reached a stage on a day. */
export interface FunnelStep {
  readonly stage: EngagementStage;
  readonly learnerId: string;
  /** The learner's region when the engagement was made: the funnel of that region and those containing it count it. */
  readonly region: string;
  readonly groups: readonly LearnerGroup[];
  /** China day, `YYYY-MM-DD`. */
  readonly day: string;
}

/** `YYYY-MM-DD` in China Standard Time (UTC+8, no daylight saving). */
export const chinaDay = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The attribute a counter lives in: `<stage>#<group>` or `<stage>#all`. */
export const counterName = (stage: FunnelStage, group: LearnerGroup | typeof ALL_GROUPS): string => `${stage}#${group}`;

/** Counter increments of one step: each of the learner's groups, and the total once. */
export function increments(stage: FunnelStage, groups: readonly LearnerGroup[], by = 1): Record<string, number> {
  const out: Record<string, number> = { [counterName(stage, ALL_GROUPS)]: by };
  for (const g of new Set(groups)) out[counterName(stage, g)] = (out[counterName(stage, g)] ?? 0) + by;
  return out;
}

/** A funnel as reports show it: the total and one row per group that has any count. */
export interface FunnelReport {
  readonly total: StageCounts;
  readonly byGroup: ReadonlyArray<{ readonly group: LearnerGroup } & StageCounts>;
}

/**
 * Sums counter items (any number of days) into a report. A learner in several groups counts in
 * each group's row, so the rows may add up to more than the total.
 */
export function sumCounters(items: Iterable<Readonly<Record<string, unknown>>>): FunnelReport {
  const total = emptyCounts();
  const groups = new Map<LearnerGroup, StageCounts>();
  for (const item of items) {
    for (const stage of FUNNEL_STAGES) {
      const all = item[counterName(stage, ALL_GROUPS)];
      if (typeof all === 'number') total[stage] += all;
      for (const g of LEARNER_GROUPS) {
        const n = item[counterName(stage, g)];
        if (typeof n !== 'number' || n === 0) continue;
        const row = groups.get(g) ?? emptyCounts();
        row[stage] += n;
        groups.set(g, row);
      }
    }
  }
  const byGroup = LEARNER_GROUPS.flatMap((group) => {
    const row = groups.get(group);
    return row ? [{ group, ...row }] : [];
  });
  return { total, byGroup };
}

/** Longest date range a report may cover, in days. */
export const MAX_RANGE_DAYS = 366;

/** Days from `from` to `to` inclusive (both `YYYY-MM-DD`). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The day `n` days before `day`. */
export const dayMinus = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * A campaign's funnel: `matched` from its summary (learners matched, per group), the later
 * stages from the campaign's counters (how many of those learners went on to reach each).
 */
export function campaignFunnel(summary: { readonly matched: number; readonly byGroup: ReadonlyArray<{ readonly group: LearnerGroup; readonly matched: number }> }, counters: FunnelReport): FunnelReport {
  const rows = new Map<LearnerGroup, StageCounts>(counters.byGroup.map(({ group, ...c }) => [group, { ...c }]));
  for (const g of summary.byGroup) {
    if (g.matched === 0) continue;
    const row = rows.get(g.group) ?? emptyCounts();
    row.matched = g.matched;
    rows.set(g.group, row);
  }
  return {
    total: { ...counters.total, matched: summary.matched },
    byGroup: LEARNER_GROUPS.flatMap((group) => {
      const row = rows.get(group);
      return row ? [{ group, ...row }] : [];
    }),
  };
}
