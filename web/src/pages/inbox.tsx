import { useEffect, useState } from 'preact/hooks';
import { inboxChanged, markRead, readInbox, type InboxEvent } from '../api/action.js';
import type { Role } from '../auth/session.js';
import { useSession } from '../auth/context.js';
import { Notice } from '../components/form.js';
import { LoadError, LoadMore } from '../components/load-error.js';
import { Page, useReady } from '../components/page.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { Link } from '../lib/router.js';

type State = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'done'; items: InboxEvent[]; unread: number; nextToken?: string | undefined; more: 'idle' | 'loading' | { error: unknown } };

/** Where an event leads, for the reader's role: the page where they can act on it. */
function linkOf(role: Role, e: InboxEvent): string | undefined {
  if (role === 'jobseeker') return e.type === 'new_matching_job' ? '/seeker/search' : e.engagementId ? '/seeker/applications' : undefined;
  if (role === 'employer') return e.demandId ? `/employer/demands/${encodeURIComponent(e.demandId)}` : undefined;
  return e.type === 'campaign_finished' ? '/bureau/dashboard' : undefined;
}

/**
 * The signed-in user's inbox (GET /inbox): events newest first, unread ones marked and each
 * markable as read (POST /inbox/{id}/read); more load with `nextToken`. Served at `/messages`:
 * `/inbox` is the API's, and the local server never lets a page shadow an API path.
 */
export function InboxPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [state, setState] = useState<State>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const [marking, setMarking] = useState<string>();
  const [markError, setMarkError] = useState<unknown>();

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ state: 'loading' });
    readInbox(undefined, ctrl.signal)
      .then((page) => !ctrl.signal.aborted && setState({ state: 'done', items: [...page.items], unread: page.unread, nextToken: page.nextToken, more: 'idle' }))
      .catch((error: unknown) => !ctrl.signal.aborted && setState({ state: 'error', error }));
    return () => ctrl.abort();
  }, [round, lang]);
  useReady('inbox', state.state !== 'loading');

  const more = async () => {
    if (state.state !== 'done' || !state.nextToken) return;
    setState({ ...state, more: 'loading' });
    try {
      const page = await readInbox(state.nextToken);
      setState((s) => (s.state === 'done' ? { ...s, items: [...s.items, ...page.items.filter((e) => !s.items.some((x) => x.id === e.id))], nextToken: page.nextToken, more: 'idle' } : s));
    } catch (error) {
      setState((s) => (s.state === 'done' ? { ...s, more: { error } } : s));
    }
  };

  const read = async (id: string) => {
    setMarking(id);
    setMarkError(undefined);
    try {
      await markRead(id);
      setState((s) => (s.state === 'done' ? { ...s, unread: Math.max(0, s.unread - 1), items: s.items.map((e) => (e.id === id ? { ...e, read: true } : e)) } : s));
      inboxChanged();
    } catch (error) {
      setMarkError(error);
    } finally {
      setMarking(undefined);
    }
  };

  return (
    <Page title={t.inboxTitle}>
      {state.state === 'error' ? (
        <LoadError error={state.error} retry={() => setRound((n) => n + 1)} detail />
      ) : state.state === 'loading' ? (
        <p class="muted">{t.loading}</p>
      ) : state.items.length === 0 ? (
        <Notice>{t.inboxEmpty}</Notice>
      ) : (
        <>
          <p class="status-line" role="status">
            {t.inboxUnreadCount(state.unread)}
          </p>
          {markError ? <LoadError error={markError} detail /> : null}
          <ol class="results inbox">
            {state.items.map((e) => {
              const href = session ? linkOf(session.role, e) : undefined;
              return (
                <li key={e.id} class={e.read ? 'result event' : 'result event unread'} data-event={e.id} data-type={e.type}>
                  <h2 class="event-title">
                    {e.read ? null : <span class="badge status-sent">{t.unreadMark}</span>} {t.inboxType[e.type]}
                    {e.title ? `${t.colon}${e.title}` : ''}
                  </h2>
                  <p>{e.message}</p>
                  <p class="meta">
                    <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                  </p>
                  <div class="actions">
                    {href ? <Link href={href}>{t.inboxOpen}</Link> : null}
                    {e.read ? null : (
                      <button type="button" disabled={marking === e.id} aria-label={t.markReadFor(t.inboxType[e.type])} onClick={() => void read(e.id)}>
                        {t.markRead}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
          <LoadMore more={state.more} hasMore={!!state.nextToken} onMore={() => void more()} />
        </>
      )}
    </Page>
  );
}
