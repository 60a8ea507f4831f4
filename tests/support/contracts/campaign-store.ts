import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Campaign, CampaignResult, CampaignSnapshot } from '#shared/domain/campaign/types.js';
import { ConflictError } from '#shared/domain/errors.js';
import type { CampaignStore } from '#shared/ports/campaign-store.js';
import type { CampaignInput } from '#shared/schemas/campaign.js';
import { newCampaign } from '#shared/use-cases/campaign/manage.js';

/** A store under test, fresh for each test, and how to throw it away. */
export interface CampaignStoreUnderTest {
  readonly store: CampaignStore;
  readonly dispose?: () => Promise<void>;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** A campaign id of the right shape, from a small number. */
const campaignId = (n: number) => `cp_${'a'.repeat(18)}${BASE32[Math.floor(n / 32) % 32]}${BASE32[n % 32]}`;

/** A queued campaign of a bureau operator; created `minutes` after a fixed instant. */
function campaign(n: number, { region = '110119', owner = 'yq-1', minutes = n, name = `campaign ${n}` } = {}): Campaign {
  const input = { name, region } as CampaignInput;
  return newCampaign({ sub: owner, role: 'bureau', region }, input, new Date(Date.UTC(2026, 5, 1, 8, minutes)), campaignId(n));
}

/** A learner's result on a page; `failed` gives it an error. */
const result = (learner: string, page = 0, failed = false): CampaignResult => ({
  learner: { id: learner, ref: learner.toUpperCase(), group: 'veteran', region: '110119' },
  page,
  matches: [],
  recommendations: [],
  gap: [],
  ...(failed ? { error: 'Computing this learner failed (TypeError).' } : {}),
});

const snapshot = (market: string): CampaignSnapshot => ({ takenAt: '2026-06-01T08:00:00.000Z', demands: [], courses: [], market, shortage: { 'uav-piloting': 1.5 } });

/**
 * The {@link CampaignStore} port's contract: what the DynamoDB adapter and the in-memory fake the
 * campaign unit tests use must do alike. Run once per implementation.
 */
export function campaignStoreContract(name: string, make: () => Promise<CampaignStoreUnderTest>): void {
  describe(`CampaignStore contract: ${name}`, () => {
    let underTest: CampaignStoreUnderTest;
    let store: CampaignStore;
    beforeEach(async () => {
      underTest = await make();
      store = underTest.store;
    });
    afterEach(async () => {
      await underTest.dispose?.();
    });

    it('reads back a created campaign with no progress, refuses a second one with its id, and reads nothing for an unknown id', async () => {
      // Prepare
      const c = campaign(1);
      await store.create(c);

      // Act
      const again = await store.create({ ...c, name: 'again' }).then(
        () => 'created',
        (err: unknown) => err,
      );

      // Assess
      expect(again).toBeInstanceOf(ConflictError);
      expect(await store.get(c.id)).toMatchObject({ id: c.id, name: c.name, status: 'queued', done: 0, failed: 0, pagesDone: 0 });
      expect(await store.get(campaignId(2))).toBeUndefined();
    });

    it('lists the campaigns of a region and the regions inside it, newest first, every one once across pages', async () => {
      // Prepare
      await store.create(campaign(1, { region: '110119', minutes: 1 }));
      await store.create(campaign(2, { region: '110108', owner: 'hd-1', minutes: 3 }));
      await store.create(campaign(3, { region: '110119', minutes: 2 }));
      await store.create(campaign(4, { region: '310104', owner: 'sh-1', minutes: 4 }));
      const listed: string[] = [];
      let nextToken: string | undefined;

      // Act
      do {
        const page = await store.listByRegion('110000', { limit: 2, nextToken });
        expect(page.items.length).toBeLessThanOrEqual(2);
        listed.push(...page.items.map((c) => c.id));
        nextToken = page.nextToken;
      } while (nextToken !== undefined);

      // Assess
      expect(listed).toEqual([campaignId(2), campaignId(3), campaignId(1)]);
    });

    it('finds the operator’s unfinished campaign for the same request, and none once it has finished', async () => {
      // Prepare
      const c = campaign(1);
      await store.create(c);
      await store.create(campaign(2, { owner: 'someone-else' }));

      // Act
      const found = await store.findUnfinished(c.owner, c.requestHash);
      await store.transition(c.id, ['queued'], 'running', { startedAt: '2026-06-01T08:05:00.000Z' }, '2026-06-01T08:05:00.000Z');
      const whileRunning = await store.findUnfinished(c.owner, c.requestHash);
      await store.transition(c.id, ['running'], 'completed', { finishedAt: '2026-06-01T08:06:00.000Z' }, '2026-06-01T08:06:00.000Z');
      const afterwards = await store.findUnfinished(c.owner, c.requestHash);

      // Assess
      expect(found?.id).toBe(c.id);
      expect(whileRunning?.id).toBe(c.id);
      expect(afterwards).toBeUndefined();
    });

    it('moves a campaign only from one of the statuses named, setting the change with it', async () => {
      // Prepare
      const c = campaign(1);
      await store.create(c);

      // Act
      const fromWrong = await store.transition(c.id, ['running'], 'completed', {}, '2026-06-01T09:00:00.000Z');
      const fromQueued = await store.transition(c.id, ['queued'], 'failed', { error: 'The run stopped.' }, '2026-06-01T09:00:00.000Z');
      const unknown = await store.transition(campaignId(9), ['queued'], 'running');

      // Assess
      expect([fromWrong, fromQueued, unknown]).toEqual([false, true, false]);
      expect(await store.get(c.id)).toMatchObject({ status: 'failed', error: 'The run stopped.', updatedAt: '2026-06-01T09:00:00.000Z' });
    });

    it('updates the count and the plan of a running campaign only', async () => {
      // Prepare
      const c = campaign(1);
      await store.create(c);

      // Act
      const whileQueued = await store.update(c.id, { total: 5 });
      await store.transition(c.id, ['queued'], 'running');
      const whileRunning = await store.update(c.id, { total: 7, pagesTotal: 2 });

      // Assess
      expect([whileQueued, whileRunning]).toEqual([false, true]);
      expect(await store.get(c.id)).toMatchObject({ status: 'running', total: 7, pagesTotal: 2 });
    });

    it('keeps the first snapshot stored and answers it to a later one', async () => {
      // Prepare
      const c = campaign(1);
      await store.create(c);

      // Act
      const first = await store.saveSnapshot(c.id, snapshot('110100'));
      const second = await store.saveSnapshot(c.id, snapshot('310100'));

      // Assess
      expect(first).toEqual(snapshot('110100'));
      expect(second).toEqual(snapshot('110100'));
      expect(await store.loadSnapshot(c.id)).toEqual(snapshot('110100'));
      expect(await store.loadSnapshot(campaignId(2))).toBeUndefined();
    });

    it('writes each learner’s result once and sums the progress from the results stored', async () => {
      // Prepare
      const c = campaign(1);
      await store.create(c);
      await store.transition(c.id, ['queued'], 'running');

      // Act
      const first = await store.writeResults(c.id, 0, [result('l_a'), result('l_b'), result('l_c', 0, true)]);
      const redelivered = await store.writeResults(c.id, 0, [result('l_a'), result('l_d')]);

      // Assess
      expect(first).toEqual({ written: 3, skipped: 0, erased: 0 });
      expect(redelivered).toEqual({ written: 1, skipped: 1, erased: 0 });
      expect(await store.get(c.id)).toMatchObject({ done: 3, failed: 1 });
    });

    it('marks a page complete once and counts it', async () => {
      // Prepare
      const c = campaign(1);
      await store.create(c);
      await store.transition(c.id, ['queued'], 'running');

      // Act
      const marks = [await store.completePage(c.id, 0), await store.completePage(c.id, 0), await store.completePage(c.id, 1)];

      // Assess
      expect(marks).toEqual([true, false, true]);
      expect(await store.get(c.id)).toMatchObject({ pagesDone: 2 });
    });

    it('lists results in learner-id order across pages, and all of them at once', async () => {
      // Prepare
      const c = campaign(1);
      await store.create(c);
      await store.transition(c.id, ['queued'], 'running');
      await store.writeResults(c.id, 0, [result('l_d'), result('l_b')]);
      await store.writeResults(c.id, 1, [result('l_a', 1), result('l_c', 1, true), result('l_e', 1)]);
      const listed: string[] = [];
      let nextToken: string | undefined;

      // Act
      do {
        const page = await store.listResults(c.id, { limit: 2, nextToken });
        expect(page.items.length).toBeLessThanOrEqual(2);
        listed.push(...page.items.map((r) => r.learner.id));
        nextToken = page.nextToken;
      } while (nextToken !== undefined);
      const all: CampaignResult[] = [];
      for await (const r of store.allResults(c.id)) all.push(r);

      // Assess
      expect(listed).toEqual(['l_a', 'l_b', 'l_c', 'l_d', 'l_e']);
      expect(all.map((r) => r.learner.id).sort()).toEqual(listed);
      expect(all.find((r) => r.learner.id === 'l_c')).toEqual(result('l_c', 1, true));
    });

    it('sets and clears learners’ roster places', async () => {
      // Prepare
      const c = campaign(1);
      await store.create(c);
      await store.transition(c.id, ['queued'], 'running');
      await store.writeResults(c.id, 0, [result('l_a'), result('l_b')]);
      const place = { kind: 'demand' as const, id: 'd_aaaaaaaaaaaaaaaaaaaa', ref: 'D-1', title: '无人机驾驶员', score: 0.8 };
      await store.setAssignments(c.id, [{ learnerId: 'l_b', assignment: place }]);

      // Act
      await store.setAssignments(c.id, [
        { learnerId: 'l_a', assignment: place },
        { learnerId: 'l_b', assignment: null },
      ]);

      // Assess
      const { items } = await store.listResults(c.id, { limit: 10 });
      expect(items.map((r) => [r.learner.id, r.assignment])).toEqual([
        ['l_a', place],
        ['l_b', undefined],
      ]);
    });

    it('reads every result and removes none when no learner was deleted', async () => {
      // Prepare
      const c = campaign(1);
      await store.create(c);
      await store.transition(c.id, ['queued'], 'running');
      await store.writeResults(c.id, 0, [result('l_a'), result('l_b')]);
      const tally = { removed: 0 };
      const read: string[] = [];

      // Act
      for await (const r of store.sweptResults(c.id, tally)) read.push(r.learner.id);
      await store.sweepErasedPlaces(c.id);

      // Assess
      expect(read.sort()).toEqual(['l_a', 'l_b']);
      expect(tally.removed).toBe(0);
      expect(await store.get(c.id)).toMatchObject({ done: 2, failed: 0 });
    });
  });
}
