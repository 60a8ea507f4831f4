import { ApiError, type Problem } from './problem.js';

/**
 * The one way the pages talk to the API (the routes of docs/api.md, nothing else): same origin, bearer token,
 * JSON in and out, problem JSON turned into `ApiError` with its field errors.
 */

export interface ApiAnswer<T> {
  readonly status: number;
  readonly data: T;
  readonly etag: string | undefined;
}

interface Hooks {
  token: () => string | undefined;
  lang: () => 'zh' | 'en';
  /** Called on 401 so the app can ask the person to sign in again. */
  onUnauthorized: () => void;
}

let hooks: Hooks = { token: () => undefined, lang: () => 'zh', onUnauthorized: () => undefined };

/** Wires the client to the session and language once, at start-up. */
export function configureApi(next: Hooks): void {
  hooks = next;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
  /** Read the answer as text (CSV) rather than JSON. */
  readonly text?: boolean;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': hooks.lang() === 'en' ? 'en' : 'zh-CN', ...options.headers };
  const token = hooks.token();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, ...(body !== undefined ? { body } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, undefined, (err as Error).message);
  }
  const type = res.headers.get('content-type') ?? '';
  const raw = await res.text();
  if (!res.ok) {
    let problem: Problem | undefined;
    if (type.includes('json') && raw) {
      try {
        problem = JSON.parse(raw) as Problem;
      } catch {
        problem = undefined;
      }
    }
    if (res.status === 401) hooks.onUnauthorized();
    throw new ApiError(res.status, problem, problem?.detail ?? `${res.status} ${res.statusText}`);
  }
  const data = (options.text ? raw : raw && type.includes('json') ? JSON.parse(raw) : undefined) as T;
  return { status: res.status, data, etag: res.headers.get('etag') ?? undefined };
}

export const get = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options);
export const post = <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body });
export const patch = <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body });

/** Query string from the defined values only. */
export const qs = (params: Record<string, string | number | undefined>): string => {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
};

/** Path segment, escaped: ids come from answers, but a page should never build a path from raw input. */
export const seg = (value: string): string => encodeURIComponent(value);
