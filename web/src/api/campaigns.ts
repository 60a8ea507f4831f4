import { get, post, qs, seg } from './client.js';
import type { Funnel } from './placements.js';
import type { RankedItem } from './ranked.js';

/** A campaign's status (docs/api.md). */
export interface CampaignStatus {
  readonly id: string;
  readonly status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  readonly progress: { readonly done: number; readonly total: number; readonly failed: number };
  readonly name?: string;
  readonly region?: string;
  readonly createdAt?: string;
  /** The report, once completed. */
  readonly summary?: unknown;
  /** Once completed: what the learners it matched did next (docs/placements.md). */
  readonly placements?: Funnel;
  readonly [key: string]: unknown;
}

export interface CampaignResultItem {
  readonly learner: { readonly id: string; readonly ref: string; readonly [key: string]: unknown };
  readonly matches?: readonly RankedItem[];
  readonly recommendations?: readonly Record<string, unknown>[];
  readonly assignment?: unknown;
}

export interface CampaignResults {
  readonly items: readonly CampaignResultItem[];
  readonly summary?: unknown;
  readonly nextToken?: string;
}

export const TERMINAL: ReadonlySet<CampaignStatus['status']> = new Set(['completed', 'failed', 'cancelled']);

export const createCampaign = (body: unknown) => post<CampaignStatus>('/campaigns', body).then((r) => r.data);
export const campaignStatus = (id: string, signal?: AbortSignal) => get<CampaignStatus>(`/campaigns/${seg(id)}`, signal ? { signal } : {}).then((r) => r.data);
export const campaignResults = (id: string, signal?: AbortSignal) =>
  get<CampaignResults>(`/campaigns/${seg(id)}/results${qs({ format: 'json' })}`, signal ? { signal } : {}).then((r) => r.data);
export const campaignCsv = (id: string) => get<string>(`/campaigns/${seg(id)}/results${qs({ format: 'csv' })}`, { text: true, headers: { accept: 'text/csv' } }).then((r) => r.data);

/** `GET /campaigns`: a page of the bureau region's campaigns, newest first. */
export interface CampaignPage {
  readonly items: readonly CampaignStatus[];
  readonly nextToken?: string;
}

export const listCampaigns = (nextToken: string | undefined, signal?: AbortSignal) =>
  get<CampaignPage>(`/campaigns${qs({ limit: 10, nextToken })}`, signal ? { signal } : {}).then((r) => r.data);

export interface GroupRate {
  readonly group: string;
  readonly learners: number;
  readonly matched: number;
  readonly rate: number;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Match rate per target group from a results summary. The contract names `summary` but not its
 * fields, so the common shapes are read: `byGroup` as an object or a list, with learners/total and
 * matched, or a rate.
 */
export function groupRates(summary: unknown): GroupRate[] {
  const s = summary && typeof summary === 'object' ? (summary as Record<string, unknown>) : {};
  const raw = s.byGroup ?? s.groups ?? s.perGroup;
  const rows: Array<[string, Record<string, unknown>]> = Array.isArray(raw)
    ? raw.flatMap((r) => (r && typeof r === 'object' && typeof (r as { group?: unknown }).group === 'string' ? [[(r as { group: string }).group, r as Record<string, unknown>]] : []))
    : raw && typeof raw === 'object'
      ? Object.entries(raw as Record<string, unknown>).flatMap(([g, v]) => (v && typeof v === 'object' ? [[g, v as Record<string, unknown>]] : []))
      : [];
  return rows.flatMap(([group, r]) => {
    const learners = num(r.learners) ?? num(r.total) ?? num(r.count) ?? 0;
    const matched = num(r.matched) ?? num(r.withMatches) ?? 0;
    const rate = num(r.matchRate) ?? num(r.rate) ?? (learners > 0 ? matched / learners : undefined);
    return rate === undefined ? [] : [{ group, learners, matched, rate }];
  });
}
