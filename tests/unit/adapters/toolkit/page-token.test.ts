import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoEngagementStore } from '../../../../shared/adapters/dynamodb/engagement-store.js';
import { decodePageToken, decodePartitionCursor, encodePageToken } from '../../../../shared/adapters/dynamodb/toolkit/page-token.js';
import { ValidationError } from '../../../../shared/domain/errors.js';

const skOf = (value: unknown) => {
  const sk = (value as { sk?: unknown } | null)?.sk;
  return typeof sk === 'string' && sk.startsWith('RESULT#') ? sk : undefined;
};

/** The ValidationError a call throws, or undefined. */
function rejection(call: () => unknown): ValidationError | undefined {
  try {
    call();
  } catch (err) {
    return err as ValidationError;
  }
  return undefined;
}

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
const ddb = mockClient(client);
beforeEach(() => ddb.reset());

describe('page tokens', () => {
  it('decode to the position they were made from', () => {
    // Prepare
    const token = encodePageToken({ sk: 'RESULT#l_abc' });

    // Act / Assess
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageToken(token, skOf)).toBe('RESULT#l_abc');
    expect(decodePartitionCursor(encodePageToken({ p: 2, k: { pk: 'A', sk: 'B' } }), 3)).toEqual({ p: 2, k: { pk: 'A', sk: 'B' } });
    expect(decodePartitionCursor(undefined, 3)).toEqual({ p: 0 });
  });

  it('refuse what the list did not issue with a ValidationError naming /nextToken', () => {
    const bad = [
      () => decodePageToken('not base64 json', skOf),
      () => decodePageToken(encodePageToken({ sk: 'ROSTER#l_abc' }), skOf),
      () => decodePageToken(encodePageToken('RESULT#l_abc'), skOf),
      () => decodePartitionCursor(encodePageToken({ p: 3 }), 3),
      () => decodePartitionCursor(encodePageToken({ p: -1 }), 3),
      () => decodePartitionCursor(encodePageToken({ p: 1.5 }), 3),
      () => decodePartitionCursor(encodePageToken({ p: 0, k: { pk: 1 } }), 3),
      () => decodePartitionCursor(encodePageToken({ p: 0, k: ['pk'] }), 3),
      () => decodePartitionCursor(encodePageToken(null), 3),
    ];
    for (const call of bad) {
      const err = rejection(call);
      expect(err).toBeInstanceOf(ValidationError);
      expect(err?.errors.map((e) => e.path)).toEqual(['/nextToken']);
    }
  });

  it('are checked before a list reads anything (an engagement list given a partition it does not have)', async () => {
    // Prepare
    const store = new DynamoEngagementStore(client, 't');
    const forged = encodePageToken({ p: 7, k: { pk: 'APPLICATIONS#PROV#11', sk: 'x' } });

    // Act
    const listing = store.list('application', { learnerId: 'l_a' }, { limit: 10, nextToken: forged });

    // Assess
    await expect(listing).rejects.toBeInstanceOf(ValidationError);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
