import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.js';

type Loader<P> = () => Promise<ComponentType<P>>;
const cache = new Map<Loader<never>, ComponentType<never>>();

/**
 * A page loaded on first visit: each role downloads only its own pages, and charts only load on
 * the pages that draw them. (preact/compat's lazy would add its own weight for the same thing.)
 */
export function Lazy<P extends object>({ load, props }: { load: Loader<P>; props: P }) {
  const { t } = useI18n();
  const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => cache.get(load as Loader<never>) as ComponentType<P> | undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Component) return;
    let live = true;
    load()
      .then((c) => {
        cache.set(load as Loader<never>, c as ComponentType<never>);
        if (live) setComponent(() => c);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [load]);
  if (failed) return <p role="alert">{t.pageLoadFailed}</p>;
  if (!Component) return <p class="muted">{t.loading}</p>;
  return <Component {...props} />;
}
