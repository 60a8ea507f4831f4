import { ConflictError, ServiceBusyError } from '../../domain/errors.js';
import { isConditionLost, isThrottled } from './toolkit/sdk-errors.js';

/**
 * Translates the SDK's failures into domain errors: a lost condition is a conflict, throttling
 * that outlived the SDK's retries is "busy, come back later". Anything else passes through.
 * (Which SDK error is which is decided in toolkit/sdk-errors.ts alone.)
 */
export function translateDynamoError(err: unknown, what: string): unknown {
  if (!(err instanceof Error)) return err;
  if (isConditionLost(err)) return new ConflictError(`${what}: another write changed it first.`, { cause: err });
  if (isThrottled(err)) return new ServiceBusyError(`${what}: the database is busy.`, 2, { cause: err });
  return err;
}

/** Runs a call, turning the SDK's failures into domain errors about `what`. */
export async function run<T>(call: () => Promise<T>, what: string): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw translateDynamoError(err, what);
  }
}
