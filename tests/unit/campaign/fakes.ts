/** An in-memory {@link CampaignStore} with the DynamoDB one's semantics (conditional results, summed progress). */
import type { Campaign, CampaignAssignment, CampaignCursor, CampaignResult, CampaignSnapshot, CampaignStatus, CampaignSummary } from '#shared/domain/campaign/types.js';
import { ConflictError } from '#shared/domain/errors.js';
import type { CampaignStore, StatusChange, WriteOutcome } from '#shared/ports/campaign-store.js';
import type { Page, PageRequest } from '#shared/ports/record-store.js';
import { regionContains } from '#shared/regions/regions.js';

export class MemoryCampaignStore implements CampaignStore {
  readonly campaigns = new Map<string, Campaign>();
  readonly results = new Map<string, Map<string, CampaignResult>>();
  readonly snapshots = new Map<string, CampaignSnapshot>();
  readonly pages = new Map<string, Set<number>>();

  async create(campaign: Campaign): Promise<void> {
    if (this.campaigns.has(campaign.id)) throw new ConflictError('exists');
    this.campaigns.set(campaign.id, campaign);
  }

  async get(id: string): Promise<Campaign | undefined> {
    const c = this.campaigns.get(id);
    if (!c) return undefined;
    const results = [...(this.results.get(id)?.values() ?? [])];
    const failed = results.filter((r) => r.error !== undefined).length;
    return { ...c, done: results.length - failed, failed, pagesDone: this.pages.get(id)?.size ?? 0 };
  }

  async listByRegion(region: string, page: PageRequest): Promise<Page<Campaign>> {
    const all = [...this.campaigns.values()].filter((c) => regionContains(region, c.region)).sort((a, b) => (`${b.createdAt}#${b.id}` < `${a.createdAt}#${a.id}` ? -1 : 1));
    const start = page.nextToken ? Number(page.nextToken) : 0;
    const items = await Promise.all(all.slice(start, start + page.limit).map(async (c) => (await this.get(c.id))!));
    return start + page.limit < all.length ? { items, nextToken: String(start + page.limit) } : { items };
  }

  async findUnfinished(owner: string, requestHash: string): Promise<Campaign | undefined> {
    const found = [...this.campaigns.values()].reverse().find((c) => c.owner === owner && c.requestHash === requestHash && (c.status === 'queued' || c.status === 'running'));
    return found && this.get(found.id);
  }

  async transition(id: string, from: readonly CampaignStatus[], to: CampaignStatus, change: StatusChange = {}, at = ''): Promise<boolean> {
    const c = this.campaigns.get(id);
    if (!c || !from.includes(c.status)) return false;
    this.campaigns.set(id, { ...c, ...change, status: to, updatedAt: at, version: c.version + 1 });
    return true;
  }

  async update(id: string, change: Pick<StatusChange, 'total' | 'pagesTotal'>): Promise<boolean> {
    const c = this.campaigns.get(id);
    if (!c || c.status !== 'running') return false;
    this.campaigns.set(id, { ...c, ...change });
    return true;
  }

  async saveSummary(id: string, summary: CampaignSummary, erasures: number): Promise<boolean> {
    const c = this.campaigns.get(id);
    if (!c || c.status !== 'completed' || (c.erasures ?? 0) !== erasures) return false;
    this.campaigns.set(id, { ...c, summary, summaryErasures: erasures });
    return true;
  }

  async saveSnapshot(id: string, snapshot: CampaignSnapshot): Promise<CampaignSnapshot> {
    if (!this.snapshots.has(id)) this.snapshots.set(id, snapshot);
    return this.snapshots.get(id)!;
  }

  async loadSnapshot(id: string): Promise<CampaignSnapshot | undefined> {
    return this.snapshots.get(id);
  }

  async writeResults(id: string, _page: number, results: readonly CampaignResult[]): Promise<WriteOutcome> {
    let map = this.results.get(id);
    if (!map) this.results.set(id, (map = new Map()));
    let written = 0;
    for (const r of results) {
      if (map.has(r.learner.id)) continue;
      map.set(r.learner.id, r);
      written++;
    }
    return { written, skipped: results.length - written, erased: 0 };
  }

  /** The fake has no deletions. */
  async sweepErasedPlaces(_id: string): Promise<void> {}

  async completePage(id: string, page: number, cursor?: CampaignCursor): Promise<boolean> {
    let set = this.pages.get(id);
    if (!set) this.pages.set(id, (set = new Set()));
    const c = this.campaigns.get(id)!;
    if (cursor) this.campaigns.set(id, { ...c, cursor });
    if (set.has(page)) return false;
    set.add(page);
    return true;
  }

  async listResults(id: string, page: PageRequest): Promise<Page<CampaignResult>> {
    const all = [...(this.results.get(id)?.values() ?? [])].sort((a, b) => (a.learner.id < b.learner.id ? -1 : 1));
    const start = page.nextToken ? Number(page.nextToken) : 0;
    const items = all.slice(start, start + page.limit);
    return start + page.limit < all.length ? { items, nextToken: String(start + page.limit) } : { items };
  }

  async *allResults(id: string): AsyncIterable<CampaignResult> {
    yield* (await this.listResults(id, { limit: Number.MAX_SAFE_INTEGER })).items;
  }

  sweptResults(id: string, _tally: { removed: number }): AsyncIterable<CampaignResult> {
    return this.allResults(id);
  }

  async setAssignments(id: string, assignments: ReadonlyArray<{ learnerId: string; assignment: CampaignAssignment | null }>): Promise<void> {
    const map = this.results.get(id)!;
    for (const { learnerId, assignment } of assignments) {
      const r = map.get(learnerId);
      if (!r) continue;
      const { assignment: _old, ...rest } = r;
      map.set(learnerId, assignment ? { ...rest, assignment } : rest);
    }
  }
}
