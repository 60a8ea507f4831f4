import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { verifyDevToken } from '../../local/dev-token.js';
import { createLocalServer } from '../../local/server.js';
import { createWebExtra, isApiPath } from '../../local/static.js';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../../web/hosting.js';

/**
 * How the local server serves the pages beside the API (local/static.ts): the SPA fallback, the
 * API never shadowed, caching and compression, and the local-only sign-in routes.
 */

let server: Server;
let base: string;
const tokenKey = randomBytes(32);

beforeAll(async () => {
  server = createLocalServer({ tokenKey, extra: await createWebExtra({ tokenKey }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('local page serving', () => {
  it('serves index.html at / and for page paths, with the strict content security policy CloudFront sends', async () => {
    for (const path of ['/', '/signin', '/seeker/profile', '/seeker/search', '/seeker/applications', '/messages', '/employer/demands/d_abc', '/bureau/campaigns/new']) {
      const res = await fetch(`${base}${path}`, { headers: html });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      // The AWS policy less the sign-in provider's origin, which the local dev sign-in never contacts.
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
      expect(await res.text()).toContain('<div id="app">');
    }
  });

  it('never answers an API path with the page, even for routes not written yet', async () => {
    for (const path of ['/demands', '/learners/l_x', '/insights/shortage', '/campaigns/c1', '/campaigns/c1/results', '/openapi.json']) {
      const res = await fetch(`${base}${path}`, { headers: html });
      expect(res.headers.get('content-type'), path).not.toContain('text/html');
    }
    expect(isApiPath('/learners/l_x/matches')).toBe(true);
    expect(isApiPath('/seeker/jobs')).toBe(false);
    // The inbox page is /messages: /inbox and the other action-loop paths are the API's.
    for (const path of ['/inbox', '/jobs', '/applications', '/invitations/i_x/accept', '/me/profile']) expect(isApiPath(path), path).toBe(true);
    expect(isApiPath('/messages')).toBe(false);
  });

  it('answers unknown non-HTML requests as the API does, not with the page', async () => {
    const res = await fetch(`${base}/assets/missing.js`, { headers: { accept: '*/*' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('problem+json');
  });

  it('serves hashed assets immutable and gzipped', async () => {
    const assets = readdirSync(fileURLToPath(new URL('../../web/dist/assets/', import.meta.url))).filter((f) => f.endsWith('.js'));
    const res = await fetch(`${base}/assets/${assets[0]}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-type')).toContain('javascript');
  });

  it('ships a production build even when started under NODE_ENV=test (no Preact debug hooks)', () => {
    const dir = fileURLToPath(new URL('../../web/dist/assets/', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) expect(readFileSync(join(dir, file), 'utf8'), file).not.toContain('__PREACT_DEVTOOLS__');
  });

  it('never serves a file outside web/dist', async () => {
    const res = await fetch(`${base}/%2e%2e/package.json`, { headers: { accept: '*/*' } });
    expect(await res.text()).not.toContain('"name": "skillbridge"');
  });

  it('tells the pages to use the dev sign-in locally', async () => {
    const res = await fetch(`${base}/config.json`);
    expect(await res.json()).toEqual({ auth: 'dev' });
  });
});

describe('POST /dev/token', () => {
  const post = (body: unknown) => fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('signs a token the server accepts, with the region normalised to its code', async () => {
    const res = await post({ role: 'bureau', sub: 'officer-1', region: '北京市延庆区' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { token: string; region: string };
    expect(body.region).toBe('110119');
    const claims = await verifyDevToken(tokenKey, body.token);
    expect(claims).toMatchObject({ sub: 'officer-1', 'cognito:groups': ['bureau'], 'custom:region': '110119' });
  });

  it('names each bad field as problem JSON', async () => {
    const res = await post({ role: 'bureau', sub: 'has space' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('problem+json');
    const problem = (await res.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['/region', '/sub']);
    expect((await post({ role: 'admin', sub: 'x' })).status).toBe(422);
  });

  it('is local only: not in the Lambda route table, and POST only', async () => {
    expect(ROUTES.some((r) => r.path.startsWith('/dev') || (r.path as string) === '/config.json')).toBe(false);
    expect((await fetch(`${base}/dev/token`)).status).toBe(405);
  });
});
