import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/keys.js';
import type { DynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.js';
import type { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import { DynamoShortageStore } from '../../shared/adapters/dynamodb/shortage-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import type { CampaignResult } from '../../shared/domain/campaign/types.js';
import type { CampaignStore } from '../../shared/ports/campaign-store.js';
import type { Clock } from '../../shared/ports/clock.js';
import { CampaignInputSchema } from '../../shared/schemas/campaign.js';
import { loadTaxonomy } from '../../shared/taxonomy/taxonomy.js';
import { newCampaign } from '../../shared/use-cases/campaign/manage.js';
import { makeCampaignRunner } from '../../shared/use-cases/campaign/runner.js';
import { makeDeleteRecord } from '../../shared/use-cases/records.js';
import { campaignRecords } from '../fixtures/campaign-records.js';
import { scanAll } from './reliability-kit.js';
import { seededCampaignTable } from './table.js';

/**
 * Erasure under a running campaign (issue 17, item 1): learners deleted while a campaign runs
 * must leave no result, be served by no results page, and be counted by neither the progress
 * nor the summary. The worst case is forced, not hoped for: a third of every page's learners are
 * deleted after the page was computed and before its results are written; meanwhile other
 * learners are deleted concurrently with the run.
 */

const NOW = new Date('2026-06-01T00:00:00Z');
const clock: Clock = { now: () => NOW };
const bureau: Caller = { sub: 'yq-bureau', role: 'bureau', region: '110119' };

let table: Awaited<ReturnType<typeof seededCampaignTable>>['table'];
let store: DynamoRecordStore;
let campaigns: DynamoCampaignStore;
const data = campaignRecords({ learners: 240, demands: 40, courses: 10, now: NOW, seed: 17 });
const yanqing = data.learners.filter((l) => l.region === '110119');

beforeAll(async () => {
  ({ table, store, campaigns } = await seededCampaignTable(data, clock));
}, 120_000);
afterAll(() => table.drop());

describe('erasure while a campaign runs (DynamoDB Local)', { timeout: 120_000 }, () => {
  it('leaves no result of a deleted learner, serves none, and counts none', async () => {
    // Prepare
    const campaign = newCampaign(bureau, CampaignInputSchema.parse({ name: '删除竞态', region: '110119', assign: true }), NOW);
    await campaigns.create(campaign);
    const erase = makeDeleteRecord('learner', { store, clock });
    const deleted = new Set<string>();
    const served: string[] = [];
    const servedDuringRun = async () => {
      for (const r of (await campaigns.listResults(campaign.id, { limit: 1000 })).items) if (deleted.has(r.learner.id)) served.push(r.learner.id);
    };
    // Every third learner of a computed page is deleted just before the page's results are written.
    const racing: CampaignStore = Object.assign(Object.create(campaigns) as CampaignStore, {
      writeResults: async (cid: string, page: number, results: readonly CampaignResult[]) => {
        for (const r of results.filter((_, i) => i % 3 === 0)) {
          await erase(bureau, r.learner.id).catch((err: Error) => {
            // The concurrent deleter below may have got there first, or be deleting it in the
            // same instant (then one of the two deletions loses its condition: a conflict).
            if (err.name !== 'NotFoundError' && err.name !== 'ConflictError') throw err;
          });
          deleted.add(r.learner.id);
        }
        const outcome = await campaigns.writeResults(cid, page, results);
        await servedDuringRun();
        return outcome;
      },
    });
    const runner = makeCampaignRunner({ campaigns: racing, store, shortage: new DynamoShortageStore(table.client, table.tableName, clock), taxonomy: loadTaxonomy(), clock, pageSize: 30 });
    // And, at the same time as the run, every seventh learner (from the end) is deleted.
    const concurrent = async () => {
      for (const l of [...yanqing].reverse().filter((_, i) => i % 7 === 0)) {
        await erase(bureau, l.id).catch((err: Error) => {
          // The page deleter may have got there first, or be deleting it in the same instant.
          if (err.name !== 'NotFoundError' && err.name !== 'ConflictError') throw err;
        });
        deleted.add(l.id);
      }
    };

    // Act
    const [done] = await Promise.all([runner.drive(campaign.id), concurrent()]);

    // Assess
    const items = await scanAll(table.client, table.tableName);
    const resultItems = items.filter((i) => typeof i.sk === 'string' && (i.sk.startsWith('RESULT#') || i.sk.startsWith('ROSTER#')));
    const orphans = resultItems.filter((i) => deleted.has(String(i.sk).split('#')[1]!));
    const listed: string[] = [];
    for await (const r of campaigns.allResults(campaign.id)) listed.push(r.learner.id);
    const stored = resultItems.filter((i) => String(i.sk).startsWith('RESULT#')).length;
    const final = (await campaigns.get(campaign.id))!;

    expect(deleted.size).toBeGreaterThan(yanqing.length / 3);
    expect(orphans.map((i) => i.sk)).toEqual([]);
    expect(served).toEqual([]);
    expect(listed.filter((l) => deleted.has(l))).toEqual([]);
    expect(done.status).toBe('completed');
    expect(stored).toBe(yanqing.length - deleted.size);
    expect(final.done + final.failed).toBe(stored);
    expect(final.total).toBe(stored);
    expect(final.summary?.learners).toBe(stored);
  });

  it('takes a deleted learner’s result off a completed campaign’s progress, total and summary', async () => {
    // Prepare
    const campaign = newCampaign(bureau, CampaignInputSchema.parse({ name: '完成后删除', region: '110119', assign: true }), NOW);
    await campaigns.create(campaign);
    const runner = makeCampaignRunner({ campaigns, store, shortage: new DynamoShortageStore(table.client, table.tableName, clock), taxonomy: loadTaxonomy(), clock, pageSize: 30 });
    const before = await runner.drive(campaign.id);
    const victims = (await campaigns.listResults(campaign.id, { limit: 2 })).items.map((r) => r.learner.id);
    const changed: string[] = [];
    const erase = makeDeleteRecord('learner', {
      store,
      clock,
      campaignsChanged: async (ids) => {
        changed.push(...ids);
        for (const id of ids) await runner.settle(id);
      },
    });

    // Act: two deletions at once, each settling the summary while the other removes a result.
    await Promise.all(victims.map((v) => erase(bureau, v)));

    // Assess
    const after = (await campaigns.get(campaign.id))!;
    const stored: string[] = [];
    for await (const r of campaigns.allResults(campaign.id)) stored.push(r.learner.id);
    expect(before.summary?.learners).toBe(before.done + before.failed);
    expect(changed).toContain(campaign.id);
    expect(after.status).toBe('completed');
    expect(after.done + after.failed).toBe(before.done + before.failed - 2);
    expect(stored).toHaveLength(before.done + before.failed - 2);
    expect(after.total).toBe(stored.length);
    expect(after.summary?.learners).toBe(stored.length);
    expect(after.summary?.byGroup.reduce((n, g) => n + g.learners, 0)).toBeLessThan(before.summary!.byGroup.reduce((n, g) => n + g.learners, 0));
  });

  it('removes, as finalisation reads the results, one its learner’s deletion missed, and counts it once', async () => {
    // Prepare: a result written in the instant its learner was deleted (the deletion's own sweep missed it).
    const campaign = newCampaign(bureau, CampaignInputSchema.parse({ name: '漏删', region: '110119' }), NOW);
    await campaigns.create(campaign);
    await campaigns.transition(campaign.id, ['queued'], 'running');
    const result = (id: string): CampaignResult => ({ learner: { id, ref: id, group: 'veteran', region: '110119' }, page: 0, matches: [], recommendations: [], gap: [] });
    await campaigns.writeResults(campaign.id, 0, [result('l_missed'), result('l_kept')]);
    await table.client.send(new PutCommand({ TableName: table.tableName, Item: { ...keys.learnerTombstone('l_missed'), entity: 'TOMBSTONE', deletedAt: NOW.toISOString() } }));
    const read = async () => {
      const tally = { removed: 0 };
      const ids: string[] = [];
      for await (const r of campaigns.sweptResults(campaign.id, tally)) ids.push(r.learner.id);
      return { ids, removed: tally.removed };
    };

    // Act
    const first = await read();
    const again = await read();

    // Assess
    expect(first).toEqual({ ids: ['l_kept'], removed: 1 });
    expect(again).toEqual({ ids: ['l_kept'], removed: 0 });
    expect(await campaigns.get(campaign.id)).toMatchObject({ done: 1, failed: 0, erasures: 1 });
  });

  it('keeps summary and total exact when a learner is deleted while the campaign finalises', async () => {
    // Prepare
    const campaign = newCampaign(bureau, CampaignInputSchema.parse({ name: '汇总时删除', region: '110119', assign: true }), NOW);
    await campaigns.create(campaign);
    let runner: ReturnType<typeof makeCampaignRunner> | undefined;
    const erase = makeDeleteRecord('learner', { store, clock, campaignsChanged: async (ids) => void (await Promise.all(ids.map((id) => runner!.settle(id)))) });
    let victim: string | undefined;
    // The deletion lands after finalisation has read the campaign and while it reads the results
    // its summary is made from: the summary it is about to store already counts a deleted learner.
    const racing: CampaignStore = Object.assign(Object.create(campaigns) as CampaignStore, {
      sweptResults: async function* (cid: string, tally: { removed: number }) {
        let first = true;
        for await (const r of campaigns.sweptResults(cid, tally)) {
          yield r;
          if (first && victim === undefined) {
            first = false;
            victim = r.learner.id;
            await erase(bureau, victim);
          }
        }
      },
    });
    runner = makeCampaignRunner({ campaigns: racing, store, shortage: new DynamoShortageStore(table.client, table.tableName, clock), taxonomy: loadTaxonomy(), clock, pageSize: 30 });

    // Act
    const done = await runner.drive(campaign.id);

    // Assess
    const final = (await campaigns.get(campaign.id))!;
    const stored: string[] = [];
    for await (const r of campaigns.allResults(campaign.id)) stored.push(r.learner.id);
    const left = (await scanAll(table.client, table.tableName)).filter((i) => i.pk === `CAMPAIGN#${campaign.id}` && String(i.sk).endsWith(`#${victim}`));
    expect(victim).toBeDefined();
    expect(stored).not.toContain(victim);
    // Finalisation read the victim's result before the deletion and gave them a roster place: gone too.
    expect(left.map((i) => i.sk)).toEqual([]);
    expect(done.status).toBe('completed');
    expect(final.done + final.failed).toBe(stored.length);
    expect(final.total).toBe(stored.length);
    expect(final.summary?.learners).toBe(stored.length);
  });
});
