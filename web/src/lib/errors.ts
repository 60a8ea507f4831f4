import { ApiError } from '../api/problem.js';
import type { Messages } from '../i18n/zh.js';

/** A plain title for what went wrong, by status: people need to know what to do next, not the code. */
export function problemTitle(t: Messages, err: unknown): string {
  if (!(err instanceof ApiError)) return t.errUnknown;
  if (err.status === 0) return t.errNetwork;
  if (err.status === 401) return t.errSignedOut;
  if (err.status === 403) return t.errForbidden;
  if (err.status === 404 && err.problem?.detail?.startsWith('No route')) return t.errNotYet;
  if (err.status === 404) return t.errNotFound;
  if (err.status === 409) return t.errConflict;
  if (err.status === 412) return t.errStale;
  if (err.status === 413) return t.errTooLarge;
  if (err.status === 429) return t.errBusy;
  if (err.status >= 500) return t.errServer;
  return t.errInvalid;
}

/** Whether an error means "this route is not there yet" (other parts of the service are still being built). */
export const isMissingRoute = (err: unknown): boolean =>
  err instanceof ApiError && (err.status === 404 || err.status === 405) && (err.problem?.detail?.startsWith('No route') ?? false);

/** The error as the form summary wants it. */
export const asFormError = (t: Messages, err: unknown) => ({
  title: problemTitle(t, err),
  fieldErrors: err instanceof ApiError ? err.fieldErrors : new Map<string, string[]>(),
});
