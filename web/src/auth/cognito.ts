import { SIGN_IN_CALLBACK_PATH, type PagesConfig } from '../../hosting.js';

/**
 * Sign-in through the identity provider (authorization code with PKCE), used when `/config.json`
 * says `auth: "cognito"` (the Cognito hosted UI's documented /oauth2/authorize and /oauth2/token)
 * or `auth: "oidc"` (any OpenID Connect provider, endpoints from its discovery document: the
 * China regions have no Cognito user pools). The local server never says so: locally
 * `POST /dev/token` stands in. Not exercised by the browser tests (there is no provider locally).
 */

const VERIFIER = 'sb.pkce.verifier';
const STATE = 'sb.pkce.state';

/** The configurations that sign in through a provider. */
export type HostedConfig = Exclude<PagesConfig, { readonly auth: 'dev' }>;

const base64Url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const randomString = (bytes = 32): string => base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

/**
 * Where the provider sends the browser back: the configured callback when it is on this page's
 * origin, else this origin's (the PKCE verifier waits in this origin's sessionStorage).
 */
function redirectUri(config: HostedConfig): string {
  const own = `${location.origin}${SIGN_IN_CALLBACK_PATH}`;
  if (config.redirectUri === undefined) return own;
  try {
    return new URL(config.redirectUri).origin === location.origin ? config.redirectUri : own;
  } catch {
    return own;
  }
}

interface Endpoints {
  readonly authorize: string;
  readonly token: string;
}

let discovered: Promise<Endpoints> | undefined;

/** The provider's authorization and token endpoints. */
async function endpoints(config: HostedConfig): Promise<Endpoints> {
  if (config.auth === 'cognito') {
    return { authorize: new URL('/oauth2/authorize', config.hostedUiUrl).toString(), token: new URL('/oauth2/token', config.hostedUiUrl).toString() };
  }
  discovered ??= fetch(`${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } })
    .then(async (res) => {
      if (!res.ok) throw new Error(`The sign-in provider's discovery document answered ${res.status}.`);
      const doc = (await res.json()) as { authorization_endpoint?: unknown; token_endpoint?: unknown };
      if (typeof doc.authorization_endpoint !== 'string' || typeof doc.token_endpoint !== 'string') throw new Error('The discovery document names no authorization or token endpoint.');
      return { authorize: doc.authorization_endpoint, token: doc.token_endpoint };
    })
    .catch((err: unknown) => {
      discovered = undefined;
      throw err;
    });
  return discovered;
}

/** Sends the browser to the provider's sign-in page; it comes back to /signin/callback with a code. */
export async function startHostedSignIn(config: HostedConfig): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const { authorize } = await endpoints(config);
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const url = new URL(authorize);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(config),
    scope: (config.scopes ?? ['openid']).join(' '),
    state,
    code_challenge: base64Url(digest),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

export const isHostedCallback = (path: string): boolean => path === SIGN_IN_CALLBACK_PATH;

/**
 * Trades the code for tokens. The access token carries the scopes and groups the API's JWT
 * authorizer checks (Cognito's pre-token trigger adds them), so it is the one the pages send.
 */
export async function finishHostedSignIn(config: HostedConfig, query: URLSearchParams): Promise<string> {
  const code = query.get('code');
  const state = query.get('state');
  const verifier = sessionStorage.getItem(VERIFIER);
  const expected = sessionStorage.getItem(STATE);
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  if (!code || !verifier || !state || state !== expected) throw new Error('The sign-in answer did not match this browser’s request.');
  const { token } = await endpoints(config);
  const res = await fetch(token, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code, redirect_uri: redirectUri(config), code_verifier: verifier }).toString(),
  });
  if (!res.ok) throw new Error(`The token endpoint answered ${res.status}.`);
  const tokens = (await res.json()) as { access_token?: string };
  if (!tokens.access_token) throw new Error('The token endpoint sent no access token.');
  return tokens.access_token;
}
