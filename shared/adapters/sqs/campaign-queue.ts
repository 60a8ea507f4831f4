import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { CampaignDispatcher, CampaignMessage, CampaignQueue } from '../../ports/campaign-dispatcher.js';

/** SendMessageBatch takes at most 10 messages. */
const BATCH = 10;
/** Rounds of resending the entries a batch did not take. */
const ROUNDS = 5;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The campaign queue on SQS: starting a campaign sends its plan message; the plan and the page
 * workers send page and finalisation messages. The worker Lambda consumes the queue (partial
 * batch failures, a dead-letter queue with an alarm: infra/stateless-stack.ts).
 */
export class SqsCampaignQueue implements CampaignQueue, CampaignDispatcher {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  start(campaignId: string): Promise<void> {
    return this.send([{ type: 'plan', campaignId }]);
  }

  async send(messages: readonly CampaignMessage[]): Promise<void> {
    for (let i = 0; i < messages.length; i += BATCH) {
      let pending = messages.slice(i, i + BATCH).map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m) }));
      for (let round = 0; pending.length > 0; round++) {
        if (round >= ROUNDS) throw new Error(`${pending.length} campaign messages were not accepted by the queue after ${ROUNDS} attempts.`);
        if (round > 0) await sleep(Math.random() * 100 * 2 ** round);
        const out = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        pending = pending.filter((e) => failed.has(e.Id));
      }
    }
  }
}

/** The queue for this process: one SQS client per cold start. */
export function makeSqsCampaignQueue(queueUrl: string, region?: string): SqsCampaignQueue {
  return new SqsCampaignQueue(new SQSClient(region ? { region } : {}), queueUrl);
}
