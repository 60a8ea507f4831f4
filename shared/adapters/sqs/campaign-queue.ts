import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { CampaignDispatcher, CampaignMessage, CampaignQueue } from '../../ports/campaign-dispatcher.js';
import { drain } from '../dynamodb/toolkit/retry.js';

/** SendMessageBatch takes at most 10 messages. */
const BATCH = 10;
/** Rounds of resending the entries a batch did not take. */
const ROUNDS = 5;

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
      const entries = messages.slice(i, i + BATCH).map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m) }));
      await drain(
        entries,
        async (pending) => {
          const out = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: [...pending] }));
          const failed = new Set((out.Failed ?? []).map((f) => f.Id));
          return pending.filter((e) => failed.has(e.Id));
        },
        { maxRounds: ROUNDS - 1, baseMs: 100, giveUp: (n) => new Error(`${n} campaign messages were not accepted by the queue after ${ROUNDS} attempts.`) },
      );
    }
  }
}

/** The queue for this process: one SQS client per cold start. */
export function makeSqsCampaignQueue(queueUrl: string, region?: string): SqsCampaignQueue {
  return new SqsCampaignQueue(new SQSClient(region ? { region } : {}), queueUrl);
}
