import { makeLearnerComputer, type LearnerComputer } from '../../domain/campaign/compute.js';
import { buildRoster, rosterOf, type RosterLearner } from '../../domain/campaign/roster.js';
import { summarise } from '../../domain/campaign/summary.js';
import type { Campaign, CampaignAssignment, CampaignCursor, CampaignResult, CampaignSnapshot } from '../../domain/campaign/types.js';
import { NotFoundError } from '../../domain/errors.js';
import { chinaDay } from '../../domain/funnel.js';
import type { Learner } from '../../domain/records.js';
import { groupsOf } from '../../domain/vocabulary.js';
import { type SubsidyRuleSet } from '../../domain/subsidy/rules.js';
import { loadSubsidyRules } from '../../schemas/subsidy-rules.js';
import type { CampaignMessage, CampaignQueue } from '../../ports/campaign-dispatcher.js';
import type { CampaignStore } from '../../ports/campaign-store.js';
import type { Clock } from '../../ports/clock.js';
import type { FunnelStore, MatchedLearner } from '../../ports/funnel.js';
import type { RecordStore } from '../../ports/record-store.js';
import type { ShortageReader } from '../../ports/shortage.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { everyItem, makeTakeSnapshot } from './snapshot.js';

/**
 * The campaign worker code, shared by every way a campaign runs (docs/campaigns.md):
 *
 * - `drive`: the local driver (local server, CLI). Counts the learners, then reads the region's
 *   learners page by page from the saved cursor, computes and writes each page, marks it and
 *   saves the cursor, re-reading the status between pages (cancel); then finalises. Killed at any
 *   point, running it again resumes: the cursor names the page to redo, and results already
 *   stored are skipped (they are written only when absent, with the progress they add).
 * - `plan` / `runPage` / `finalise`: the same steps as queue messages for worker Lambdas (AWS):
 *   the plan enqueues one message per page of learner ids, workers run pages in parallel, and
 *   the worker that completes the last page enqueues finalisation.
 * - `settle`: after a learner's deletion took results off completed campaigns, recomputes their
 *   summaries (in process, or as `settle` messages on the queue).
 *
 * A learner whose computation throws gets a result with an error and counts as failed; the rest
 * of the page is unaffected.
 */

export interface CampaignRunnerDeps {
  readonly campaigns: CampaignStore;
  readonly store: Pick<RecordStore, 'listByRegion' | 'getMany'>;
  readonly shortage: ShortageReader;
  readonly taxonomy: Taxonomy;
  readonly clock: Clock;
  /** @default the bundled shared/rules/subsidies.json */
  readonly subsidyRules?: SubsidyRuleSet;
  /** Learners per page. @default 99 (one transaction writes a page) */
  readonly pageSize?: number;
  /** Wraps the per-learner computation (tests inject faults). */
  readonly wrapCompute?: (compute: LearnerComputer) => LearnerComputer;
  /** Told about each learner whose computation threw (the result itself only names the error class). */
  readonly onLearnerError?: (campaignId: string, learnerId: string, error: unknown) => void;
  /** The placements funnel: a finalisation adds the campaign's matched learners to their regions' `matched` counts. */
  readonly funnel?: Pick<FunnelStore, 'countMatched'>;
  /** Told once a campaign has completed (its owner's inbox); a failure here never fails the run. */
  readonly onFinished?: (campaign: Campaign) => Promise<void>;
}

export interface DriveOptions {
  /** Called after the count and after every page, with the campaign as stored. */
  readonly onProgress?: (campaign: Campaign) => void;
}

/** Page size: 99 results and the progress counter make one 100-item transaction. */
export const DEFAULT_PAGE_SIZE = 99;
/** Messages per SendMessageBatch. */
const QUEUE_BATCH = 10;
/** Recomputations of a summary that each lost to a further deletion before one is kept. */
const SUMMARY_ATTEMPTS = 20;
/** Snapshots and computers kept per process (a worker Lambda serves pages of a few campaigns at a time). */
const COMPUTERS_KEPT = 2;

/** Whether a learner belongs to the campaign's target groups. */
const inGroups = (campaign: Campaign, learner: Learner) => campaign.request.groups === undefined || groupsOf(learner).some((g) => campaign.request.groups!.includes(g));

/** What the roster and the report need of a stored result. */
function rosterRow(r: CampaignResult): RosterLearner {
  return {
    id: r.learner.id,
    group: r.learner.group,
    ...(r.learner.groups ? { groups: r.learner.groups } : {}),
    failed: r.error !== undefined,
    matches: r.matches.map((m) => ({ id: m.id, score: m.score })),
    recommendations: r.recommendations.map((c) => ({ id: c.id, score: c.score, subsidyYuan: c.subsidyYuan, toConfirmSubsidyYuan: c.toConfirmSubsidyYuan ?? 0 })),
    gap: r.gap,
  };
}

/** The campaign worker; see the module comment. */
export function makeCampaignRunner(deps: CampaignRunnerDeps) {
  const { campaigns, store, taxonomy, clock } = deps;
  const rules = deps.subsidyRules ?? loadSubsidyRules();
  const pageSize = deps.pageSize ?? DEFAULT_PAGE_SIZE;
  const takeSnapshot = makeTakeSnapshot(deps);
  const computers = new Map<string, { snapshot: CampaignSnapshot; compute: LearnerComputer }>();

  const must = async (id: string): Promise<Campaign> => {
    const campaign = await campaigns.get(id);
    if (!campaign) throw new NotFoundError(`No campaign ${id}.`);
    return campaign;
  };

  /** The campaign's snapshot: the stored one, or taken now and stored (the first to store wins). */
  const snapshotOf = async (campaign: Campaign): Promise<CampaignSnapshot> => {
    const cached = computers.get(campaign.id);
    if (cached) return cached.snapshot;
    return (await campaigns.loadSnapshot(campaign.id)) ?? (await campaigns.saveSnapshot(campaign.id, await takeSnapshot(campaign)));
  };

  const computerOf = async (campaign: Campaign) => {
    let entry = computers.get(campaign.id);
    if (!entry) {
      const snapshot = await snapshotOf(campaign);
      const base = makeLearnerComputer(snapshot, { taxonomy, rules, limit: campaign.request.limitPerLearner, threshold: campaign.request.threshold });
      entry = { snapshot, compute: deps.wrapCompute ? deps.wrapCompute(base) : base };
      computers.set(campaign.id, entry);
      for (const key of computers.keys()) if (computers.size > COMPUTERS_KEPT && key !== campaign.id) computers.delete(key);
    }
    return entry;
  };

  /** Computes a page of learners (each on its own: one failure fails that learner only) and writes it. */
  const processPage = async (campaign: Campaign, page: number, learners: readonly Learner[]) => {
    const { compute } = await computerOf(campaign);
    const results: CampaignResult[] = learners.map((learner) => {
      const groups = groupsOf(learner);
      const base = { learner: { id: learner.id, ref: learner.ref, group: learner.group, ...(groups.length > 1 ? { groups } : {}), region: learner.region }, page };
      try {
        return { ...base, ...compute(learner) };
      } catch (err) {
        deps.onLearnerError?.(campaign.id, learner.id, err);
        return { ...base, matches: [], recommendations: [], gap: [], error: `Computing this learner failed (${(err as Error)?.name ?? 'Error'}).` };
      }
    });
    return campaigns.writeResults(campaign.id, page, results);
  };

  /** Moves a queued campaign to running; true when it is running now. */
  const begin = async (campaign: Campaign, resumeFailed: boolean): Promise<boolean> => {
    if (campaign.status === 'running') return true;
    const from = resumeFailed ? (['queued', 'failed'] as const) : (['queued'] as const);
    if (!(from as readonly string[]).includes(campaign.status)) return false;
    return campaigns.transition(campaign.id, from, 'running', campaign.startedAt ? {} : { startedAt: clock.now().toISOString() }, clock.now().toISOString());
  };

  /** Learners of the campaign's region and groups, counted page by page. */
  const countLearners = async (campaign: Campaign): Promise<number> => {
    let total = 0;
    for await (const record of everyItem((page) => store.listByRegion('learner', campaign.region, page), 500)) {
      if (record.kind === 'learner' && inGroups(campaign, record)) total += 1;
    }
    return total;
  };

  /**
   * Recomputes a completed campaign's summary while it misses results removed since it was made
   * (learners deleted during finalisation or after the run). Each summary is made from results
   * read after the campaign's `erasures`, and kept only if that count still stands, so the one
   * kept counts every removal; a deletion that lands meanwhile makes it go round again.
   */
  const settle = async (id: string): Promise<Campaign> => {
    for (let attempt = 1; ; attempt++) {
      const campaign = await must(id);
      const erasures = campaign.erasures ?? 0;
      if (campaign.status !== 'completed' || (campaign.summaryErasures ?? 0) === erasures || attempt > SUMMARY_ATTEMPTS) return campaign;
      const snapshot = await snapshotOf(campaign);
      const rows: RosterLearner[] = [];
      const places = new Map<string, CampaignAssignment>();
      for await (const result of campaigns.allResults(id)) {
        rows.push(rosterRow(result));
        if (result.assignment) places.set(result.learner.id, result.assignment);
      }
      const summary = summarise(rows, snapshot, campaign.request.assign ? rosterOf(places) : undefined, { taxonomy, groups: campaign.request.groups });
      if (await campaigns.saveSummary(id, summary, erasures)) return must(id);
    }
  };

  /**
   * Roster (assign mode), report, completed. Idempotent: on a completed campaign it only brings
   * the summary up to date with learners deleted since ({@link settle}), and otherwise changes nothing.
   */
  const finalise = async (id: string): Promise<Campaign> => {
    const campaign = await must(id);
    if (campaign.status === 'completed') return settle(id);
    if (campaign.status !== 'running') return campaign;
    const snapshot = await snapshotOf(campaign);
    const rows: RosterLearner[] = [];
    const stored = new Map<string, string | undefined>();
    const matched: MatchedLearner[] = [];
    // One read of every result: learners deleted while the campaign ran leave no result (this read
    // removes any their deletion missed), and the report does not count them.
    const swept = { removed: 0 };
    for await (const result of campaigns.sweptResults(id, swept)) {
      rows.push(rosterRow(result));
      if (result.matches.length > 0) matched.push({ region: result.learner.region, groups: result.learner.groups ?? [result.learner.group] });
      if (campaign.request.assign) stored.set(result.learner.id, result.assignment ? `${result.assignment.kind}:${result.assignment.id}` : undefined);
    }
    const roster = campaign.request.assign ? buildRoster(rows, snapshot) : undefined;
    if (roster) {
      // Only changed places are written: a finalisation that is run again writes nothing.
      const changes = rows.flatMap((row) => {
        const place = roster.assignments.get(row.id);
        const key = place ? `${place.kind}:${place.id}` : undefined;
        return key === stored.get(row.id) ? [] : [{ learnerId: row.id, assignment: place ?? null }];
      });
      await campaigns.setAssignments(id, changes);
      // A learner deleted since their result was read may just have been given a place: not kept.
      await campaigns.sweepErasedPlaces(id);
    }
    const summary = summarise(rows, snapshot, roster, { taxonomy, groups: campaign.request.groups });
    // Before the status moves, so a finalisation cut short counts on its next run; counting again adds nothing.
    await deps.funnel?.countMatched(id, chinaDay(clock.now()), matched);
    const now = clock.now().toISOString();
    // The summary counts the removals read with the campaign before its results, and this read's
    // own; any other since is caught up by settle. The total of a completed campaign is the
    // results it holds.
    const summaryErasures = (campaign.erasures ?? 0) + swept.removed;
    const counted = await must(id);
    await campaigns.transition(id, ['running'], 'completed', { summary, summaryErasures, total: counted.done + counted.failed, finishedAt: now }, now);
    const finished = await settle(id);
    await deps.onFinished?.(finished).catch(() => undefined);
    return finished;
  };

  return {
    /** Runs a campaign to its end in this process, resuming where a previous run stopped. */
    async drive(id: string, options: DriveOptions & { readonly resumeFailed?: boolean } = {}): Promise<Campaign> {
      let campaign = await must(id);
      if (!(await begin(campaign, options.resumeFailed ?? false))) return must(id);
      campaign = await must(id);
      await computerOf(campaign);
      if (campaign.total === undefined) {
        await campaigns.update(id, { total: await countLearners(campaign) });
        campaign = await must(id);
      }
      options.onProgress?.(campaign);
      let cursor: CampaignCursor = campaign.cursor ?? { page: 0 };
      while (!cursor.end) {
        const page = await store.listByRegion('learner', campaign.region, { limit: pageSize, nextToken: cursor.token });
        const learners = page.items.filter((r): r is Learner => r.kind === 'learner' && inGroups(campaign, r));
        await processPage(campaign, cursor.page, learners);
        const next: CampaignCursor = page.nextToken ? { page: cursor.page + 1, token: page.nextToken } : { page: cursor.page + 1, end: true };
        await campaigns.completePage(id, cursor.page, next);
        cursor = next;
        campaign = await must(id);
        options.onProgress?.(campaign);
        // Cancelled (or failed elsewhere) meanwhile: stop here; the results so far stay.
        if (campaign.status !== 'running') return campaign;
      }
      const done = await finalise(id);
      options.onProgress?.(done);
      return done;
    },

    /** AWS: counts the learners and enqueues one message per page of their ids. */
    async plan(id: string, queue: CampaignQueue): Promise<void> {
      let campaign = await must(id);
      if (!(await begin(campaign, false))) return;
      campaign = await must(id);
      // Taken here, once, so the page workers only ever load it.
      await snapshotOf(campaign);
      let pages = 0;
      let total = 0;
      let batch: CampaignMessage[] = [];
      let ids: string[] = [];
      const flushPage = async () => {
        if (ids.length === 0) return;
        batch.push({ type: 'page', campaignId: id, page: pages++, learnerIds: ids });
        total += ids.length;
        ids = [];
        if (batch.length >= QUEUE_BATCH) {
          await queue.send(batch);
          batch = [];
        }
      };
      for await (const record of everyItem((page) => store.listByRegion('learner', campaign.region, page), 500)) {
        if (record.kind !== 'learner' || !inGroups(campaign, record)) continue;
        ids.push(record.id);
        if (ids.length >= pageSize) await flushPage();
      }
      await flushPage();
      if (batch.length > 0) await queue.send(batch);
      await campaigns.update(id, { total, pagesTotal: pages });
      // Pages may all have finished before the plan recorded how many there are.
      const now = await must(id);
      if (now.pagesDone >= pages) await queue.send([{ type: 'finalise', campaignId: id }]);
    },

    /** AWS: one page of learners; the worker completing the last page enqueues finalisation. */
    async runPage(id: string, page: number, learnerIds: readonly string[], queue: CampaignQueue): Promise<void> {
      const campaign = await must(id);
      if (campaign.status !== 'running') return;
      const found = await store.getMany('learner', learnerIds);
      // Learners deleted since the plan are left out (their results would be deleted with them).
      const learners = learnerIds.flatMap((l) => {
        const r = found.get(l);
        return r?.kind === 'learner' ? [r] : [];
      });
      await processPage(campaign, page, learners);
      await campaigns.completePage(id, page);
      const now = await must(id);
      if (now.pagesTotal !== undefined && now.pagesDone >= now.pagesTotal) await queue.send([{ type: 'finalise', campaignId: id }]);
    },

    finalise,

    /** Brings a completed campaign's summary up to date after learners were deleted; nothing on other campaigns. */
    settle,

    /** Marks a campaign failed (an unexpected error stopped its run), with a reason in words. */
    async fail(id: string, reason: string): Promise<void> {
      const now = clock.now().toISOString();
      await campaigns.transition(id, ['queued', 'running'], 'failed', { error: reason, finishedAt: now }, now);
    },
  };
}

export type CampaignRunner = ReturnType<typeof makeCampaignRunner>;
