import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, Context, DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { makeStreamHandler } from '#functions/update-shortage.js';
import { erasureJobItem } from '#shared/adapters/dynamodb/erasure-jobs.js';
import type { ErasureJob } from '#shared/ports/erasures.js';
import type { ShortageWriter } from '#shared/ports/shortage.js';

const context = { functionName: 'update-shortage', awsRequestId: 'test' } as Context;
const JOB: ErasureJob = { learnerId: 'l_aaaaaaaaaaaaaaaaaaaa', accounts: ['js-1'], region: '110119', deletedAt: '2026-12-07T00:00:00.000Z' };
const TTL = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };

let sequence = 0;
const removal = (item: Record<string, unknown>, userIdentity?: object): DynamoDBRecord => ({
  eventID: `ev-${++sequence}`,
  eventName: 'REMOVE',
  eventSource: 'aws:dynamodb',
  ...(userIdentity ? { userIdentity } : {}),
  dynamodb: { SequenceNumber: String(sequence).padStart(21, '0'), OldImage: marshall(item) as Record<string, AttributeValue>, StreamViewType: 'NEW_AND_OLD_IMAGES' },
});

/** The stream handler over a shortage writer that must not be called and a finisher that remembers its jobs. */
function handlerWithFakes() {
  const finished: ErasureJob[] = [];
  const shortage: ShortageWriter = {
    applyOnce: async () => {
      throw new Error('no shortage change expected');
    },
    replaceAll: async () => ({ written: 0, deleted: 0 }),
  };
  const handler = makeStreamHandler(() => ({ shortage, finishErasure: async (job) => void finished.push(job) }));
  return { finished, handler };
}

describe('update-shortage handler on erasure jobs', () => {
  it('finishes the clean-up of a job that expired (a TTL deletion), from the job in the record', async () => {
    const { finished, handler } = handlerWithFakes();

    const result = await handler({ Records: [removal(erasureJobItem(JOB), TTL)] }, context);

    expect(result.batchItemFailures).toEqual([]);
    expect(finished).toEqual([JOB]);
  });

  it('leaves alone a job the clean-up itself deleted (no TTL principal), and other items TTL removes', async () => {
    const { finished, handler } = handlerWithFakes();

    const result = await handler(
      { Records: [removal(erasureJobItem(JOB)), removal({ pk: 'QUOTA#INVITE#emp', sk: 'DAY#2026-12-07', count: 3, ttl: 1 }, TTL), removal(erasureJobItem(JOB), { type: 'Service', principalId: 'someone.else' })] },
      context,
    );

    expect(result.batchItemFailures).toEqual([]);
    expect(finished).toEqual([]);
  });

  it('reports the record for a retry when the clean-up fails', async () => {
    const handler = makeStreamHandler(() => ({
      shortage: { applyOnce: async () => ({ applied: 0, duplicates: 0 }), replaceAll: async () => ({ written: 0, deleted: 0 }) },
      finishErasure: async () => {
        throw new Error('table unavailable');
      },
    }));
    const done = removal({ pk: 'QUOTA#INVITE#emp', sk: 'DAY#2026-12-07', count: 3, ttl: 1 }, TTL);
    const record = removal(erasureJobItem(JOB), TTL);

    const result = await handler({ Records: [done, record] }, context);

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: record.dynamodb!.SequenceNumber }]);
  });
});
