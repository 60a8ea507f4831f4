import type { FunnelReport } from '../../domain/funnel.js';
import { randomBytes } from 'node:crypto';
import { bureauRegion, bureauServes } from '../../domain/access.js';
import type { Caller } from '../../domain/caller.js';
import { requestHash, requestOf } from '../../domain/campaign/request.js';
import { TERMINAL_STATUSES, type Campaign, type CampaignProgress, type CampaignResult, type CampaignStatus, type CampaignSummary, type ResultSkill } from '../../domain/campaign/types.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.js';
import type { CampaignDispatcher } from '../../ports/campaign-dispatcher.js';
import type { CampaignStore } from '../../ports/campaign-store.js';
import type { Clock } from '../../ports/clock.js';
import type { Page, PageRequest } from '../../ports/record-store.js';
import type { CampaignInput } from '../../schemas/campaign.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';

/**
 * Creating, reading, cancelling a bureau campaign and reading its results. Bureau staff only:
 * a bureau creates campaigns for its own region (or inside it), and sees the campaigns it created
 * and those of its region; anyone else gets 404, as for records.
 */

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new campaign id: `cp_` and 20 random base-32 characters. */
export function newCampaignId(): string {
  const bytes = randomBytes(20);
  let out = 'cp_';
  for (const b of bytes) out += BASE32[b & 31];
  return out;
}

const CAMPAIGN_ID = /^cp_[a-z2-7]{20}$/;

/** A campaign's status as the API shows it (`{ id, status, progress }`), plus what a person reading it needs. */
export interface CampaignView {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly status: CampaignStatus;
  readonly progress: CampaignProgress;
  readonly request: Campaign['request'];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly error?: string;
  readonly summary?: CampaignSummary;
  readonly placements?: FunnelReport;
}

/** The status a caller sees: progress as learners, the total once counted; `placements` (its funnel, see campaignFunnel) once completed. */
export function campaignView(c: Campaign, placements?: FunnelReport): CampaignView {
  return {
    id: c.id,
    name: c.name,
    region: c.region,
    status: c.status,
    progress: { done: c.done, total: c.total ?? 0, failed: c.failed },
    request: c.request,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(c.startedAt ? { startedAt: c.startedAt } : {}),
    ...(c.finishedAt ? { finishedAt: c.finishedAt } : {}),
    ...(c.error ? { error: c.error } : {}),
    ...(c.summary ? { summary: c.summary } : {}),
    ...(c.summary && placements ? { placements } : {}),
  };
}

/** Whether the caller may see a campaign: its creator, or a bureau serving its region. */
const maySeeCampaign = (caller: Caller, c: Campaign) => c.owner === caller.sub || bureauServes(caller, c.region);

/** Throws unless the caller is bureau staff serving the region. */
export function assertMayRunCampaign(caller: Caller, region: string): void {
  if (caller.role !== 'bureau') throw new ForbiddenError('Only bureau staff may run campaigns.');
  if (!bureauServes(caller, region)) throw new ForbiddenError(`This bureau account serves ${caller.region ?? 'no region'} and may not run campaigns for region ${region}.`);
}

/** A new queued campaign for the input, by the caller. */
export function newCampaign(caller: Caller, input: CampaignInput, now: Date, id = newCampaignId()): Campaign {
  const request = requestOf(input);
  const at = now.toISOString();
  return {
    id,
    name: input.name,
    region: input.region,
    owner: caller.sub,
    request,
    requestHash: requestHash(request),
    status: 'queued',
    done: 0,
    failed: 0,
    pagesDone: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

export interface ManageDeps {
  readonly campaigns: CampaignStore;
  readonly clock: Clock;
}

/** Reads a campaign the caller may see; anything else is "not found". */
export function makeGetCampaign({ campaigns }: Pick<ManageDeps, 'campaigns'>) {
  return async (caller: Caller, id: string): Promise<Campaign> => {
    const campaign = CAMPAIGN_ID.test(id) ? await campaigns.get(id) : undefined;
    if (!campaign || !maySeeCampaign(caller, campaign)) throw new NotFoundError(`No campaign ${id}.`);
    return campaign;
  };
}

/**
 * The campaigns of the caller's region and of every region inside it, newest first. `region`
 * narrows the list to a region the bureau serves; outside it the answer is 403, as for records.
 */
export function makeListCampaigns({ campaigns }: Pick<ManageDeps, 'campaigns'>) {
  return async (caller: Caller, query: PageRequest & { readonly region?: string | undefined }): Promise<Page<Campaign>> => {
    if (caller.role !== 'bureau') throw new ForbiddenError('Only bureau staff may list campaigns.');
    return campaigns.listByRegion(bureauRegion(caller, query.region), { limit: query.limit, nextToken: query.nextToken });
  };
}

/** Creates a campaign and schedules its run; answers its (queued) status. */
export function makeCreateCampaign(deps: ManageDeps & { readonly dispatcher: CampaignDispatcher }) {
  return async (caller: Caller, input: CampaignInput): Promise<CampaignView> => {
    assertMayRunCampaign(caller, input.region);
    const campaign = newCampaign(caller, input, deps.clock.now());
    await deps.campaigns.create(campaign);
    await deps.dispatcher.start(campaign.id);
    return campaignView((await deps.campaigns.get(campaign.id)) ?? campaign);
  };
}

/**
 * Cancels a queued or running campaign: workers stop at their next page; the results so far
 * stay readable. A finished campaign cannot be cancelled (409).
 */
export function makeCancelCampaign(deps: ManageDeps) {
  const get = makeGetCampaign(deps);
  return async (caller: Caller, id: string): Promise<CampaignView> => {
    const campaign = await get(caller, id);
    assertMayRunCampaign(caller, campaign.region);
    const now = deps.clock.now().toISOString();
    if (!(await deps.campaigns.transition(id, ['queued', 'running'], 'cancelled', { finishedAt: now }, now))) {
      const current = await get(caller, id);
      if (TERMINAL_STATUSES.has(current.status)) throw new ConflictError(`Campaign ${id} is already ${current.status}.`);
      throw new ConflictError(`Campaign ${id} changed while it was being cancelled; try again.`);
    }
    return campaignView(await get(caller, id));
  };
}

/** A result as the API answers it: skills named with their labels, the page number left out. */
export type ResultView = Omit<CampaignResult, 'page'>;

/** Adds taxonomy labels to the skills a result names (stored as ids to keep items small). */
export function resultView(r: CampaignResult, taxonomy: Pick<Taxonomy, 'getSkill'>): ResultView {
  const labelled = (s: ResultSkill): ResultSkill => {
    const skill = taxonomy.getSkill(s.skillId);
    return skill ? { skillId: s.skillId, label: { zh: skill.zh, en: skill.en } } : s;
  };
  const { page: _page, ...rest } = r;
  return {
    ...rest,
    matches: r.matches.map((m) => ({ ...m, explanation: { ...m.explanation, partial: m.explanation.partial.map(labelled), missing: m.explanation.missing.map(labelled) } })),
  };
}

export interface ResultsPage {
  readonly campaign: Campaign;
  readonly items: readonly CampaignResult[];
  readonly nextToken?: string;
}

/** A page of a campaign's results (readable while it runs; the summary comes on completion). */
export function makeCampaignResults(deps: Pick<ManageDeps, 'campaigns'>) {
  const get = makeGetCampaign(deps);
  return async (caller: Caller, id: string, page: { limit: number; nextToken?: string | undefined }): Promise<ResultsPage> => {
    const campaign = await get(caller, id);
    const found = await deps.campaigns.listResults(id, page);
    return { campaign, items: found.items, ...(found.nextToken ? { nextToken: found.nextToken } : {}) };
  };
}
