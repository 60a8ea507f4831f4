import type { PagesConfig } from '../../hosting.js';

/**
 * Who is signed in. The page only reads the token's claims to choose what to show; the API checks
 * the signature. Locally the token comes from `POST /dev/token` (served by the local server only,
 * never deployed); in AWS the Cognito hosted UI issues it (see ./cognito.ts), and `/config.json`
 * says which of the two applies.
 *
 * The token lives in sessionStorage, not localStorage: bureau staff share office PCs, and a
 * closed tab should sign them out.
 */

export type Role = 'jobseeker' | 'employer' | 'bureau';

export interface Session {
  readonly token: string;
  readonly role: Role;
  readonly sub: string;
  /** Bureau staff: the GB/T 2260 code they serve, or `national`. */
  readonly region: string | undefined;
  /** Seconds since the epoch. */
  readonly exp: number | undefined;
}

/** `/config.json` (web/hosting.ts): dev sign-in locally; the Cognito hosted UI or an OIDC provider in AWS. */
export type AuthConfig = PagesConfig;

const KEY = 'sb.session';
const ROLES: readonly Role[] = ['jobseeker', 'employer', 'bureau'];

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The session a token describes, or undefined when it is not a token we understand. */
export function sessionFromToken(token: string): Session | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
    const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]) : [];
    const role = groups.find((g): g is Role => ROLES.includes(g as Role));
    if (!role || typeof claims.sub !== 'string') return undefined;
    const region = typeof claims['custom:region'] === 'string' ? (claims['custom:region'] as string) : undefined;
    return { token, role, sub: claims.sub, region, exp: typeof claims.exp === 'number' ? claims.exp : undefined };
  } catch {
    return undefined;
  }
}

export function loadSession(): Session | undefined {
  try {
    const token = sessionStorage.getItem(KEY);
    const session = token ? sessionFromToken(token) : undefined;
    if (session?.exp && session.exp * 1000 < Date.now()) return undefined;
    return session;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  try {
    if (session) sessionStorage.setItem(KEY, session.token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the session lasts until the page reloads.
  }
}

let configPromise: Promise<AuthConfig> | undefined;

/** `/config.json`: `{ auth: "dev" }` locally; the sign-in provider and client id in AWS. */
export function authConfig(): Promise<AuthConfig> {
  configPromise ??= fetch('/config.json', { headers: { accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<AuthConfig>) : { auth: 'dev' as const }))
    .catch(() => ({ auth: 'dev' as const }));
  return configPromise;
}

export interface DevSignIn {
  readonly role: Role;
  readonly sub: string;
  readonly region?: string;
}
