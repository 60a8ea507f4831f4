import { useEffect, useState } from 'preact/hooks';

export type Load<T> = { state: 'idle' } | { state: 'loading' } | { state: 'done'; data: T } | { state: 'error'; error: unknown };

/** Runs `fetcher` when `key` changes (skipped while it is undefined); the last answer wins. */
export function useLoad<T>(key: string | undefined, fetcher: (signal: AbortSignal) => Promise<T>): [Load<T>, () => void] {
  const [load, setLoad] = useState<Load<T>>(key === undefined ? { state: 'idle' } : { state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (key === undefined) {
      setLoad({ state: 'idle' });
      return;
    }
    const ctrl = new AbortController();
    setLoad({ state: 'loading' });
    fetcher(ctrl.signal)
      .then((data) => !ctrl.signal.aborted && setLoad({ state: 'done', data }))
      .catch((error: unknown) => !ctrl.signal.aborted && setLoad({ state: 'error', error }));
    return () => ctrl.abort();
  }, [key, round]);
  return [load, () => setRound((n) => n + 1)];
}
