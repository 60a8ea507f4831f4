import { ConditionalCheckFailedException, ProvisionedThroughputExceededException, TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { cancellationCodes, isConditionFailed, isConditionLost, isTableMissing, isThrottled, isTransactionConflict } from '../../../../shared/adapters/dynamodb/toolkit/sdk-errors.js';

const meta = { $metadata: {} };
const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });

describe('SDK errors', () => {
  it('recognises the SDK’s own exception classes', () => {
    // Prepare
    const condition = new ConditionalCheckFailedException({ message: 'no', ...meta });
    const throughput = new ProvisionedThroughputExceededException({ message: 'slow', ...meta });
    const conflict = new TransactionConflictException({ message: 'busy', ...meta });
    const cancelled = new TransactionCanceledException({ message: 'x', ...meta, CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }] });

    // Act / Assess
    expect(isConditionFailed(condition)).toBe(true);
    expect(isThrottled(throughput)).toBe(true);
    expect(isTransactionConflict(conflict)).toBe(true);
    expect(cancellationCodes(cancelled)).toEqual(['None', 'ConditionalCheckFailed']);
    expect(isConditionLost(cancelled)).toBe(true);
    expect(isConditionFailed(cancelled)).toBe(false);
  });

  it('recognises the same failures by the name the wire gives them (another SDK copy, a test double)', () => {
    expect(isConditionFailed(named('ConditionalCheckFailedException'))).toBe(true);
    expect(isThrottled(named('ThrottlingException'))).toBe(true);
    expect(isThrottled(named('RequestLimitExceeded'))).toBe(true);
    expect(isTableMissing(named('ResourceNotFoundException'))).toBe(true);
    expect(isTransactionConflict(named('TransactionCanceledException', { CancellationReasons: [{ Code: 'TransactionConflict' }] }))).toBe(true);
    expect(isThrottled(named('TransactionCanceledException', { CancellationReasons: [{}, { Code: 'ThrottlingError' }] }))).toBe(true);
    expect(cancellationCodes(named('TransactionCanceledException', { CancellationReasons: [{}] }))).toEqual(['None']);
  });

  it('answers no for anything else', () => {
    for (const err of [named('ValidationException'), new Error('boom'), 'ConditionalCheckFailedException', undefined, { name: 'ThrottlingException' }]) {
      expect(isConditionFailed(err)).toBe(false);
      expect(isConditionLost(err)).toBe(false);
      expect(isThrottled(err)).toBe(false);
      expect(isTransactionConflict(err)).toBe(false);
      expect(isTableMissing(err)).toBe(false);
      expect(cancellationCodes(err)).toEqual([]);
    }
  });
});
