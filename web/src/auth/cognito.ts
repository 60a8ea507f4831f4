/**
 * Sign-in through the Cognito hosted UI (authorization code with PKCE), used when `/config.json`
 * says `auth: "cognito"`. The local server never says so: locally `POST /dev/token` stands in.
 * Not exercised by the tests here (there is no Cognito locally); it follows the hosted UI's
 * documented /oauth2/authorize and /oauth2/token endpoints.
 */

const VERIFIER = 'sb.pkce.verifier';
const STATE = 'sb.pkce.state';
const RETURN_PATH = '/signin/callback';

const base64Url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const randomString = (bytes = 32): string => base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

export interface CognitoConfig {
  readonly hostedUiUrl: string;
  readonly clientId: string;
  readonly scopes?: readonly string[];
}

const redirectUri = (): string => `${location.origin}${RETURN_PATH}`;

/** Sends the browser to the hosted UI; it comes back to /signin/callback with a code. */
export async function startHostedSignIn(config: CognitoConfig): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const url = new URL('/oauth2/authorize', config.hostedUiUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: (config.scopes ?? ['openid']).join(' '),
    state,
    code_challenge: base64Url(digest),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

export const isHostedCallback = (path: string): boolean => path === RETURN_PATH;

/**
 * Trades the code for tokens. The access token carries the scopes and groups the API's JWT
 * authorizer checks (the pre-token trigger adds them), so it is the one the pages send.
 */
export async function finishHostedSignIn(config: CognitoConfig, query: URLSearchParams): Promise<string> {
  const code = query.get('code');
  const state = query.get('state');
  const verifier = sessionStorage.getItem(VERIFIER);
  const expected = sessionStorage.getItem(STATE);
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  if (!code || !verifier || !state || state !== expected) throw new Error('The sign-in answer did not match this browser’s request.');
  const res = await fetch(new URL('/oauth2/token', config.hostedUiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code, redirect_uri: redirectUri(), code_verifier: verifier }).toString(),
  });
  if (!res.ok) throw new Error(`The token endpoint answered ${res.status}.`);
  const tokens = (await res.json()) as { access_token?: string };
  if (!tokens.access_token) throw new Error('The token endpoint sent no access token.');
  return tokens.access_token;
}
