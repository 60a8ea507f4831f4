import { ServiceBusyError } from '../../../domain/errors.js';

/**
 * Retries with exponential backoff and full jitter (a pause drawn uniformly from zero to
 * min(cap, base × 2^attempt)): the AWS Architecture Blog's advice for contended writers, which
 * spreads retries of many workers that failed together. Two shapes: a call retried while its
 * error is worth it ({@link retrying}), and a batch whose unprocessed part is resent until none is
 * left ({@link drain}).
 */

export interface BackoffOptions {
  /** Pause scale: the first retry waits up to `baseMs` × 2. @default 25 */
  readonly baseMs?: number;
  /** Longest pause. @default 2_000 */
  readonly capMs?: number;
  /** Waits (tests pass one that does not). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1) (tests pass a fixed one). @default Math.random */
  readonly random?: () => number;
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The full-jitter pause before retry number `attempt` (1 for the first retry). */
export function fullJitter(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 25, capMs = 2_000, random = Math.random } = options;
  return random() * Math.min(capMs, baseMs * 2 ** attempt);
}

export interface RetryOptions extends BackoffOptions {
  /** Calls in all, the first included. */
  readonly attempts: number;
  /** Whether a failure is worth another attempt; any other is thrown at once. */
  readonly retryable: (err: unknown) => boolean;
}

/**
 * Calls `call` (with the attempt number, from 1) until it resolves; a failure `retryable` accepts
 * is retried after a full-jitter pause, up to `attempts` calls, and the last failure is thrown.
 */
export async function retrying<T>(call: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (err) {
      if (attempt >= options.attempts || !options.retryable(err)) throw err;
      await sleep(fullJitter(attempt, options));
    }
  }
}

export interface DrainOptions extends BackoffOptions {
  /** Resends of what stayed unprocessed before giving up. @default 8 */
  readonly maxRounds?: number;
  /** The failure thrown when some stay unprocessed. @default ServiceBusyError("<n> … stayed unprocessed …") */
  readonly giveUp?: (remaining: number, rounds: number) => Error;
}

/**
 * Sends `items` with `step`, which answers the part the service did not process (DynamoDB's
 * UnprocessedItems/UnprocessedKeys, SQS's failed entries), and resends that part after a
 * full-jitter pause until nothing is left; after `maxRounds` resends, throws (busy: come back later).
 */
export async function drain<T>(items: readonly T[], step: (pending: readonly T[]) => Promise<readonly T[]>, options: DrainOptions = {}): Promise<void> {
  const { maxRounds = 8, giveUp = (n, rounds) => new ServiceBusyError(`${n} requests stayed unprocessed after ${rounds} retries.`, 5) } = options;
  const sleep = options.sleep ?? defaultSleep;
  let pending = items;
  for (let round = 0; pending.length > 0; round++) {
    if (round > 0) {
      if (round > maxRounds) throw giveUp(pending.length, maxRounds);
      await sleep(fullJitter(round, { baseMs: 50, ...options }));
    }
    pending = await step(pending);
  }
}
