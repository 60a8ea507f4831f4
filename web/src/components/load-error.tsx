import { Notice } from './form.js';
import { ApiError } from '../api/problem.js';
import { useI18n } from '../i18n/index.js';
import { isMissingRoute, problemTitle } from '../lib/errors.js';

/**
 * The service's own words on what went wrong (problem JSON `detail`), in the language it answered
 * (the request asks for the page's); nothing for a network error or a 5xx, whose detail says nothing useful.
 */
export function ProblemDetail({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError) || !error.problem?.detail || error.status >= 500) return null;
  return (
    <p class="problem-detail">
      {t.serverSays}
      {error.problem.detail}
    </p>
  );
}

/** A failed read, in words, with a retry; a route the service does not have yet says so plainly. */
export function LoadError({ error, retry, detail = false }: { error: unknown; retry?: () => void; detail?: boolean }) {
  const { t } = useI18n();
  if (isMissingRoute(error)) return <Notice kind="warn">{t.errNotYet}</Notice>;
  return (
    <Notice kind="error">
      {problemTitle(t, error)}{' '}
      {retry ? (
        <button type="button" onClick={retry}>
          {t.retry}
        </button>
      ) : null}
      {detail ? <ProblemDetail error={error} /> : null}
    </Notice>
  );
}

/** Reading a paged list's next page: idle, under way, or failed. */
export type MoreState = 'idle' | 'loading' | { readonly error: unknown };

/** The foot of a paged list: why its last page failed, and a button while the server has more. */
export function LoadMore({ more, hasMore, onMore }: { more: MoreState; hasMore: boolean; onMore: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {typeof more === 'object' ? <LoadError error={more.error} detail /> : null}
      {hasMore ? (
        <div class="actions">
          <button type="button" disabled={more === 'loading'} onClick={onMore}>
            {more === 'loading' ? t.loading : t.loadMore}
          </button>
        </div>
      ) : null}
    </>
  );
}
