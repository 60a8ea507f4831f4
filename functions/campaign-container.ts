import { DynamoFunnelStore } from '#shared/adapters/dynamodb/funnel-store.js';
import * as z from 'zod';
import type { CampaignDispatcher, CampaignQueue } from '#shared/ports/campaign-dispatcher.js';
import type { CampaignStore } from '#shared/ports/campaign-store.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { LocalCampaignDispatcher } from '#shared/adapters/local/campaign-dispatcher.js';
import { makeCampaignRunner, type CampaignRunner } from '#shared/use-cases/campaign/runner.js';
import { getActionDeps } from './action-deps.js';
import { getCampaignStore } from './campaign-store.js';
import { settleInProcess } from './campaigns-changed.js';
import { getContainer } from './container.js';
import { logger } from './http/observability.js';
import { getSubsidyRules } from './subsidy-rules.js';

const CampaignConfigSchema = z.object({
  /** Set in AWS (the stack gives it to the functions that start or run campaigns): runs go through SQS. */
  CAMPAIGN_QUEUE_URL: z.url().optional(),
});

/** What the campaign handlers need, built once per cold start beside the main container. */
export interface CampaignContainer {
  readonly campaigns: CampaignStore;
  readonly runner: CampaignRunner;
  /** Starts runs: on the SQS queue when CAMPAIGN_QUEUE_URL is set, else in this process. */
  readonly dispatcher: CampaignDispatcher;
  /** The SQS queue (AWS only; the worker sends page and finalisation messages on it). */
  queue(): Promise<CampaignQueue>;
  /** The in-process dispatcher when runs are local (the local server), for tests to wait on. */
  readonly local?: LocalCampaignDispatcher;
}

let container: CampaignContainer | undefined;

/** The process-wide campaign container; created on first use. */
export function getCampaignContainer(): CampaignContainer {
  if (!container) {
    const parsed = CampaignConfigSchema.safeParse(process.env);
    if (!parsed.success) throw new Error(`Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const queueUrl = parsed.data.CAMPAIGN_QUEUE_URL;
    const base = getContainer();
    const campaigns = getCampaignStore();
    const runner = makeCampaignRunner({
      campaigns,
      store: base.store,
      get shortage() {
        return base.shortage;
      },
      taxonomy: loadTaxonomy(),
      subsidyRules: getSubsidyRules(),
      clock: base.clock,
      funnel: new DynamoFunnelStore(base.client, base.config.TABLE_NAME),
      onLearnerError: (campaignId, learnerId, error) => logger.error('Campaign learner failed', { campaignId, learnerId, error: error as Error }),
      onFinished: (campaign) => getActionDeps().notify(campaign.owner, 'campaign_finished', { title: campaign.name }, campaign.id),
    });
    let sqs: Promise<CampaignQueue & CampaignDispatcher> | undefined;
    // Imported only in AWS: the local server never loads the SQS client.
    const queue = () => (sqs ??= import('#shared/adapters/sqs/campaign-queue.js').then((m) => m.makeSqsCampaignQueue(queueUrl ?? '', base.config.AWS_REGION)));
    const local = queueUrl === undefined ? new LocalCampaignDispatcher(runner, (campaignId, error) => logger.error('Campaign run failed', { campaignId, error: error as Error })) : undefined;
    // Runs are local: a learner's deletion settles the summaries of completed campaigns here, at once.
    if (local) {
      settleInProcess(async (ids) => {
        for (const id of ids) await runner.settle(id);
      });
    }
    container = {
      campaigns,
      runner,
      dispatcher: local ?? { start: async (id) => (await queue()).start(id) },
      queue: async () => {
        if (queueUrl === undefined) throw new Error('CAMPAIGN_QUEUE_URL is not set: campaigns run in this process.');
        return queue();
      },
      ...(local ? { local } : {}),
    };
  }
  return container;
}
