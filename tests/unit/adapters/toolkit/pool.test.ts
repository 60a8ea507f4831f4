import { describe, expect, it } from 'vitest';
import { mapPooled } from '../../../../shared/async/pool.js';

/** A call that finishes when the test says so. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('mapPooled', () => {
  it('keeps at most `concurrency` calls in flight and answers in item order', async () => {
    // Prepare
    const gates = Array.from({ length: 7 }, gate);
    let active = 0;
    let most = 0;
    const started: number[] = [];

    // Act
    const run = mapPooled([0, 1, 2, 3, 4, 5, 6], 3, async (item) => {
      started.push(item);
      active += 1;
      most = Math.max(most, active);
      await gates[item]!.opened;
      active -= 1;
      return item * 10;
    });
    await flush();
    const firstWave = [...started];
    // Finish them out of order: later items take the freed places.
    for (const i of [2, 0, 1, 5, 3, 4, 6]) {
      gates[i]!.open();
      await flush();
    }
    const out = await run;

    // Assess
    expect(firstWave).toEqual([0, 1, 2]);
    expect(most).toBe(3);
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60]);
  });

  it('starts no further call after one fails, and rejects with that failure', async () => {
    const started: number[] = [];

    const run = mapPooled([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      await flush();
      if (item === 1) throw new Error('item 1 failed');
      return item;
    });

    await expect(run).rejects.toThrow('item 1 failed');
    await flush();
    await flush();
    expect(started.length).toBeLessThan(6);
    expect(started).not.toContain(5);
  });

  it('answers an empty list without calling', async () => {
    let calls = 0;
    expect(await mapPooled([], 4, async () => ++calls)).toEqual([]);
    expect(calls).toBe(0);
  });
});
