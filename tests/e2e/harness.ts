import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * What the browser tests share: `npm start`'s entry point as a child process (in memory, free
 * ports), Debian's Chromium driven by playwright-core, an axe-core check, and screenshots at a
 * phone's and a desktop's width.
 */

const START = fileURLToPath(new URL('../../local/start.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Debian's Chromium (apt-get install -y chromium); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags that work in this sandbox: no GPU, no background network, no first-run UI. */
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface RunningServer {
  readonly base: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** `npm start -- --in-memory --port 0 --dynamodb-port 0` in a scratch folder; resolves with the URL it prints. */
export async function startServer(extra: string[] = []): Promise<RunningServer> {
  const cwd = mkdtempSync(join(tmpdir(), 'sb-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX, START, '--in-memory', '--port', '0', '--dynamodb-port', '0', ...extra], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
  });
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not print its URL within 150 s:\n${out}`)), 150_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /API:\s+(http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited ${code} before it was ready:\n${out}`));
    });
  });
  return {
    base,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** The server and browser a test file's journeys run against: started before its tests, closed after them. */
export interface Journey {
  readonly base: string;
  readonly browser: Browser;
}

/** Starts `npm start` and Chromium for the calling test file (call it at the top level of the file). */
export function startJourney(): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);
  return {
    get base() {
      if (!server) throw new Error('the journey server has not started');
      return server.base;
    },
    get browser() {
      if (!browser) throw new Error('the journey browser has not started');
      return browser;
    },
  };
}

export const PHONE = { width: 360, height: 760 } as const;
export const DESKTOP = { width: 1280, height: 860 } as const;

/**
 * Records every Content-Security-Policy violation of a page (an init script runs before the
 * page's own and is not subject to its policy), so a test can prove the pages work under it.
 */
const RECORD_CSP_VIOLATIONS = `
  globalThis.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => globalThis.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
`;

/**
 * A fresh context (own storage) under the pages' real Content-Security-Policy (the one CloudFront
 * sends in AWS, web/hosting.ts): no `bypassCSP`. Violations are recorded for {@link cspViolations}.
 */
export async function newContext(browser: Browser, viewport: { width: number; height: number } = PHONE): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true, deviceScaleFactor: 1 });
  await context.addInitScript({ content: RECORD_CSP_VIOLATIONS });
  context.setDefaultTimeout(20_000);
  return context;
}

/** The Content-Security-Policy violations the page has met since it loaded (directive, what was blocked, where). */
export const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => ((globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).slice());

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: ReadonlyArray<{ readonly target: readonly unknown[]; readonly failureSummary?: string }>;
}

let axeText: string | undefined;
const axeSource = (): string => (axeText ??= readFileSync(AXE, 'utf8'));

/** Every axe-core violation on the page as it is now (WCAG 2.x A and AA plus best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // The callbacks run in the page; the root tsconfig has no DOM types, hence the casts of globalThis.
  // Evaluated through the DevTools protocol rather than added as a <script>: the pages' policy
  // (script-src 'self') rightly refuses inline scripts, but not the test driver.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource());
  return page.evaluate(async () => {
    const g = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } };
    const result = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** Violations in words, for an assertion message a person can act on. */
export const describeViolations = (violations: readonly AxeViolation[]): string =>
  violations.map((v) => `${v.impact ?? 'unknown'} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`).join('\n');

/** Full-page screenshots at the current width and, resized, at the other one. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? PHONE;
  for (const [label, size] of [
    ['360', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    // Charts redraw on resize; give them a frame.
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** Waits until the page marks itself ready (`<html data-ready="name">`, set when its data has arrived). */
export const waitReady = (page: Page, name: string) => page.waitForSelector(`html[data-ready="${name}"]`, { state: 'attached' });

/** Signs in through the page's own form (the local dev token flow). */
export async function signIn(page: Page, base: string, role: 'jobseeker' | 'employer' | 'bureau', sub: string, region?: { province: string; city?: string }): Promise<void> {
  await page.goto(`${base}/signin`);
  await waitReady(page, 'signin');
  await page.locator(`#role-${role}`).check();
  await page.locator('#sub').fill(sub);
  if (region) {
    await page.locator('#region-province').selectOption({ label: region.province });
    if (region.city) await page.locator('#region-city').selectOption({ label: region.city });
  }
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** The bearer token the page holds (for setting up a state through the API in a test). */
export const pageToken = (page: Page): Promise<string> => page.evaluate(() => (globalThis as unknown as BrowserStorage).sessionStorage.getItem('sb.session') ?? '');

/** What the page-side callbacks use of the browser (the root tsconfig has no DOM types). */
export interface BrowserStorage {
  readonly sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  readonly localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  readonly document: { readonly documentElement: { readonly lang: string } };
}

/** A bearer token from the local server's dev sign-in (`POST /dev/token`), for setting up a state through the API. */
export async function devToken(base: string, body: { role: 'jobseeker' | 'employer' | 'bureau'; sub: string; region?: string }): Promise<string> {
  const res = await fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST /dev/token answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** One JSON call to the API as the token's holder; throws with the answer's text unless it is 2xx. */
export async function callApi<T>(base: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Axe on the page as it is, no Content-Security-Policy violation so far, then the screenshots: every page goes through this. */
export async function checkPage(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  expect(await cspViolations(page), `${name}: blocked by the Content-Security-Policy`).toEqual([]);
  await screenshots(page, name);
}
