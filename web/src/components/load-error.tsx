import { Notice } from './form.js';
import { useI18n } from '../i18n/index.js';
import { isMissingRoute, problemTitle } from '../lib/errors.js';

/** A failed read, in words, with a retry; a route the service does not have yet says so plainly. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
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
    </Notice>
  );
}
