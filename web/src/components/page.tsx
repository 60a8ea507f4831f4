import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/index.js';

/**
 * A page's heading and title. On every navigation focus moves to the heading, so keyboard and
 * screen-reader users start at the new page's top rather than on a link that no longer exists.
 */
export function Page({ title, children, intro }: { title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title}${t.dot}${t.appName}`;
  }, [title, t]);
  useEffect(() => {
    // Not on the first load: the browser's own start position is right there.
    if (performance.getEntriesByName('sb:navigated').length > 0) heading.current?.focus();
    performance.mark('sb:navigated');
  }, []);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {intro ? <p class="muted">{intro}</p> : null}
      {children}
    </>
  );
}

/**
 * Marks the moment a page shows what it is for (its data, not a spinner): the budget bench
 * reads `sb:ready` and the e2e tests wait for `data-ready`.
 */
export function useReady(name: string, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    document.documentElement.dataset.ready = name;
    if (performance.getEntriesByName('sb:ready').length === 0) performance.mark('sb:ready', { detail: name });
    return () => {
      delete document.documentElement.dataset.ready;
    };
  }, [name, ready]);
}
