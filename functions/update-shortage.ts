import { shortageChangeOf } from '#shared/adapters/dynamodb/shortage-store.js';
import type { ShortageWriter } from '#shared/ports/shortage.js';
import { makeApplyShortageChange } from '#shared/use-cases/shortage.js';
import { backgroundHandler, dynamoStreamRecords } from './background/background-handler.js';
import { getContainer } from './container.js';

/**
 * DynamoDB Streams → shortage counters, over whatever writer `deps` gives (read on first use).
 *
 * A demand's or learner's change becomes a counter delta applied once per event id; records
 * about anything else are done as soon as they are read. Records run one after another in stream
 * order (they share hot counters, and a failure should not race ahead); one that fails is
 * reported in `batchItemFailures`, so Lambda retries from it and redelivers the rest, which their
 * markers turn into no-ops.
 */
export function makeStreamHandler(deps: () => { shortage: ShortageWriter }) {
  return backgroundHandler({ name: 'update-shortage', source: dynamoStreamRecords, inOrder: true }, async (record) => {
    const change = shortageChangeOf(record);
    if (change === undefined) return;
    await makeApplyShortageChange(deps())(change.eventId, change.before, change.after);
  });
}

/** The Lambda handler on the table's stream. */
export const handler = makeStreamHandler(getContainer);
