import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.js';
import { keys } from '../../shared/adapters/dynamodb/keys.js';
import type { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import { DynamoShortageStore } from '../../shared/adapters/dynamodb/shortage-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import type { LearnerComputer } from '../../shared/domain/campaign/compute.js';
import type { Campaign, CampaignResult } from '../../shared/domain/campaign/types.js';
import type { CampaignStore } from '../../shared/ports/campaign-store.js';
import type { Clock } from '../../shared/ports/clock.js';
import { CampaignInputSchema } from '../../shared/schemas/campaign.js';
import { loadTaxonomy } from '../../shared/taxonomy/taxonomy.js';
import { newCampaign } from '../../shared/use-cases/campaign/manage.js';
import { makeCampaignRunner, type CampaignRunnerDeps } from '../../shared/use-cases/campaign/runner.js';
import { campaignRecords } from '../fixtures/campaign-records.js';
import { seededCampaignTable } from './table.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const clock: Clock = { now: () => NOW };
const taxonomy = loadTaxonomy();
const bureau: Caller = { sub: 'yq-bureau', role: 'bureau', region: '110119' };

let table: Awaited<ReturnType<typeof seededCampaignTable>>['table'];
let store: DynamoRecordStore;
let campaigns: DynamoCampaignStore;
const data = campaignRecords({ learners: 220, demands: 50, courses: 12, now: NOW });
const yanqing = data.learners.filter((l) => l.region === '110119');

beforeAll(async () => {
  ({ table, store, campaigns } = await seededCampaignTable(data, clock));
}, 120_000);
afterAll(() => table.drop());

const runner = (overrides: Partial<CampaignRunnerDeps> = {}) =>
  makeCampaignRunner({ campaigns, store, shortage: new DynamoShortageStore(table.client, table.tableName, clock), taxonomy, clock, pageSize: 40, ...overrides });

async function newRun(input: Record<string, unknown> = {}): Promise<Campaign> {
  const campaign = newCampaign(bureau, CampaignInputSchema.parse({ name: '延庆区无人机与物流专场', region: '110119', ...input }), NOW);
  await campaigns.create(campaign);
  return campaign;
}

async function resultsOf(id: string): Promise<CampaignResult[]> {
  const out: CampaignResult[] = [];
  for await (const r of campaigns.allResults(id)) out.push(r);
  return out;
}

/** Learner ids with a result, and those stored more than once (impossible by key, checked anyway). */
function tally(results: readonly CampaignResult[]) {
  const seen = new Map<string, number>();
  for (const r of results) seen.set(r.learner.id, (seen.get(r.learner.id) ?? 0) + 1);
  return { ids: new Set(seen.keys()), twice: [...seen].filter(([, n]) => n > 1) };
}

describe('campaign runner on DynamoDB Local', { timeout: 90_000 }, () => {
  it('writes one result per learner of the region and progress equal to the results stored', async () => {
    // Prepare
    const { id } = await newRun();

    // Act
    const done = await runner().drive(id);

    // Assess
    const results = await resultsOf(id);
    const { ids, twice } = tally(results);
    expect(done.status).toBe('completed');
    expect(twice).toEqual([]);
    expect(ids).toEqual(new Set(yanqing.map((l) => l.id)));
    expect(done.total).toBe(yanqing.length);
    expect(done.done + done.failed).toBe(results.length);
    expect(done.failed).toBe(0);
    expect(done.summary?.learners).toBe(yanqing.length);
    expect(done.summary?.matched).toBeGreaterThan(0);
    expect(done.summary?.byGroup.reduce((s, g) => s + g.learners, 0)).toBe(yanqing.length);
    for (const r of results) {
      expect(r.learner.region).toBe('110119');
      expect(r.matches.length).toBeLessThanOrEqual(5);
      for (const m of r.matches) expect(m.score).toBeGreaterThanOrEqual(0.3);
    }
  });

  it('keeps only the target groups when groups are given', async () => {
    const { id } = await newRun({ groups: ['migrant_worker', 'graduate'] });

    const done = await runner().drive(id);

    const results = await resultsOf(id);
    expect(new Set(results.map((r) => r.learner.group))).toEqual(new Set(['migrant_worker', 'graduate']));
    expect(results).toHaveLength(yanqing.filter((l) => l.group === 'migrant_worker' || l.group === 'graduate').length);
    expect(done.summary?.byGroup.map((g) => g.group)).toEqual(['graduate', 'migrant_worker']);
  });

  it('counts a learner whose computation throws as failed and completes every other learner', async () => {
    // Prepare
    const victim = yanqing[17]!.id;
    const wrapCompute = (compute: LearnerComputer): LearnerComputer => (learner) => {
      if (learner.id === victim) throw new TypeError('boom');
      return compute(learner);
    };
    const { id } = await newRun({ limitPerLearner: 3 });

    // Act
    const done = await runner({ wrapCompute }).drive(id);

    // Assess
    const results = await resultsOf(id);
    expect(done.status).toBe('completed');
    expect(done.failed).toBe(1);
    expect(done.done).toBe(yanqing.length - 1);
    expect(results).toHaveLength(yanqing.length);
    const failed = results.filter((r) => r.error !== undefined);
    expect(failed.map((r) => r.learner.id)).toEqual([victim]);
    expect(failed[0]!.error).toBe('Computing this learner failed (TypeError).');
    expect(results.filter((r) => r.matches.length > 0).length).toBeGreaterThan(yanqing.length / 3);
  });

  it('resumes after a crash in the middle of a page with no learner missing and none twice', async () => {
    // Prepare: the first run writes half of its third page and dies.
    const { id } = await newRun({ threshold: 0.2 });
    let crashed = false;
    const crashing: CampaignStore = Object.assign(Object.create(campaigns) as CampaignStore, {
      writeResults: async (cid: string, page: number, results: readonly CampaignResult[]) => {
        if (page === 2 && !crashed) {
          crashed = true;
          await campaigns.writeResults(cid, page, results.slice(0, 15));
          throw new Error('killed');
        }
        return campaigns.writeResults(cid, page, results);
      },
    });
    await expect(runner({ campaigns: crashing }).drive(id)).rejects.toThrow('killed');
    const interrupted = (await campaigns.get(id))!;

    // Act
    const done = await runner().drive(id);

    // Assess
    expect(interrupted.status).toBe('running');
    expect(interrupted.done).toBe(2 * 40 + 15);
    expect(interrupted.cursor?.page).toBe(2);
    const results = await resultsOf(id);
    const { ids, twice } = tally(results);
    expect(done.status).toBe('completed');
    expect(twice).toEqual([]);
    expect(ids).toEqual(new Set(yanqing.map((l) => l.id)));
    expect(done.done + done.failed).toBe(yanqing.length);
    expect(done.total).toBe(yanqing.length);
  });

  it('stops at the next page once cancelled and keeps the results so far', async () => {
    // Prepare
    const { id } = await newRun({ limitPerLearner: 2 });

    // Act: cancel as soon as the first page is reported.
    const done = await runner().drive(id, {
      onProgress: (c) => {
        if (c.done > 0) void campaigns.transition(id, ['running'], 'cancelled');
      },
    });

    // Assess
    const after = (await campaigns.get(id))!;
    const results = await resultsOf(id);
    expect(after.status).toBe('cancelled');
    expect(done.status).toBe('cancelled');
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThan(yanqing.length);
    expect(after.done + after.failed).toBe(results.length);
    expect(after.summary).toBeUndefined();
  });

  it('assigns a roster that never over-fills a demand or a course and reports what stayed unfilled', async () => {
    // Prepare
    const { id } = await newRun({ assign: true, threshold: 0.3 });

    // Act
    const done = await runner().drive(id);

    // Assess
    const results = await resultsOf(id);
    const demands = new Map(data.demands.map((d) => [d.id, d]));
    const courses = new Map(data.courses.map((c) => [c.id, c]));
    const filled = new Map<string, number>();
    for (const r of results) if (r.assignment) filled.set(r.assignment.id, (filled.get(r.assignment.id) ?? 0) + 1);
    for (const [optionId, n] of filled) {
      const capacity = demands.get(optionId)?.headcount ?? courses.get(optionId)?.seats;
      expect(n, optionId).toBeLessThanOrEqual(capacity!);
    }
    for (const r of results.filter((x) => x.assignment?.kind === 'demand')) {
      expect(r.matches.map((m) => m.id)).toContain(r.assignment!.id);
    }
    const summary = done.summary!;
    expect(summary.assigned).toBe(results.filter((r) => r.assignment).length);
    expect(summary.assignedToJobs).toBeGreaterThan(0);
    expect(summary.assignedToCourses).toBeGreaterThan(0);
    const jobPlaces = [...demands.values()].filter((d) => d.region === '110119').reduce((s, d) => s + d.headcount, 0);
    expect(summary.placesOffered).toBe(jobPlaces);
    expect(summary.unfilled.places).toBe(jobPlaces - summary.assignedToJobs);
    for (const u of summary.unfilled.items) expect(['no-candidate', 'candidates-went-elsewhere', 'too-few-candidates']).toContain(u.reason);
    for (const c of summary.courses) if (c.seats !== null) expect(c.assignedSeats).toBeLessThanOrEqual(c.seats);
  });

  it('deletes a learner’s campaign results and roster place with the learner', async () => {
    // Prepare
    const { id } = await newRun({ limitPerLearner: 1, assign: true });
    await runner().drive(id);
    const placed = (await resultsOf(id)).find((r) => r.assignment !== undefined)!;
    const learner = yanqing.find((l) => l.id === placed.learner.id)!;
    const before = (await resultsOf(id)).filter((r) => r.learner.id === learner.id);

    // Act
    await store.remove((await store.get('learner', learner.id))!);

    // Assess
    const after = (await resultsOf(id)).filter((r) => r.learner.id === learner.id);
    const index = await table.client.send(
      new QueryCommand({ TableName: table.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.campaignResultByLearnerPartition(learner.id) } }),
    );
    expect(before).toHaveLength(1);
    expect(after).toEqual([]);
    expect(index.Items).toEqual([]);
  });
});
