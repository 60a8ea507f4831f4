import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Campaign, CampaignAssignment, CampaignCursor, CampaignResult, CampaignSnapshot, CampaignStatus, CampaignSummary } from '../../domain/campaign/types.js';
import type { CampaignStore, NewResult, StatusChange, WriteOutcome } from '../../ports/campaign-store.js';
import type { Page, PageRequest } from '../../ports/record-store.js';
import { createCampaign, findUnfinished, getCampaign, listCampaigns, saveSummary, transition, updateCampaign } from './campaign/campaigns.js';
import type { CampaignTable } from './campaign/items.js';
import { completePage } from './campaign/progress.js';
import { listResults, removeLearnerResults, setAssignments, sweepErasedPlaces, writeResults } from './campaign/results.js';
import { loadSnapshot, saveSnapshot } from './campaign/snapshots.js';

export { PROGRESS_SHARDS, RESULTS_PER_TRANSACTION, TOMBSTONE_DAYS } from './campaign/items.js';
export { erasedLearners } from './campaign/results.js';

/**
 * DynamoDB implementation of {@link CampaignStore} on the single table (docs/campaigns.md lists
 * the items). Each kind of item has its module under campaign/: the campaign item and its list
 * entries (campaigns.ts), progress shards, page markers and cursor (progress.ts), the snapshot
 * (snapshots.ts), results and roster places (results.ts).
 */
export class DynamoCampaignStore implements CampaignStore {
  private readonly table: CampaignTable;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.table = { client, tableName };
  }

  create(campaign: Campaign): Promise<void> {
    return createCampaign(this.table, campaign);
  }

  get(id: string): Promise<Campaign | undefined> {
    return getCampaign(this.table, id);
  }

  listByRegion(region: string, page: PageRequest): Promise<Page<Campaign>> {
    return listCampaigns(this.table, region, page);
  }

  findUnfinished(owner: string, requestHash: string): Promise<Campaign | undefined> {
    return findUnfinished(this.table, owner, requestHash);
  }

  transition(id: string, from: readonly CampaignStatus[], to: CampaignStatus, change: StatusChange = {}, at = new Date().toISOString()): Promise<boolean> {
    return transition(this.table, id, from, to, change, at);
  }

  update(id: string, change: Pick<StatusChange, 'total' | 'pagesTotal'>): Promise<boolean> {
    return updateCampaign(this.table, id, change);
  }

  saveSummary(id: string, summary: CampaignSummary, erasures: number): Promise<boolean> {
    return saveSummary(this.table, id, summary, erasures);
  }

  saveSnapshot(id: string, snapshot: CampaignSnapshot): Promise<CampaignSnapshot> {
    return saveSnapshot(this.table, id, snapshot);
  }

  loadSnapshot(id: string): Promise<CampaignSnapshot | undefined> {
    return loadSnapshot(this.table, id);
  }

  writeResults(id: string, page: number, results: readonly NewResult[]): Promise<WriteOutcome> {
    return writeResults(this.table, id, page, results);
  }

  completePage(id: string, page: number, cursor?: CampaignCursor): Promise<boolean> {
    return completePage(this.table, id, page, cursor);
  }

  listResults(id: string, page: PageRequest): Promise<Page<CampaignResult>> {
    return listResults(this.table, id, page);
  }

  allResults(id: string): AsyncIterable<CampaignResult> {
    return this.everyResult(id, {});
  }

  sweptResults(id: string, tally: { removed: number }): AsyncIterable<CampaignResult> {
    return this.everyResult(id, { sweep: tally });
  }

  private async *everyResult(id: string, options: { readonly sweep?: { removed: number } }): AsyncIterable<CampaignResult> {
    let nextToken: string | undefined;
    do {
      const page = await listResults(this.table, id, { limit: 1000, nextToken }, options);
      yield* page.items;
      nextToken = page.nextToken;
    } while (nextToken);
  }

  setAssignments(id: string, assignments: ReadonlyArray<{ readonly learnerId: string; readonly assignment: CampaignAssignment | null }>): Promise<void> {
    return setAssignments(this.table, id, assignments);
  }

  sweepErasedPlaces(id: string): Promise<void> {
    return sweepErasedPlaces(this.table, id);
  }
}

/**
 * Deletes every campaign result and roster place of a learner, for the learner-deletion path
 * (see campaign/results.ts).
 * @returns the campaigns it removed a result from
 */
export function removeLearnerCampaignResults(client: DynamoDBDocumentClient, tableName: string, learnerId: string): Promise<string[]> {
  return removeLearnerResults({ client, tableName }, learnerId);
}
