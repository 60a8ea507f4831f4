import * as z from 'zod';
import type { CampaignsChanged } from '#shared/use-cases/records.js';

const SettleConfigSchema = z.object({
  /** Set in AWS for the functions that may send to the campaign queue. */
  CAMPAIGN_QUEUE_URL: z.url().optional(),
  AWS_REGION: z.string().min(1).default('cn-north-1'),
});

let inProcess: CampaignsChanged | undefined;

/**
 * How this process settles campaigns when their runs are local: the campaign container registers
 * its runner when it is built (`npm start` builds it at start-up to resume campaigns; the
 * campaign handlers build it on first use). The deletion handlers never import the campaign
 * engine themselves, so their AWS bundles stay without it.
 */
export function settleInProcess(settle: CampaignsChanged): void {
  inProcess = settle;
}

/**
 * After a learner's deletion took results off campaigns, their summaries are brought up to date:
 * a `settle` message each on the campaign queue in AWS (the campaign worker recomputes them), or
 * at once in this process locally. Only completed campaigns change; a running one counts the
 * deletion when it finalises. A process that has no campaign container has run no campaign, and
 * has nothing to settle.
 */
export const campaignsChanged: CampaignsChanged = async (campaignIds) => {
  const parsed = SettleConfigSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { CAMPAIGN_QUEUE_URL: queueUrl, AWS_REGION: region } = parsed.data;
  if (queueUrl !== undefined) {
    const { makeSqsCampaignQueue } = await import('#shared/adapters/sqs/campaign-queue.js');
    await makeSqsCampaignQueue(queueUrl, region).send(campaignIds.map((campaignId) => ({ type: 'settle', campaignId })));
    return;
  }
  await inProcess?.(campaignIds);
};
