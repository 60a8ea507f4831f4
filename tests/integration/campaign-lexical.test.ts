import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.js';
import { DynamoCandidateIndex } from '../../shared/adapters/dynamodb/candidate-index.js';
import type { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import { DynamoShortageStore } from '../../shared/adapters/dynamodb/shortage-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import type { CampaignResult } from '../../shared/domain/campaign/types.js';
import type { Clock } from '../../shared/ports/clock.js';
import { CampaignInputSchema } from '../../shared/schemas/campaign.js';
import { regionContains } from '../../shared/regions/regions.js';
import { loadTaxonomy } from '../../shared/taxonomy/taxonomy.js';
import { newCampaign } from '../../shared/use-cases/campaign/manage.js';
import { makeCampaignRunner } from '../../shared/use-cases/campaign/runner.js';
import { makeMatchLearner } from '../../shared/use-cases/match.js';
import { colloquialMarket } from '../fixtures/colloquial-market.js';
import { seededCampaignTable } from './table.js';

/**
 * A campaign and `GET /learners/{id}/matches` give a pair the same score, words included, on the
 * real path: records written through the record store (skill index entries with their vectors),
 * the campaign run by the runner (snapshot, pages, results), the online match read through the
 * DynamoDB candidate index.
 */

const NOW = new Date('2026-06-01T00:00:00Z');
const clock: Clock = { now: () => NOW };
const taxonomy = loadTaxonomy();
const bureau: Caller = { sub: 'bj-bureau', role: 'bureau', region: '110000' };
const { careWords, demands, learners } = colloquialMarket(NOW);

let table: Awaited<ReturnType<typeof seededCampaignTable>>['table'];
let store: DynamoRecordStore;
let campaigns: DynamoCampaignStore;

beforeAll(async () => {
  ({ table, store, campaigns } = await seededCampaignTable({ learners, demands, courses: [] }, clock));
}, 120_000);
afterAll(() => table.drop());

describe('campaign matches against online matches on DynamoDB Local', { timeout: 90_000 }, () => {
  it('gives every learner of the region the online list restricted to the region’s demands, with the same scores and explanations', async () => {
    // Prepare
    const campaign = newCampaign(bureau, CampaignInputSchema.parse({ name: '北京市口语岗位专场', region: '110000', limitPerLearner: 10, threshold: 0 }), NOW);
    await campaigns.create(campaign);
    const runner = makeCampaignRunner({ campaigns, store, shortage: new DynamoShortageStore(table.client, table.tableName, clock), taxonomy, clock, pageSize: 4 });
    const online = makeMatchLearner({ store, candidates: new DynamoCandidateIndex(table.client, table.tableName), clock, taxonomy });

    // Act
    const done = await runner.drive(campaign.id);
    const results: CampaignResult[] = [];
    for await (const r of campaigns.allResults(campaign.id)) results.push(r);

    // Assess: a campaign matches against its region's demands; online reads every region.
    expect(done.status).toBe('completed');
    const inRegion = learners.filter((l) => regionContains('110000', l.region));
    expect(results.map((r) => r.learner.id).sort()).toEqual(inRegion.map((l) => l.id).sort());
    for (const r of results) {
      const live = (await online({ sub: `js-${r.learner.ref}`, role: 'jobseeker' }, r.learner.id, { limit: 10, lang: 'zh' })).items.filter((m) => regionContains('110000', m.region));
      expect(
        r.matches.map((m) => [m.id, m.score, m.explanation.summary]),
        r.learner.ref,
      ).toEqual(live.map((m) => [m.id, m.score, m.explanation.summary]));
    }
    // The posting whose needs are words only is matched, by the words of a summary.
    const carer = results.find((r) => r.learner.ref === 'carer');
    expect(carer?.matches.find((m) => m.id === careWords.id)?.score).toBeGreaterThan(0);
  });
});
