/**
 * Small JSON values in the browser's storage. Drafts go to sessionStorage (this tab only: office
 * PCs are shared); ids the person will want next visit go to localStorage. Storage can be
 * refused (private mode, quota), so every call degrades to "not remembered".
 */
type Where = 'session' | 'local';

const store = (where: Where): Storage | undefined => {
  try {
    return where === 'session' ? sessionStorage : localStorage;
  } catch {
    return undefined;
  }
};

export function recall<T = string>(key: string, where: Where): T | undefined {
  try {
    const raw = store(where)?.getItem(key);
    return raw === null || raw === undefined ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export function remember(key: string, value: unknown, where: Where): void {
  try {
    store(where)?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or privacy settings: the value lives only as long as the page.
  }
}

export function forget(key: string, where: Where): void {
  try {
    store(where)?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}
