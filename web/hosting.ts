/**
 * What serving the pages needs to know, in one place for both servers: the local server
 * (local/static.ts) and the CloudFront distribution of the CDK app (infra/web-stack.ts) send the
 * same security headers, so the browser tests prove the pages work under the policy that
 * production uses; and the shape of `/config.json`, which the local server answers and the CDK app
 * writes into the web bucket at deploy time.
 *
 * Plain TypeScript without DOM or Node types: the pages, the local server and the CDK app all
 * import it.
 */

/** Where the sign-in provider sends the browser back to with an authorization code. */
export const SIGN_IN_CALLBACK_PATH = '/signin/callback';

/** `/config.json`: how the pages sign people in. */
export type PagesConfig =
  | {
      /** Locally: pick a role and a name; the local server signs a token (`POST /dev/token`). */
      readonly auth: 'dev';
    }
  | {
      /** The Cognito hosted UI (authorization code with PKCE). */
      readonly auth: 'cognito';
      /** The hosted UI's base URL, e.g. https://skillbridge-prod.auth.ap-northeast-1.amazoncognito.com */
      readonly hostedUiUrl: string;
      /** The user pool's public web client. */
      readonly clientId: string;
      /** @default ['openid'] */
      readonly scopes?: readonly string[];
      /** Registered with the client as a callback URL. @default `<page origin>/signin/callback` */
      readonly redirectUri?: string;
    }
  | {
      /** Any other OpenID Connect provider (the China regions have no Cognito user pools): endpoints from its discovery document. */
      readonly auth: 'oidc';
      /** The `iss` of its tokens; `<issuer>/.well-known/openid-configuration` names the endpoints. */
      readonly issuer: string;
      readonly clientId: string;
      /** @default ['openid'] */
      readonly scopes?: readonly string[];
      /** @default `<page origin>/signin/callback` */
      readonly redirectUri?: string;
    };

/** What the pages may load and contact besides their own origin. */
export interface ContentSecurityOptions {
  /**
   * Origins the pages' scripts may fetch from besides their own: the sign-in provider's token
   * endpoint (and, for OIDC, its discovery document). @default none
   */
  readonly connect?: readonly string[];
}

/**
 * The Content-Security-Policy of the pages: scripts of the page's own origin only (no inline
 * script, no eval), API calls to the same origin plus the sign-in provider, no framing, no
 * plugins. Inline style attributes are allowed: the charts (uPlot) size and place their elements
 * with them, and a style attribute cannot run code.
 */
export function contentSecurityPolicy({ connect = [] }: ContentSecurityOptions = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The other security headers of every page; CloudFront sends them as its response headers policy's fields. */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

/** Strict-Transport-Security over https (CloudFront): two years, subdomains too. Browsers ignore it over http. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;
