import { randomBytes } from 'node:crypto';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../../functions/http/redact.js';
import { ROLE_SCOPES } from '../../../shared/domain/scopes.js';
import { DEV_AUDIENCE, DEV_ISSUER, signDevToken } from '../../../local/dev-token.js';
import { localEnvironment } from '../../../local/environment.js';
import { createLocalServer } from '../../../local/server.js';
import { createWebExtra, isLoopbackRequest } from '../../../local/static.js';

/**
 * The local server's edges (issue 17, items 4–6), without DynamoDB: every request here is
 * answered before a handler touches the table (or by handlers that never do).
 */

const key = randomBytes(32);
const lines: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  Object.assign(process.env, localEnvironment('http://127.0.0.1:9'), { POWERTOOLS_LOG_LEVEL: 'SILENT' });
  server = createLocalServer({ tokenKey: key, extra: await createWebExtra({ tokenKey: key, build: false }), log: (line) => lines.push(line) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request, so Host and Origin can be anything (fetch may not set Host). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('local server edges', () => {
  it('answers a malformed percent-encoding with 400 problem JSON and no stack', async () => {
    const token = await signDevToken(key, { role: 'employer', sub: 'emp-1' });
    lines.length = 0;

    const res = await fetch(`${base}/demands/%E0%A4%A`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { status: number; detail: string };

    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(body.status).toBe(400);
    expect(JSON.stringify(body)).not.toMatch(/URIError|at .*\.ts/);
    expect(lines.filter((l) => l.startsWith('local server error'))).toEqual([]);
  });

  it.each([
    ['signed with another key', () => signDevToken(randomBytes(32), { role: 'employer', sub: 'x' })],
    ['expired', () => new SignJWT({ 'cognito:groups': ['employer'], scope: ROLE_SCOPES.employer.join(' ') }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setIssuedAt(1_000).setExpirationTime(2_000).sign(key)],
    ['without exp', () => new SignJWT({ 'cognito:groups': ['employer'], scope: ROLE_SCOPES.employer.join(' ') }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setIssuedAt().sign(key)],
  ])('answers a token %s with 401 "invalid or expired token" only, and logs the reason', async (_name, make) => {
    lines.length = 0;

    const res = await fetch(`${base}/demands`, { headers: { authorization: `Bearer ${await make()}` } });
    const body = (await res.json()) as { detail: string };

    expect(res.status).toBe(401);
    expect(body.detail).toBe('invalid or expired token');
    expect(lines.some((l) => l.startsWith('token rejected'))).toBe(true);
  });

  it('sends Cache-Control: no-store and X-Content-Type-Options: nosniff on API answers, errors included', async () => {
    const ok = await fetch(`${base}/openapi.json`);
    const problem = await fetch(`${base}/demands`);

    for (const res of [ok, problem]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(problem.status).toBe(401);
  });

  it('answers HEAD on a GET route with the GET headers and no body', async () => {
    const get = await fetch(`${base}/openapi.json`);
    const getBody = await get.arrayBuffer();

    const head = await raw('HEAD', '/openapi.json', { host: '127.0.0.1' });

    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe(get.headers.get('content-type'));
    expect(Number(head.headers['content-length'])).toBe(getBody.byteLength);
  });

  it('logs request URLs redacted: no query string, no phone number or Chinese text from the path', async () => {
    lines.length = 0;

    await fetch(`${base}/skills?q=${encodeURIComponent('张三 13800138000')}`);
    await fetch(`${base}/learners/${encodeURIComponent('王五13912345678')}`);

    const logged = lines.join('\n');
    expect(logged).not.toMatch(/13800138000|13912345678|张三|王五|%E5%BC%A0/);
    expect(logged).toContain('/skills?[REDACTED]');
  });
});

describe('POST /dev/token origin checks', () => {
  const body = JSON.stringify({ role: 'jobseeker', sub: 'me' });

  it.each([
    ['a foreign Host (DNS rebinding)', { host: 'evil.example:3000' }],
    ['a foreign Origin', { host: '127.0.0.1', origin: 'http://evil.example' }],
    ['a null Origin', { host: 'localhost', origin: 'null' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const res = await raw('POST', '/dev/token', { 'content-type': 'application/json', ...headers }, body);

    expect(res.status).toBe(403);
    expect(res.body).not.toContain('token":');
  });

  it('issues a token to the loopback, with or without a loopback Origin', async () => {
    const plain = await raw('POST', '/dev/token', { 'content-type': 'application/json', host: '127.0.0.1:3000' }, body);
    const page = await raw('POST', '/dev/token', { 'content-type': 'application/json', host: 'localhost:3000', origin: 'http://localhost:3000' }, body);

    expect([plain.status, page.status]).toEqual([201, 201]);
  });

  it('knows the loopback names', () => {
    expect(isLoopbackRequest({ host: '[::1]:3000' })).toBe(true);
    expect(isLoopbackRequest({ host: 'localhost.evil.example' })).toBe(false);
    expect(isLoopbackRequest({})).toBe(false);
  });
});

describe('redactUrl', () => {
  it('replaces the query whole and masks identifiers in the path, even when the escape is malformed', () => {
    expect(redactUrl('/learners/l_abc?q=x')).toBe('/learners/l_abc?[REDACTED]');
    expect(redactUrl('/a/13800138000')).toBe('/a/[REDACTED:phone]');
    expect(redactUrl('/demands/%E0%A4%A')).toBe('/demands/%E0%A4%A');
  });
});
