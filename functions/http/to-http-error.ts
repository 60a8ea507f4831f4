import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  MalformedBodyError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  RateLimitedError,
  ServiceBusyError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
  type FieldIssue,
} from '#shared/domain/errors.js';

/** RFC 9457 problem details. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldIssue[];
}

export interface HttpError {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly problem: Problem;
}

const MAP: ReadonlyArray<[new (...a: never[]) => DomainError, number, string, string]> = [
  [ValidationError, 422, 'validation-error', 'Some fields are not valid'],
  [MalformedBodyError, 400, 'malformed-body', 'The body is not valid JSON'],
  [UnsupportedMediaTypeError, 415, 'unsupported-media-type', 'Send the body as application/json'],
  [PayloadTooLargeError, 413, 'payload-too-large', 'The body is too large'],
  [UnauthorizedError, 401, 'unauthorized', 'Sign in first'],
  [ForbiddenError, 403, 'forbidden', 'Not allowed'],
  [NotFoundError, 404, 'not-found', 'Not found'],
  [ConflictError, 409, 'conflict', 'Someone else changed this first'],
  [PreconditionFailedError, 412, 'precondition-failed', 'This has changed since you read it'],
  [RateLimitedError, 429, 'rate-limited', 'Too many requests for today'],
  [ServiceBusyError, 503, 'service-busy', 'Busy, please try again shortly'],
];

/**
 * The one place that knows HTTP statuses. Domain errors keep their message; anything else is a
 * 500 whose detail never carries internals.
 */
export function toHttpError(error: unknown): HttpError {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  for (const [cls, status, slug, title] of MAP) {
    if (error instanceof cls) {
      if (error instanceof ServiceBusyError || error instanceof RateLimitedError) headers['retry-after'] = String(error.retryAfterSeconds);
      if (error instanceof UnauthorizedError) headers['www-authenticate'] = 'Bearer';
      const errors = error instanceof ValidationError || (error instanceof ForbiddenError && error.errors.length > 0) ? { errors: error.errors } : {};
      return { statusCode: status, headers, problem: { type: `/problems/${slug}`, title, status, detail: error.message, ...errors } };
    }
  }
  return {
    statusCode: 500,
    headers,
    problem: { type: '/problems/internal', title: 'Something went wrong on our side', status: 500, detail: 'The error has been logged; please try again later.' },
  };
}
