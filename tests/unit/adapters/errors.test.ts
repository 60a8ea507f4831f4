import { describe, expect, it } from 'vitest';
import { translateDynamoError } from '../../../shared/adapters/dynamodb/errors.js';
import { ConflictError, ServiceBusyError } from '../../../shared/domain/errors.js';

const sdkError = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });

describe('translateDynamoError', () => {
  it('turns failed conditions, also inside transactions, into ConflictError', () => {
    expect(translateDynamoError(sdkError('ConditionalCheckFailedException'), 'x')).toBeInstanceOf(ConflictError);
    expect(translateDynamoError(sdkError('TransactionCanceledException', { CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }] }), 'x')).toBeInstanceOf(ConflictError);
  });

  it('turns throttling into ServiceBusyError with a retry hint', () => {
    const busy = translateDynamoError(sdkError('ProvisionedThroughputExceededException'), 'x');
    expect(busy).toBeInstanceOf(ServiceBusyError);
    expect((busy as ServiceBusyError).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('passes anything else through unchanged', () => {
    const other = sdkError('ValidationException');
    expect(translateDynamoError(other, 'x')).toBe(other);
  });
});
