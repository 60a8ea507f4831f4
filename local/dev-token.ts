import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { ROLE_SCOPES } from '#shared/domain/scopes.js';
import type { Role } from '#shared/domain/caller.js';

/**
 * Local sign-in only. In AWS, Cognito issues the tokens and the HTTP API's JWT authorizer checks
 * them; locally a random key kept in `.data/dev-token-key` (mode 0600, never committed) signs
 * tokens with the same claims.
 */

export const DEV_ISSUER = 'skillbridge-local';
export const DEV_AUDIENCE = 'skillbridge';

/** The local signing key, created on first use. `SKILLBRIDGE_DEV_TOKEN_KEY` (base64url) overrides it. */
export function devTokenKey(file: string): Uint8Array {
  const fromEnv = process.env.SKILLBRIDGE_DEV_TOKEN_KEY;
  if (fromEnv) return Buffer.from(fromEnv, 'base64url');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
}

export interface TokenRequest {
  readonly role: Role;
  readonly sub: string;
  readonly region?: string | undefined;
  /** @default 12 hours */
  readonly ttlSeconds?: number;
}

/** A token with the claims Cognito would carry: sub, cognito:groups, custom:region, scope. */
export function signDevToken(key: Uint8Array, request: TokenRequest): Promise<string> {
  return new SignJWT({
    'cognito:groups': [request.role],
    scope: ROLE_SCOPES[request.role].join(' '),
    ...(request.region ? { 'custom:region': request.region } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 43_200}s`)
    .sign(key);
}

/**
 * Verifies a token as the HTTP API JWT authorizer would (signature, issuer, audience, expiry); a
 * token without `exp` is refused, as the authorizer refuses it.
 */
export async function verifyDevToken(key: Uint8Array, token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, key, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp'] });
  return payload;
}
