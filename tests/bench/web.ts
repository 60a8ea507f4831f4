import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { ensureWebBuild } from '../../local/static.js';
import { launchBrowser, startServer, type BrowserStorage } from '../e2e/harness.js';
import type { BenchSection } from './run.js';

/**
 * The web pages' budget: JavaScript each page downloads (gzipped, from the Vite build's
 * manifest; aim ≤ 150 KB), and the time until a page shows what it is for, measured in Chromium
 * on the local server (the `sb:ready` mark a page sets once its data is on screen, and
 * largest-contentful-paint), median of a few cold loads, on the machine as it is and throttled
 * like a mid-range phone on a slow mobile network.
 */

const DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const BUDGET_KB = 150;

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}
type Manifest = Record<string, ManifestChunk>;

const gzipKb = (file: string): number => gzipSync(readFileSync(join(DIST, file))).length / 1024;

/** The chunk and everything it imports statically. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

/** Pages by their module (web/src/pages/x.tsx) and the chunks they load, first and on demand. */
export function pageWeights(manifest: Manifest) {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const pages = Object.keys(manifest).filter((k) => k.startsWith('src/pages/'));
  return pages.map((page) => {
    const initial = new Set([...closure(manifest, entry), ...closure(manifest, page)]);
    // Chunks the page's own code imports later (region data, charts), not other pages.
    const later = new Set<string>();
    for (const key of initial) for (const d of manifest[key]?.dynamicImports ?? []) if (!d.startsWith('src/pages/')) for (const k of closure(manifest, d)) if (!initial.has(k)) later.add(k);
    const kb = (keys: Iterable<string>) => [...keys].reduce((sum, k) => sum + gzipKb(manifest[k]!.file), 0);
    return { page: page.replace(/^src\/pages\/|\.tsx$/g, ''), initialKb: kb(initial), laterKb: kb(later) };
  });
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

interface Target {
  readonly name: string;
  readonly path: string;
  readonly ready: string;
  readonly token?: string;
  readonly local?: Record<string, string>;
}

/** Milliseconds from navigation start to the page's ready mark and to its largest contentful paint. */
async function measure(browser: Browser, base: string, target: Target, slow: boolean): Promise<{ ready: number; lcp: number }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 760 }, locale: 'zh-CN' });
  try {
    await context.addInitScript(
      ({ token, local }) => {
        const g = globalThis as unknown as BrowserStorage;
        if (token) g.sessionStorage.setItem('sb.session', token);
        for (const [k, v] of Object.entries(local ?? {})) g.localStorage.setItem(k, v);
      },
      { token: target.token, local: target.local },
    );
    const page = await context.newPage();
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      // Roughly a mid-range phone on a congested mobile network.
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    await page.goto(`${base}${target.path}`);
    await page.waitForSelector(`html[data-ready="${target.ready}"]`, { state: 'attached', timeout: 60_000 });
    return await page.evaluate(async () => {
      const ready = performance.getEntriesByName('sb:ready')[0]?.startTime ?? Number.NaN;
      const lcp = await new Promise<number>((resolve) => {
        // Chromium's entry type, which Node's typings do not list.
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? Number.NaN)).observe({ type: 'largest-contentful-paint', buffered: true } as unknown as { type: 'mark' });
        setTimeout(() => resolve(Number.NaN), 2_000);
      });
      return { ready, lcp };
    });
  } finally {
    await context.close();
  }
}

async function devToken(base: string, body: Record<string, string>): Promise<string> {
  const res = await fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return ((await res.json()) as { token: string }).token;
}

export async function benchWeb(): Promise<BenchSection> {
  await ensureWebBuild((line) => process.stderr.write(`${line}\n`));
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const weights = pageWeights(manifest);

  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const rows: string[] = [];
  try {
    const base = server.base;
    const seeker = await devToken(base, { role: 'jobseeker', sub: 'bench-seeker' });
    const employer = await devToken(base, { role: 'employer', sub: 'bench-employer' });
    const bureau = await devToken(base, { role: 'bureau', sub: 'bench-bureau', region: '110000' });
    const learner = await fetch(`${base}/learners`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seeker}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ref: 'me', skills: ['无人机维修', 'Excel'], region: '110119', group: 'veteran', consentToShare: true }),
    });
    const learnerId = ((await learner.json()) as { id: string }).id;
    const local = { 'sb.learner.bench-seeker': JSON.stringify(learnerId) };
    const targets: Target[] = [
      { name: 'sign-in', path: '/signin', ready: 'signin' },
      { name: 'seeker-profile', path: '/seeker/profile', ready: 'seeker-profile', token: seeker, local },
      { name: 'seeker-jobs', path: '/seeker/jobs', ready: 'seeker-jobs', token: seeker, local },
      { name: 'seeker-courses', path: '/seeker/courses', ready: 'seeker-courses', token: seeker, local },
      { name: 'employer-demands', path: '/employer/demands', ready: 'employer-demands', token: employer },
      { name: 'insights', path: '/employer/insights', ready: 'insights', token: employer },
      { name: 'bureau-dashboard', path: '/bureau/dashboard', ready: 'bureau-dashboard', token: bureau },
    ];
    for (const target of targets) {
      const fast: Array<{ ready: number; lcp: number }> = [];
      const slow: Array<{ ready: number; lcp: number }> = [];
      // One warm-up so the server's first-request costs (handler imports) are not counted.
      await measure(browser, base, target, false);
      for (let i = 0; i < RUNS; i++) fast.push(await measure(browser, base, target, false));
      for (let i = 0; i < RUNS; i++) slow.push(await measure(browser, base, target, true));
      const ms = (list: Array<{ ready: number; lcp: number }>, key: 'ready' | 'lcp') => {
        const m = median(list.map((r) => r[key]).filter((v) => Number.isFinite(v)));
        return Number.isFinite(m) ? `${Math.round(m)}` : 'n/a';
      };
      rows.push(`| ${target.name} | ${ms(fast, 'ready')} | ${ms(fast, 'lcp')} | ${ms(slow, 'ready')} | ${ms(slow, 'lcp')} |`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const kb = (n: number) => n.toFixed(1);
  const weightRows = weights
    .sort((a, b) => a.page.localeCompare(b.page))
    .map((w) => `| ${w.page} | ${kb(w.initialKb)} | ${kb(w.laterKb)} | ${w.initialKb <= BUDGET_KB ? 'within' : '**over**'} |`);
  const markdown = [
    `JavaScript a page downloads, gzipped, from \`web/dist/.vite/manifest.json\`: the entry and the page's static imports ("first"), and the chunks its code loads after the first render ("on demand": the region list, ~29 KB, for region pickers). Budget: ${BUDGET_KB} KB first.`,
    '',
    '| page | first (KB gz) | on demand (KB gz) | budget |',
    '| --- | ---: | ---: | --- |',
    ...weightRows,
    '',
    `Time to the page's own content, in ms from navigation start, median of ${RUNS} cold loads (fresh browser context each) in Chromium at 360 px, against \`npm start --in-memory\` with the seeded catalogue. "ready" is the \`sb:ready\` mark a page sets when its data is on screen; LCP is largest-contentful-paint. "Slow phone": 4× CPU throttling, 150 ms latency, 1.6 Mbit/s down.`,
    '',
    '| page | ready | LCP | ready, slow phone | LCP, slow phone |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  return { title: 'Web pages: JavaScript per page and time to first meaningful render', markdown };
}
