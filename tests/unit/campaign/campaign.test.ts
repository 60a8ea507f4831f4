import type { Context, SQSEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { makeCampaignWorker } from '../../../functions/campaign-worker.js';
import type { Caller } from '../../../shared/domain/caller.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../shared/domain/errors.js';
import type { AnyRecord, Kind } from '../../../shared/domain/records.js';
import type { CampaignMessage } from '../../../shared/ports/campaign-dispatcher.js';
import type { Page, PageRequest, RecordStore } from '../../../shared/ports/record-store.js';
import { regionContains } from '../../../shared/regions/regions.js';
import { CampaignInputSchema } from '../../../shared/schemas/campaign.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import { LocalCampaignDispatcher } from '../../../shared/adapters/local/campaign-dispatcher.js';
import { makeCancelCampaign, makeCreateCampaign, makeGetCampaign, newCampaign } from '../../../shared/use-cases/campaign/manage.js';
import { makeCampaignRunner } from '../../../shared/use-cases/campaign/runner.js';
import { campaignRecords } from '../../fixtures/campaign-records.js';
import { MemoryCampaignStore } from './fakes.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const clock = { now: () => NOW };
const yanqing: Caller = { sub: 'yq-1', role: 'bureau', region: '110119' };
const input = CampaignInputSchema.parse({ name: '延庆区专场', region: '110119', groups: ['migrant_worker', 'graduate'] });

/** Records in memory, listed by region a page at a time (numeric tokens) and by skill. */
function recordStore(records: readonly AnyRecord[]): Pick<RecordStore, 'listByRegion' | 'listBySkill' | 'getMany'> {
  const page = <T>(items: T[], req: PageRequest): Page<T> => {
    const start = Number(req.nextToken ?? 0);
    const next = start + req.limit;
    return next < items.length ? { items: items.slice(start, next), nextToken: String(next) } : { items: items.slice(start) };
  };
  return {
    listByRegion: async (kind: Kind, region: string, req: PageRequest) => page(records.filter((r) => r.kind === kind && regionContains(region, r.region)), req),
    listBySkill: async (kind: Kind, skillId: string, req: PageRequest) =>
      page(records.filter((r) => r.kind === kind && r.kind === 'course' && r.skillsTaught.some((s) => s.skillId === skillId)), req),
    getMany: async (kind: Kind, ids: readonly string[]) => new Map(records.filter((r) => r.kind === kind && ids.includes(r.id)).map((r) => [r.id, r])),
  };
}

describe('campaign access', () => {
  it('lets a bureau create campaigns only within its region, and starts the run', async () => {
    // Prepare
    const campaigns = new MemoryCampaignStore();
    const dispatcher = { start: vi.fn(async () => undefined) };
    const create = makeCreateCampaign({ campaigns, dispatcher, clock });

    // Act
    const status = await create(yanqing, input);

    // Assess
    expect(status).toMatchObject({ status: 'queued', progress: { done: 0, total: 0, failed: 0 }, region: '110119', name: '延庆区专场' });
    expect(dispatcher.start).toHaveBeenCalledWith(status.id);
    await expect(create({ sub: 'hd-1', role: 'bureau', region: '110108' }, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(create({ sub: 'js', role: 'jobseeker' }, input)).rejects.toBeInstanceOf(ForbiddenError);
    expect(dispatcher.start).toHaveBeenCalledTimes(1);
  });

  it('shows a campaign to its creator and the bureaus of its region, and answers 404 to anyone else', async () => {
    const campaigns = new MemoryCampaignStore();
    const campaign = newCampaign(yanqing, input, NOW);
    await campaigns.create(campaign);
    const get = makeGetCampaign({ campaigns });

    await expect(get({ sub: 'yq-2', role: 'bureau', region: '110119' }, campaign.id)).resolves.toMatchObject({ id: campaign.id });
    await expect(get({ sub: 'bj', role: 'bureau', region: '110000' }, campaign.id)).resolves.toMatchObject({ id: campaign.id });
    await expect(get({ sub: 'hd-1', role: 'bureau', region: '110108' }, campaign.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(get(yanqing, 'cp_nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('cancels a queued campaign and refuses to cancel a finished one', async () => {
    const campaigns = new MemoryCampaignStore();
    const cancel = makeCancelCampaign({ campaigns, clock });
    const queued = newCampaign(yanqing, input, NOW);
    const done = { ...newCampaign(yanqing, input, NOW), status: 'completed' as const };
    await campaigns.create(queued);
    await campaigns.create(done);

    await expect(cancel(yanqing, queued.id)).resolves.toMatchObject({ status: 'cancelled' });
    await expect(cancel(yanqing, done.id)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('campaign fan-out (the AWS path, on in-memory ports)', () => {
  it('plans one message per page, runs pages in any order and twice, and finalises once the last page is done', async () => {
    // Prepare
    const data = campaignRecords({ learners: 50, demands: 20, courses: 6, now: NOW });
    const campaigns = new MemoryCampaignStore();
    const runner = makeCampaignRunner({ campaigns, store: recordStore([...data.learners, ...data.demands, ...data.courses]), shortage: { forRegion: async () => new Map() }, taxonomy: loadTaxonomy(), clock, pageSize: 7 });
    const sent: CampaignMessage[] = [];
    const queue = { send: async (messages: readonly CampaignMessage[]) => void sent.push(...messages) };
    const campaign = newCampaign(yanqing, input, NOW);
    await campaigns.create(campaign);
    const targets = data.learners.filter((l) => l.region === '110119' && (l.group === 'migrant_worker' || l.group === 'graduate'));

    // Act
    await runner.plan(campaign.id, queue);
    const pages = sent.splice(0).filter((m): m is Extract<CampaignMessage, { type: 'page' }> => m.type === 'page');
    for (const m of [...pages].reverse()) await runner.runPage(campaign.id, m.page, m.learnerIds, queue);
    await runner.runPage(campaign.id, pages[0]!.page, pages[0]!.learnerIds, queue);
    const finalisations = sent.filter((m) => m.type === 'finalise');
    for (const m of finalisations) await runner.finalise(m.campaignId);

    // Assess
    const after = (await campaigns.get(campaign.id))!;
    expect(pages).toHaveLength(Math.ceil(targets.length / 7));
    expect(new Set(pages.flatMap((p) => p.learnerIds))).toEqual(new Set(targets.map((l) => l.id)));
    expect(finalisations.length).toBeGreaterThanOrEqual(1);
    expect(after.status).toBe('completed');
    expect(after.total).toBe(targets.length);
    expect(after.done + after.failed).toBe(targets.length);
    expect(campaigns.results.get(campaign.id)!.size).toBe(targets.length);
    expect(after.summary?.learners).toBe(targets.length);
  });

  it('does nothing for pages of a cancelled campaign', async () => {
    const campaigns = new MemoryCampaignStore();
    const runner = makeCampaignRunner({ campaigns, store: recordStore([]), shortage: { forRegion: async () => new Map() }, taxonomy: loadTaxonomy(), clock });
    const campaign = { ...newCampaign(yanqing, input, NOW), status: 'cancelled' as const };
    await campaigns.create(campaign);
    const send = vi.fn(async () => undefined);

    await runner.runPage(campaign.id, 0, ['l_x'], { send });

    expect(campaigns.results.get(campaign.id)).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('campaign-worker handler', () => {
  const record = (messageId: string, body: string) => ({ messageId, body, receiptHandle: messageId, attributes: {}, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:cn-north-1:1:q', awsRegion: 'cn-north-1' });
  const id = 'cp_abcdefghijklmnopqrst';

  it('reports only the failed and the malformed messages as batchItemFailures', async () => {
    // Prepare
    const runner = {
      plan: vi.fn(async () => undefined),
      runPage: vi.fn(async (_id: string, page: number) => {
        if (page === 1) throw new Error('page 1 failed');
      }),
      finalise: vi.fn(async () => undefined as never),
      settle: vi.fn(async () => undefined as never),
    };
    const handler = makeCampaignWorker(() => ({ runner, queue: async () => ({ send: async () => undefined }) }));
    const event = {
      Records: [
        record('m-plan', JSON.stringify({ type: 'plan', campaignId: id })),
        record('m-page0', JSON.stringify({ type: 'page', campaignId: id, page: 0, learnerIds: ['l_a'] })),
        record('m-page1', JSON.stringify({ type: 'page', campaignId: id, page: 1, learnerIds: ['l_b'] })),
        record('m-poison', '{"type":"page","campaignId":"x"}'),
        record('m-final', JSON.stringify({ type: 'finalise', campaignId: id })),
        record('m-settle', JSON.stringify({ type: 'settle', campaignId: id })),
      ],
    } as SQSEvent;

    // Act
    const response = await handler(event, { awsRequestId: 'r', getRemainingTimeInMillis: () => 60_000 } as unknown as Context);

    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['m-page1', 'm-poison']);
    expect(runner.plan).toHaveBeenCalledWith(id, expect.anything());
    expect(runner.runPage).toHaveBeenCalledTimes(2);
    expect(runner.finalise).toHaveBeenCalledWith(id);
    expect(runner.settle).toHaveBeenCalledWith(id);
  });
});

describe('LocalCampaignDispatcher', () => {
  it('runs in the background and marks the campaign failed when its run throws', async () => {
    const fail = vi.fn(async () => undefined);
    const dispatcher = new LocalCampaignDispatcher({ drive: async () => Promise.reject(new Error('disk full')), fail }, () => undefined);

    await dispatcher.start('cp_x');
    await dispatcher.idle();

    expect(fail).toHaveBeenCalledWith('cp_x', expect.stringContaining('--resume'));
    expect(dispatcher.size).toBe(0);
  });
});
