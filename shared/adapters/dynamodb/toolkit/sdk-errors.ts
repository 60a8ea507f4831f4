import {
  ConditionalCheckFailedException,
  LimitExceededException,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
  RequestLimitExceeded,
  ThrottlingException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';

/**
 * The one place that recognises the DynamoDB SDK's failures. The SDK's exception classes are
 * checked with `instanceof`; the wire `name` is the fallback for an error that crossed a second
 * copy of the SDK or was built by a test, so call sites never compare name strings themselves.
 */

type ExceptionClass = abstract new (...args: never[]) => Error;

/** Whether `err` is an instance of the SDK class, or carries the name the SDK gives it. */
function is(err: unknown, type: ExceptionClass, name: string): boolean {
  return err instanceof type || (err instanceof Error && err.name === name);
}

/** Why each item of a cancelled transaction failed (`None` for an item that did not). */
export type CancellationCode = 'ConditionalCheckFailed' | 'TransactionConflict' | 'ThrottlingError' | 'ItemCollectionSizeLimitExceeded' | 'ValidationError' | 'None' | (string & {});

/** A single-item write whose condition failed. */
export const isConditionFailed = (err: unknown): boolean => is(err, ConditionalCheckFailedException, 'ConditionalCheckFailedException');

/** The cancellation reason codes of a cancelled transaction, in item order; empty for any other error. */
export function cancellationCodes(err: unknown): CancellationCode[] {
  if (!is(err, TransactionCanceledException, 'TransactionCanceledException')) return [];
  return ((err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
}

/** A write lost to a concurrent transaction on the same item: worth trying again. */
export const isTransactionConflict = (err: unknown): boolean =>
  is(err, TransactionConflictException, 'TransactionConflictException') || cancellationCodes(err).includes('TransactionConflict');

/** A request refused for throughput (table, account or control-plane limits), alone or inside a transaction. */
export const isThrottled = (err: unknown): boolean =>
  is(err, ProvisionedThroughputExceededException, 'ProvisionedThroughputExceededException') ||
  is(err, ThrottlingException, 'ThrottlingException') ||
  is(err, RequestLimitExceeded, 'RequestLimitExceeded') ||
  is(err, LimitExceededException, 'LimitExceededException') ||
  cancellationCodes(err).includes('ThrottlingError');

/** A failed condition, on a single write or on any item of a transaction. */
export const isConditionLost = (err: unknown): boolean => isConditionFailed(err) || cancellationCodes(err).includes('ConditionalCheckFailed');

/** The table (or index) named does not exist (a local table not created yet, a wrong `--table`). */
export const isTableMissing = (err: unknown): boolean => is(err, ResourceNotFoundException, 'ResourceNotFoundException');
