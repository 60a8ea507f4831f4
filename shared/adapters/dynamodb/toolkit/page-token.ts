import { ValidationError } from '../../../domain/errors.js';

/**
 * The one page-token codec: a list's position (DynamoDB's LastEvaluatedKey, or more) as an opaque
 * base64url string, and back. Decoding validates the shape with the list's own check: a token
 * this list did not issue (edited, truncated, from another list) is bad input naming `/nextToken`,
 * never a DynamoDB error or a read of another partition.
 */

/** The position as a `nextToken`. */
export const encodePageToken = (position: unknown): string => Buffer.from(JSON.stringify(position)).toString('base64url');

/** The error a bad token answers (a 4xx problem naming `/nextToken`). */
export const badPageToken = (): ValidationError =>
  new ValidationError('The nextToken is not valid.', [{ path: '/nextToken', message: 'Not a token this list returned; start again without it.' }]);

/**
 * The position a `nextToken` holds, once `parse` accepts it (answering the typed position, or
 * undefined for a shape this list never issues).
 * @throws ValidationError for anything else
 */
export function decodePageToken<T>(token: string, parse: (value: unknown) => T | undefined): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badPageToken();
  }
  const position = parse(value);
  if (position === undefined) throw badPageToken();
  return position;
}

/** Whether a value is a plain object of string attributes (a key of this table's string keys). */
export const isStringKey = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

/** A position in a list read across partitions in turn (each province, each audience): which partition, and DynamoDB's key within it. */
export interface PartitionCursor {
  readonly p: number;
  readonly k?: Record<string, string>;
}

/** The cursor a `nextToken` of a list over `partitions` partitions holds; the first page without one. */
export function decodePartitionCursor(token: string | undefined, partitions: number): PartitionCursor {
  if (token === undefined) return { p: 0 };
  return decodePageToken(token, (value) => {
    const { p, k } = (typeof value === 'object' && value !== null ? value : {}) as { p?: unknown; k?: unknown };
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p >= partitions) return undefined;
    if (k !== undefined && !isStringKey(k)) return undefined;
    return k === undefined ? { p } : { p, k };
  });
}
