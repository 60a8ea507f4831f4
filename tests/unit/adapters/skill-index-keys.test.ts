import { describe, expect, it } from 'vitest';
import { keys } from '../../../shared/adapters/dynamodb/keys.js';

describe('skill-index keys', () => {
  it('read the region and record id back from an entry sort key, national included', () => {
    // Prepare
    const entries = [
      ['440305', 'l_abc'],
      ['national', 'd_xyz'],
      ['110000', 'l_1'],
    ] as const;

    // Act
    const read = entries.map(([region, id]) => keys.skillIndexEntryOf(keys.skillIndex('learner', 'welding', region, id).sk));

    // Assess
    expect(read).toEqual(entries.map(([region, recordId]) => ({ region, recordId })));
  });

  it('answer undefined for a sort key of another shape', () => {
    // Prepare
    const others = ['PRESENCE', '#l_1', '440305#', ''];

    // Act
    const read = others.map((sk) => keys.skillIndexEntryOf(sk));

    // Assess
    expect(read).toEqual([undefined, undefined, undefined, undefined]);
  });
});
