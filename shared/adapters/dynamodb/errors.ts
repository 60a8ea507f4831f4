import { ConflictError, ServiceBusyError } from '../../domain/errors.js';

const THROTTLES = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'LimitExceededException']);

/** Whether any cancellation reason of a transaction is a failed condition. */
const conditionCancelled = (err: { name?: string; CancellationReasons?: Array<{ Code?: string }> }): boolean =>
  err.name === 'TransactionCanceledException' && (err.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');

/**
 * Translates the SDK's failures into domain errors: a lost condition is a conflict, throttling
 * that outlived the SDK's retries is "busy, come back later". Anything else passes through.
 */
export function translateDynamoError(err: unknown, what: string): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { CancellationReasons?: Array<{ Code?: string }> };
  if (e.name === 'ConditionalCheckFailedException' || conditionCancelled(e)) {
    return new ConflictError(`${what}: another write changed it first.`, { cause: err });
  }
  if (THROTTLES.has(e.name) || (e.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r.Code === 'ThrottlingError'))) {
    return new ServiceBusyError(`${what}: the database is busy.`, 2, { cause: err });
  }
  return err;
}
