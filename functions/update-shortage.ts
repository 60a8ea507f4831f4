import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { shortageChangeOf } from '#shared/adapters/dynamodb/shortage-store.js';
import type { ShortageWriter } from '#shared/ports/shortage.js';
import { makeApplyShortageChange } from '#shared/use-cases/shortage.js';
import { getContainer } from './container.js';
import { logger } from './http/observability.js';

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
  const processor = new BatchProcessor(EventType.DynamoDBStreams, { logger });
  const recordHandler = async (record: DynamoDBRecord): Promise<void> => {
    const change = shortageChangeOf(record);
    if (change === undefined) return;
    await makeApplyShortageChange(deps())(change.eventId, change.before, change.after);
  };
  return (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
    processPartialResponse(event, recordHandler, processor, { context, processInParallel: false });
}

/** The Lambda handler on the table's stream. */
export const handler = makeStreamHandler(getContainer);
