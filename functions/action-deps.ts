import { DynamoErasureJobs } from '#shared/adapters/dynamodb/erasure-jobs.js';
import { DynamoEngagementStore } from '#shared/adapters/dynamodb/engagement-store.js';
import { DynamoInboxStore } from '#shared/adapters/dynamodb/inbox-store.js';
import { DynamoJobIndex } from '#shared/adapters/dynamodb/job-index.js';
import { DynamoProfileLinks } from '#shared/adapters/dynamodb/profile-links.js';
import { LoggingNotifier } from '#shared/adapters/notify/logging-notifier.js';
import { makeEraseLearnerTraces, makeWithdrawOpen, type EngagementDeps } from '#shared/use-cases/engagements.js';
import { makeNotify } from '#shared/use-cases/inbox.js';
import type { ProfileDeps, WithdrawOpen } from '#shared/use-cases/profile.js';
import { getContainer } from './container.js';
import { logger } from './http/observability.js';

/** What the action-loop handlers need (profile links, engagements, inbox), built once per cold start. */
export interface ActionDeps extends ProfileDeps, EngagementDeps {
  readonly jobs: DynamoJobIndex;
  readonly inbox: DynamoInboxStore;
  readonly withdrawOpen: WithdrawOpen;
  /** After a learner's deletion: strips them from engagements, audit and inbox (docs/action-loop.md, Retention). */
  readonly eraseTraces: (learnerId: string, accounts?: ReadonlyArray<string | undefined>) => Promise<unknown>;
  /** Learner deletions whose clean-up has not finished (retried DELETEs and the sweep finish them). */
  readonly erasures: DynamoErasureJobs;
  readonly invitationsPerDay: number;
}

let deps: ActionDeps | undefined;

export function getActionDeps(): ActionDeps {
  if (!deps) {
    const { client, config, store, clock } = getContainer();
    const inbox = new DynamoInboxStore(client, config.TABLE_NAME);
    const notifier = new LoggingNotifier((message, attributes) => logger.info(message, attributes));
    const base = {
      store,
      clock,
      links: new DynamoProfileLinks(client, config.TABLE_NAME),
      engagements: new DynamoEngagementStore(client, config.TABLE_NAME),
      notify: makeNotify({ inbox, notifier, clock }),
    };
    deps = {
      ...base,
      jobs: new DynamoJobIndex(client, config.TABLE_NAME),
      inbox,
      withdrawOpen: makeWithdrawOpen(base),
      eraseTraces: makeEraseLearnerTraces({ engagements: base.engagements, inbox }),
      erasures: new DynamoErasureJobs(client, config.TABLE_NAME),
      invitationsPerDay: config.INVITATIONS_PER_DAY,
    };
  }
  return deps;
}
