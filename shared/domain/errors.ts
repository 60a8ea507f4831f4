/**
 * Domain errors. Only `functions/http/to-http-error.ts` maps them to HTTP statuses; the core
 * never knows about status codes.
 */

/** One bad field, as a JSON Pointer into the input (`/3/headcount`) and a sentence for people. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** Base class of every error the core throws on purpose. */
export class DomainError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input breaks the contract; `errors` names every bad field. */
export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly errors: readonly FieldIssue[],
  ) {
    super(message);
  }
}

/** The body is not JSON at all. */
export class MalformedBodyError extends DomainError {}

/** The body is not `application/json`. */
export class UnsupportedMediaTypeError extends DomainError {}

/** The body is larger than the route accepts. */
export class PayloadTooLargeError extends DomainError {
  constructor(readonly limitBytes: number) {
    super(`The body is larger than ${limitBytes} bytes.`);
  }
}

/** No valid credentials. */
export class UnauthorizedError extends DomainError {}

/** The caller is known but may not do this; `errors` names the fields that made it so, when some did. */
export class ForbiddenError extends DomainError {
  constructor(
    message: string,
    readonly errors: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** Absent, or present but not visible to the caller: the two are deliberately indistinguishable. */
export class NotFoundError extends DomainError {}

/** A concurrent write won the race (a DynamoDB condition failed). */
export class ConflictError extends DomainError {}

/** `If-Match` named a version that is no longer current. */
export class PreconditionFailedError extends DomainError {}

/** The store is throttling and retries ran out; the caller should come back later. */
export class ServiceBusyError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The caller used up an allowance (invitations a day); `retryAfterSeconds` says when it renews. */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
