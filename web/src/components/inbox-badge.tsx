import { useEffect, useState } from 'preact/hooks';
import { INBOX_CHANGED, readInbox } from '../api/action.js';
import { useI18n } from '../i18n/index.js';
import { Link } from '../lib/router.js';

/** How often the badge asks again while the page stays open (events arrive without a page change). */
const REFRESH_MS = 60_000;

/**
 * The header's link to the inbox with the unread count (GET /inbox, one event: the count comes
 * with it). Asked again on every navigation, when a page marks something read, when the tab
 * comes back into view, and once a minute.
 */
export function InboxBadge({ path, current }: { path: string; current: boolean }) {
  const { t } = useI18n();
  const [unread, setUnread] = useState<number>();
  const [round, setRound] = useState(0);

  useEffect(() => {
    const again = () => setRound((n) => n + 1);
    const visible = () => document.visibilityState === 'visible' && again();
    window.addEventListener(INBOX_CHANGED, again);
    document.addEventListener('visibilitychange', visible);
    const timer = window.setInterval(again, REFRESH_MS);
    return () => {
      window.removeEventListener(INBOX_CHANGED, again);
      document.removeEventListener('visibilitychange', visible);
      window.clearInterval(timer);
    };
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    readInbox(undefined, ctrl.signal, 1)
      .then((page) => !ctrl.signal.aborted && setUnread(page.unread))
      // No count is better than a wrong one; the inbox page itself says what went wrong.
      .catch(() => !ctrl.signal.aborted && setUnread(undefined));
    return () => ctrl.abort();
  }, [path, round]);

  const label = unread ? t.inboxUnread(unread) : t.navInbox;
  return (
    <Link href="/messages" class="inbox-link" aria-label={label} aria-current={current ? 'page' : undefined} data-unread={unread ?? ''}>
      {t.navInbox}
      {unread ? (
        <span class="count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
