import { expiredErasureJob } from '#shared/adapters/dynamodb/erasure-jobs.js';
import { shortageChangeOf } from '#shared/adapters/dynamodb/shortage-store.js';
import type { ErasureJob } from '#shared/ports/erasures.js';
import type { ShortageWriter } from '#shared/ports/shortage.js';
import { makeFinishErasure } from '#shared/use-cases/erasure.js';
import { makeApplyShortageChange } from '#shared/use-cases/shortage.js';
import { getActionDeps } from './action-deps.js';
import { backgroundHandler, dynamoStreamRecords } from './background/background-handler.js';
import { campaignsChanged } from './campaigns-changed.js';
import { getContainer } from './container.js';

/** What the stream handler acts on: shortage counters, and learner deletions whose clean-up was left unfinished. */
export interface StreamDeps {
  readonly shortage: ShortageWriter;
  /** Finishes a learner deletion's clean-up from its expired job (docs/action-loop.md, Retention). */
  readonly finishErasure?: (job: ErasureJob) => Promise<unknown>;
}

/**
 * DynamoDB Streams → shortage counters, over whatever writer `deps` gives (read on first use);
 * and the expiry (TTL) of an erasure job, which means a learner deletion's clean-up was cut short
 * and nobody retried it: it is finished here.
 *
 * A demand's or learner's change becomes a counter delta applied once per event id; records
 * about anything else are done as soon as they are read. Records run one after another in stream
 * order (they share hot counters, and a failure should not race ahead); one that fails is
 * reported in `batchItemFailures`, so Lambda retries from it and redelivers the rest, which their
 * markers (and the clean-up's idempotent steps) turn into no-ops.
 */
export function makeStreamHandler(deps: () => StreamDeps) {
  return backgroundHandler({ name: 'update-shortage', source: dynamoStreamRecords, inOrder: true }, async (record) => {
    const job = expiredErasureJob(record);
    if (job !== undefined) {
      await deps().finishErasure?.(job);
      return;
    }
    const change = shortageChangeOf(record);
    if (change === undefined) return;
    await makeApplyShortageChange(deps())(change.eventId, change.before, change.after);
  });
}

let finishErasure: ((job: ErasureJob) => Promise<unknown>) | undefined;

/** The Lambda handler on the table's stream. */
export const handler = makeStreamHandler(() => ({
  shortage: getContainer().shortage,
  finishErasure: (finishErasure ??= makeFinishErasure({ ...getActionDeps(), campaignsChanged })),
}));
