import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, Context, DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { makeStreamHandler } from '#functions/update-shortage.js';
import type { ShortageCounter } from '#shared/domain/shortage.js';
import type { ShortageWriter } from '#shared/ports/shortage.js';
import { demandRecord, learnerRecord } from '../../fixtures/shortage-records.js';

const context = { functionName: 'update-shortage', awsRequestId: 'test' } as Context;

/** A main item as the record store writes it. */
const item = (record: object & { kind: string; id: string }) => ({ pk: `${record.kind.toUpperCase()}#${record.id}`, sk: record.kind.toUpperCase(), entity: record.kind.toUpperCase(), ...record });

const image = (value: object | undefined) => (value ? (marshall(value, { removeUndefinedValues: true }) as Record<string, AttributeValue>) : undefined);

let sequence = 0;
const streamRecord = (eventID: string, oldItem: object | undefined, newItem: object | undefined): DynamoDBRecord => ({
  eventID,
  eventName: oldItem && newItem ? 'MODIFY' : newItem ? 'INSERT' : 'REMOVE',
  eventSource: 'aws:dynamodb',
  dynamodb: { SequenceNumber: String(++sequence).padStart(21, '0'), OldImage: image(oldItem), NewImage: image(newItem), StreamViewType: 'NEW_AND_OLD_IMAGES' },
});

/** A writer that remembers what it was asked to apply. */
function fakeWriter() {
  const calls: Array<{ eventId: string; delta: readonly ShortageCounter[] }> = [];
  const writer: ShortageWriter = {
    applyOnce: async (eventId, delta) => {
      calls.push({ eventId, delta });
      return { applied: 1, duplicates: 0 };
    },
    replaceAll: async () => ({ written: 0, deleted: 0 }),
  };
  return { calls, handler: makeStreamHandler(() => ({ shortage: writer })) };
}

describe('update-shortage handler', () => {
  it('applies a demand change as one delta under the stream record’s event id', async () => {
    // Prepare
    const { calls, handler } = fakeWriter();
    const before = demandRecord({ headcount: 2, preferredSkills: [] });
    const after = demandRecord({ headcount: 5, preferredSkills: [], version: 2 });

    // Act
    const result = await handler({ Records: [streamRecord('ev-1', item(before), item(after))] }, context);

    // Assess
    expect(result.batchItemFailures).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.eventId).toBe('ev-1');
    expect(calls[0]!.delta.find((c) => c.region === 'national')?.cells).toEqual({ 'd:never:3': 3 });
  });

  it('ignores index entries, courses and its own counters and markers', async () => {
    // Prepare
    const { calls, handler } = fakeWriter();
    const records = [
      streamRecord('ev-idx', undefined, { pk: 'IDX#DEMAND#x', sk: '110119#d_x', entity: 'INDEX', region: '110119' }),
      streamRecord('ev-course', undefined, { pk: 'COURSE#c_x', sk: 'COURSE', entity: 'COURSE', kind: 'course', region: '110000', skillsTaught: [] }),
      streamRecord('ev-counter', undefined, { pk: 'SHORTAGE#110119', sk: 'SKILL#x', entity: 'SHORTAGE', 'd:never:1': 1 }),
      streamRecord('ev-marker', { pk: 'SHORTAGE_EVENT#e', sk: 'CHUNK#0', entity: 'SHORTAGE_EVENT' }, undefined),
    ];

    // Act
    const result = await handler({ Records: records }, context);

    // Assess
    expect(result.batchItemFailures).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('reports a record it cannot read in batchItemFailures and still applies the others', async () => {
    // Prepare
    const { calls, handler } = fakeWriter();
    const { headcount: _dropped, ...broken } = demandRecord({ id: 'd_bbbbbbbbbbbbbbbbbbbb' });
    const bad = streamRecord('ev-bad', undefined, item(broken as typeof broken & { kind: string; id: string }));
    const good = streamRecord('ev-good', undefined, item(learnerRecord()));

    // Act
    const result = await handler({ Records: [bad, good] }, context);

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: bad.dynamodb!.SequenceNumber }]);
    expect(calls.map((c) => c.eventId)).toEqual(['ev-good']);
  });

  it('applies a deletion as the removal of the old image’s contribution', async () => {
    // Prepare
    const { calls, handler } = fakeWriter();
    const learner = learnerRecord({ region: '310115' });

    // Act
    await handler({ Records: [streamRecord('ev-del', item(learner), undefined)] }, context);

    // Assess
    expect(calls[0]!.delta.map((c) => [c.region, c.cells])).toEqual([
      ['310000', { 's:3': -1 }],
      ['310100', { 's:3': -1 }],
      ['310115', { 's:3': -1 }],
      ['national', { 's:3': -1 }],
    ]);
  });
});
