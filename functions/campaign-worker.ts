import * as z from 'zod';
import type { CampaignMessage, CampaignQueue } from '#shared/ports/campaign-dispatcher.js';
import { prepareExtraction } from '#shared/taxonomy/extract.js';
import type { CampaignRunner } from '#shared/use-cases/campaign/runner.js';
import { backgroundHandler, sqsMessages } from './background/background-handler.js';
import { getCampaignContainer } from './campaign-container.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

const CampaignId = z.string().regex(/^cp_[a-z2-7]{20}$/);

/** A campaign queue message, checked at the edge: anything else is a poison message. */
export const CampaignMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('plan'), campaignId: CampaignId }),
  z.strictObject({ type: z.literal('page'), campaignId: CampaignId, page: z.int().min(0), learnerIds: z.array(z.string().min(1).max(64)).min(1).max(100) }),
  z.strictObject({ type: z.literal('finalise'), campaignId: CampaignId }),
  z.strictObject({ type: z.literal('settle'), campaignId: CampaignId }),
]) satisfies z.ZodType<CampaignMessage>;

export interface CampaignWorkerDeps {
  readonly runner: Pick<CampaignRunner, 'plan' | 'runPage' | 'finalise' | 'settle'>;
  queue(): Promise<CampaignQueue>;
}

/**
 * The campaign worker on the campaign queue (SQS): each message plans a campaign's pages, runs
 * one page of learners, finalises, or settles a completed campaign's summary after deletions.
 * Messages are independent and idempotent (results are written only when absent, pages and
 * finalisation count once, a summary is kept only if no deletion overtook it), so a batch runs them side by
 * side; each failure goes back in `batchItemFailures` for SQS to redeliver that message alone,
 * and one that keeps failing (or never parses) lands in the dead-letter queue, whose alarm fires.
 */
export function makeCampaignWorker(deps: () => CampaignWorkerDeps) {
  return backgroundHandler({ name: 'campaign-worker', source: sqsMessages(CampaignMessageSchema) }, async (message) => {
    const { runner, queue } = deps();
    switch (message.type) {
      case 'plan':
        return runner.plan(message.campaignId, await queue());
      case 'page':
        return runner.runPage(message.campaignId, message.page, message.learnerIds, await queue());
      case 'finalise':
        await runner.finalise(message.campaignId);
        return;
      case 'settle':
        await runner.settle(message.campaignId);
        return;
    }
  });
}

/** The Lambda handler on the campaign queue. */
export const handler = makeCampaignWorker(getCampaignContainer);
