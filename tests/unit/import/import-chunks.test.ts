import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.js';
import type { RawRow } from '../../../shared/import/read-rows.js';
import type { RecordChange } from '../../../shared/ports/record-store.js';
import { makeImportRecords } from '../../../shared/use-cases/import-records.js';
import { MemoryRecordStore } from '../recommend/fakes.js';

const bureau: Caller = { sub: 'bureau-chunks', role: 'bureau', region: 'national' };
const clock = { now: () => new Date('2026-03-01T00:00:00Z') };

async function* rows(count: number, onRead?: (line: number) => void): AsyncIterable<RawRow> {
  for (let i = 0; i < count; i++) {
    onRead?.(i + 2);
    yield { line: i + 2, value: { ref: `D-${i}`, employer: '某公司', title: '数据标注员', requiredSkills: ['数据标注'], region: '110108', headcount: 1 } };
  }
}

/** A store whose saveMany waits until released, recording what happened meanwhile. */
class SlowStore extends MemoryRecordStore {
  readonly events: string[] = [];
  failOn: number | undefined;
  private batches = 0;
  override async saveMany(changes: readonly RecordChange[]): Promise<void> {
    const batch = ++this.batches;
    this.events.push(`write ${batch} starts`);
    await new Promise((r) => setTimeout(r, 20));
    if (batch === this.failOn) throw new Error(`write ${batch} failed`);
    await super.saveMany(changes);
    this.events.push(`write ${batch} ends`);
  }
}

describe('import in chunks', () => {
  it('reads and checks the next chunk while one is written, one write at a time, and lands every row', async () => {
    const store = new SlowStore();
    const progress: number[] = [];

    const summary = await makeImportRecords('demand', { store, clock })(
      bureau,
      rows(25, (line) => store.events.push(`read ${line}`)),
      { format: 'jsonl', chunkSize: 10, onProgress: (n) => progress.push(n) },
    );

    expect(summary).toMatchObject({ rows: 25, written: 25, unchanged: 0, rejected: [] });
    expect([...store.records.values()].filter((r) => r.kind === 'demand')).toHaveLength(25);
    // Rows of the second chunk were read while the first was being written …
    const e = store.events;
    expect(e.indexOf('read 13')).toBeGreaterThan(e.indexOf('write 1 starts'));
    expect(e.indexOf('read 13')).toBeLessThan(e.indexOf('write 1 ends'));
    // … but a write starts only once the one before it ended.
    expect(e.filter((x) => x.startsWith('write'))).toEqual(['write 1 starts', 'write 1 ends', 'write 2 starts', 'write 2 ends', 'write 3 starts', 'write 3 ends']);
    expect(progress).toEqual([10, 20, 25, 25]);
  });

  it('fails with the failed write’s error, and starts no write after it', async () => {
    const store = new SlowStore();
    store.failOn = 1;

    const outcome = await makeImportRecords('demand', { store, clock })(bureau, rows(35), { format: 'jsonl', chunkSize: 10 }).catch((err: Error) => err.message);

    expect(outcome).toBe('write 1 failed');
    expect(store.events.filter((x) => x.startsWith('write'))).toEqual(['write 1 starts']);
  });
});
