import { ShortageTally, shortageContribution, withoutExpired } from '../domain/shortage.js';
import type { Clock } from '../ports/clock.js';
import type { ShortageSourceReader, ShortageWriter } from '../ports/shortage.js';

/** What a rebuild read and wrote. */
export interface RebuildSummary {
  readonly demands: number;
  readonly learners: number;
  /** Counter items written. */
  readonly written: number;
  /** Counter items deleted because nothing counts for them any more. */
  readonly deleted: number;
}

/** What a rebuild reads from and writes to. */
export interface RebuildShortageDeps {
  readonly shortage: ShortageSourceReader & ShortageWriter;
  readonly clock: Clock;
  /** Called every so many records read, for a progress display. */
  readonly onProgress?: (recordsRead: number) => void;
}

/**
 * Recomputes every shortage counter from the demands and learners themselves and replaces the
 * stored counters with the result (stale ones deleted): the repair for counters that drifted
 * (a stream record that went to the dead-letter queue, a change to the model's weights).
 *
 * It reads the whole table through a paginated Scan. That is acceptable only because this is an
 * operator command (`skillbridge shortage rebuild`), never a request path. Changes made while it
 * runs may be missed or counted twice: run it with the stream consumer paused (disable the
 * event source mapping, then enable it: markers make the catch-up safe) or at a quiet time.
 */
export function makeRebuildShortage({ shortage, clock, onProgress }: RebuildShortageDeps) {
  return async (): Promise<RebuildSummary> => {
    const tally = new ShortageTally();
    let demands = 0;
    let learners = 0;
    for await (const record of shortage.scanSources()) {
      if (record.kind === 'demand') demands++;
      else learners++;
      tally.add(shortageContribution(record));
      if ((demands + learners) % 500 === 0) onProgress?.(demands + learners);
    }
    // Expired demand cells are never read, so the rebuild leaves them out and counters shrink.
    const { written, deleted } = await shortage.replaceAll(withoutExpired(tally.counters(), clock.now()));
    return { demands, learners, written, deleted };
  };
}
