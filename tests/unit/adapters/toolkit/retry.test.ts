import { describe, expect, it } from 'vitest';
import { drain, fullJitter, retrying } from '../../../../shared/adapters/dynamodb/toolkit/retry.js';
import { ServiceBusyError } from '../../../../shared/domain/errors.js';

/** A sleep that records the pauses asked for and waits for none. */
function recordingSleep() {
  const pauses: number[] = [];
  return { pauses, sleep: async (ms: number) => void pauses.push(ms) };
}

const failing = (name: string) => Object.assign(new Error(name), { name });

describe('fullJitter', () => {
  it('draws the pause from zero up to base × 2^attempt, never beyond the cap', () => {
    // Prepare
    const top = () => 0.999_999;

    // Act
    const pauses = [1, 2, 3, 10].map((attempt) => fullJitter(attempt, { baseMs: 25, capMs: 150, random: top }));

    // Assess
    expect(pauses[0]).toBeCloseTo(50, 2);
    expect(pauses[1]).toBeCloseTo(100, 2);
    expect(pauses[2]).toBeCloseTo(150, 2);
    expect(pauses[3]).toBeCloseTo(150, 2);
    expect(fullJitter(4, { baseMs: 25, random: () => 0 })).toBe(0);
  });
});

describe('retrying', () => {
  it('retries a retryable failure after a jittered pause and answers the first success', async () => {
    // Prepare
    const { pauses, sleep } = recordingSleep();
    let calls = 0;

    // Act
    const answer = await retrying(
      async (attempt) => {
        calls += 1;
        if (attempt < 3) throw failing('TransactionConflictException');
        return 'written';
      },
      { attempts: 5, retryable: () => true, sleep, random: () => 0.5, baseMs: 10 },
    );

    // Assess
    expect(answer).toBe('written');
    expect(calls).toBe(3);
    expect(pauses).toEqual([10, 20]);
  });

  it('throws a failure that is not retryable at once, without pausing', async () => {
    const { pauses, sleep } = recordingSleep();
    let calls = 0;

    await expect(
      retrying(
        async () => {
          calls += 1;
          throw failing('ValidationException');
        },
        { attempts: 5, retryable: (err) => (err as Error).name === 'ThrottlingException', sleep },
      ),
    ).rejects.toThrow('ValidationException');
    expect(calls).toBe(1);
    expect(pauses).toEqual([]);
  });

  it('throws the last failure once the attempts are used up', async () => {
    const { pauses, sleep } = recordingSleep();
    let calls = 0;

    await expect(
      retrying(
        async () => {
          calls += 1;
          throw failing(`ThrottlingException ${calls}`);
        },
        { attempts: 4, retryable: () => true, sleep },
      ),
    ).rejects.toThrow('ThrottlingException 4');
    expect(calls).toBe(4);
    expect(pauses).toHaveLength(3);
  });
});

describe('drain', () => {
  it('resends only what stayed unprocessed until nothing is left', async () => {
    // Prepare
    const { pauses, sleep } = recordingSleep();
    const sent: number[][] = [];
    const unprocessed = [[2, 3], [3], []];

    // Act
    await drain(
      [1, 2, 3],
      async (pending) => {
        sent.push([...pending]);
        return unprocessed[sent.length - 1]!;
      },
      { sleep },
    );

    // Assess
    expect(sent).toEqual([[1, 2, 3], [2, 3], [3]]);
    expect(pauses).toHaveLength(2);
  });

  it('gives up as busy after maxRounds resends', async () => {
    const { sleep } = recordingSleep();
    let sends = 0;

    const run = drain(
      ['a'],
      async (pending) => {
        sends += 1;
        return pending;
      },
      { sleep, maxRounds: 3 },
    );

    await expect(run).rejects.toBeInstanceOf(ServiceBusyError);
    expect(sends).toBe(4);
  });
});
