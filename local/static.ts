import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { ROUTES } from '#functions/routes.js';
import { ROLES } from '#shared/domain/caller.js';
import { normaliseRegion } from '#shared/regions/regions.js';
import { contentSecurityPolicy, SECURITY_HEADERS, type PagesConfig } from '../web/hosting.js';
import { signDevToken } from './dev-token.js';

/**
 * The web pages beside the API, for the local server only (its `extra` hook runs before the API
 * routes):
 *
 * - `GET /config.json` tells the pages how to sign in (`PagesConfig`, web/hosting.ts). Locally
 *   `{ "auth": "dev" }`. In AWS the pages are served from a bucket behind CloudFront whose
 *   `/config.json` the CDK app writes at deploy time (infra/web-stack.ts): the Cognito hosted UI's
 *   URL and web client id (or an OIDC issuer), which the pages sign in through (authorization code
 *   with PKCE, web/src/auth/cognito.ts).
 * - Every page carries the same Content-Security-Policy and security headers as in AWS
 *   (web/hosting.ts), so the browser tests run the pages under the production policy.
 * - `POST /dev/token` `{ role, sub, region? }` signs a dev token (local/dev-token.ts). It is not in
 *   functions/routes.ts, so it never becomes a Lambda route: in AWS only Cognito issues tokens.
 * - Files of `web/dist/`, and `index.html` for any other GET that accepts HTML (the pages route on
 *   the client). A path that belongs to the API (any route pattern or first path segment of the
 *   route table or the contract) is never answered here, so pages can never shadow the API.
 */

const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));
const DIST = join(WEB_ROOT, 'dist');
const LOCK = join(WEB_ROOT, '.build-lock');

/** First path segments the API owns: from the route table, plus the contract's routes still being written. */
const API_SEGMENTS = new Set([...ROUTES.map((r) => r.path.split('/')[1]!), 'demands', 'learners', 'courses', 'skills', 'insights', 'campaigns', 'health', 'openapi.json']);
const API_PATTERNS = ROUTES.map((r) => new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`));

/** Whether a path belongs to the API rather than to the pages. */
export const isApiPath = (pathname: string): boolean => API_SEGMENTS.has(pathname.split('/')[1] ?? '') || API_PATTERNS.some((p) => p.test(pathname));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.csv']);

/**
 * What a browser may do on the pages: the policy CloudFront sends in AWS (web/hosting.ts), less
 * the sign-in provider's origin, which the local dev sign-in does not contact.
 */
const PAGE_HEADERS = { 'content-security-policy': contentSecurityPolicy(), ...SECURITY_HEADERS };

/** Locally the pages sign in with dev tokens (`POST /dev/token`). */
const LOCAL_CONFIG: PagesConfig = { auth: 'dev' };

// ---------------------------------------------------------------------------------------------
// Build on start

/** Newest modification time under the page sources (src, index.html, the Vite config). */
function newestSource(): number {
  let newest = 0;
  const visit = (path: string) => {
    const s = statSync(path);
    if (s.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const entry of ['src', 'hosting.ts', 'index.html', 'vite.config.ts', 'tsconfig.json']) if (existsSync(join(WEB_ROOT, entry))) visit(join(WEB_ROOT, entry));
  return newest;
}

const isFresh = (): boolean => existsSync(join(DIST, 'index.html')) && statSync(join(DIST, 'index.html')).mtimeMs >= newestSource();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock directory (mkdir is atomic): several servers started at once (tests) build once. */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock older than three minutes belongs to a build that died.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 180_000 || Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export type BuildOutcome = 'fresh' | 'built' | 'failed' | 'unavailable';

/**
 * Builds `web/dist/` with Vite when it is missing or older than `web/src/`, so `npm start` on a
 * fresh checkout serves the pages. The build goes to a temporary folder and replaces `dist` in
 * one rename, so a server reading `dist` never sees half a build. A failed build leaves the API
 * running: the pages are an addition, not a reason to refuse to start.
 */
export async function ensureWebBuild(log: (line: string) => void = () => undefined): Promise<BuildOutcome> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) return 'unavailable';
  if (isFresh()) return 'fresh';
  return withBuildLock(async () => {
    if (isFresh()) return 'fresh';
    let vite: typeof import('vite');
    try {
      vite = await import('vite');
    } catch {
      log('Web pages: Vite is not installed (npm ci installs it), so web/dist/ cannot be built; the API runs without pages.');
      return 'unavailable';
    }
    const tmp = join(WEB_ROOT, `.dist-${process.pid}-${Date.now()}`);
    log('Web pages: building web/dist/ …');
    // Vite builds for development when NODE_ENV says so (vitest sets "test", which children
    // inherit): that would ship Preact's debug hooks. The pages are always a production build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await vite.build({ root: WEB_ROOT, configFile: join(WEB_ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
      rmSync(DIST, { recursive: true, force: true });
      renameSync(tmp, DIST);
      return 'built';
    } catch (err) {
      log(`Web pages: the build failed (${(err as Error).message.split('\n')[0]}); the API runs without pages.`);
      return 'failed';
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Answers

function sendJson(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

function sendProblem(res: ServerResponse, status: number, title: string, detail: string, errors?: Array<{ path: string; message: string }>): void {
  sendJson(res, status, { type: `/problems/${title.toLowerCase().replaceAll(' ', '-')}`, title, status, detail, ...(errors ? { errors } : {}) }, 'application/problem+json');
}

const DevTokenBodySchema = z
  .strictObject({
    role: z.enum(ROLES),
    sub: z
      .string()
      .trim()
      .min(1, 'Give a user name.')
      .max(64, 'At most 64 characters.')
      .regex(/^[\p{L}\p{N}._@-]+$/u, 'Use letters, digits and . _ @ - only.'),
    region: z.string().trim().max(60).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'bureau') {
      if (!body.region) ctx.addIssue({ code: 'custom', path: ['region'], message: 'Bureau staff need a region: a GB/T 2260 code, a name, or national.' });
      else if (!normaliseRegion(body.region)) ctx.addIssue({ code: 'custom', path: ['region'], message: `"${body.region}" is not a known region.` });
    }
  });

const MAX_TOKEN_BODY = 4_096;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a `host[:port]` names this machine's loopback interface. */
const isLoopbackHost = (host: string): boolean => {
  try {
    return LOOPBACK_HOSTS.has(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
};

/**
 * Whether a request for a dev token comes from this machine's own pages or tools: its Host must
 * be the loopback (a DNS-rebinding page reaches the server under its own domain name) and its
 * Origin, when a browser sends one, an http(s) origin on the loopback (another site's page must
 * not be able to mint tokens).
 */
export function isLoopbackRequest(headers: IncomingMessage['headers']): boolean {
  if (!headers.host || !isLoopbackHost(headers.host)) return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.host);
  } catch {
    return false;
  }
}

/** POST /dev/token: a token for a role and a name, as `npx skillbridge token` prints. Local only. */
async function devToken(req: IncomingMessage, res: ServerResponse, tokenKey: Uint8Array): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendProblem(res, 405, 'Method Not Allowed', `${req.method} is not served on /dev/token.`);
  }
  if (!isLoopbackRequest(req.headers)) return sendProblem(res, 403, 'Forbidden', 'Dev tokens are issued only to pages and tools on this machine (Host and Origin must be localhost).');
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return sendProblem(res, 415, 'Unsupported Media Type', 'Send application/json.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_TOKEN_BODY) return sendProblem(res, 413, 'Payload Too Large', `At most ${MAX_TOKEN_BODY} bytes.`);
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return sendProblem(res, 400, 'Malformed Body', 'The body is not valid JSON.');
  }
  const parsed = DevTokenBodySchema.safeParse(value);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: `/${i.path.map(String).join('/')}`, message: i.message }));
    return sendProblem(res, 422, 'Validation Error', 'Some fields are not valid.', errors);
  }
  const { role, sub } = parsed.data;
  const region = role === 'bureau' ? normaliseRegion(parsed.data.region!)!.code : undefined;
  const ttlSeconds = 43_200;
  const token = await signDevToken(tokenKey, { role, sub, region, ttlSeconds });
  sendJson(res, 201, { token, role, sub, ...(region ? { region } : {}), expiresIn: ttlSeconds });
}

const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>();

/** Serves one file of `web/dist/`, gzipped when the browser takes it (phones on slow networks). */
async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, mtimeMs: number): Promise<void> {
  const ext = extname(file);
  const isHtml = ext === '.html';
  const headers: Record<string, string> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // Hashed assets never change; index.html must be checked every time so a new build is seen.
    'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(isHtml ? PAGE_HEADERS : {}),
  };
  let body: Buffer = await readFile(file);
  if (COMPRESSIBLE.has(ext) && body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    const cached = gzipCache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) body = cached.body;
    else {
      const gz = gzipSync(body);
      gzipCache.set(file, { mtimeMs, body: gz });
      body = gz;
    }
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The file under `web/dist/` a URL path names, or undefined (never a path outside it). */
function distFile(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(DIST, decoded));
  return file.startsWith(DIST + sep) ? file : undefined;
}

export interface WebOptions {
  readonly tokenKey: Uint8Array;
  /** Build web/dist/ first when it is missing or stale. @default true */
  readonly build?: boolean;
  readonly log?: (line: string) => void;
}

/** The `extra` hook for `createLocalServer`: config, dev sign-in and the pages. */
export async function createWebExtra(options: WebOptions): Promise<(req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>> {
  if (options.build !== false) await ensureWebBuild(options.log ?? ((line) => process.stdout.write(`${line}\n`)));
  return async (req, res, url) => {
    const { pathname } = url;
    if (pathname === '/dev/token') {
      await devToken(req, res, options.tokenKey);
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (pathname === '/config.json') {
      sendJson(res, 200, LOCAL_CONFIG);
      return true;
    }
    if (isApiPath(pathname)) return false;

    const file = pathname === '/' ? join(DIST, 'index.html') : distFile(pathname);
    const found = file ? await stat(file).catch(() => undefined) : undefined;
    if (file && found?.isFile()) {
      await sendFile(req, res, file, found.mtimeMs);
      return true;
    }
    if (!String(req.headers.accept ?? '').includes('text/html')) return false;
    const index = join(DIST, 'index.html');
    const page = await stat(index).catch(() => undefined);
    if (!page) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' });
      res.end('The web pages are not built (web/dist/ is missing): run `npm run build:web`, then reload.\n网页还没有构建，请运行 npm run build:web 后刷新。\n');
      return true;
    }
    await sendFile(req, res, index, page.mtimeMs);
    return true;
  };
}
