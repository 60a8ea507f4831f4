import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signDevToken } from '../../local/dev-token.js';
import { readSubsection, RELIABILITY, writeSections } from '../bench/report.js';
import { FUZZ_TITLE } from '../fuzz/title.js';
import type { Role } from '../../shared/domain/caller.js';

/**
 * `npm run load`: drives the local server (the `npm start` entry point in a child process, in
 * memory, on free ports) with autocannon on the read and ranking routes, after seeding it, and
 * reports throughput, p50/p99 latency and errors per route. Bounded: LOAD_SECONDS in all
 * (default 60), split evenly across the routes, 10 connections, loopback only. Writes the
 * RELIABILITY section of BENCHMARKS.md (with the fault and fuzz figures the last test run
 * recorded under tests/bench/out/reliability/) and prints it.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECORDED = join(ROOT, 'tests', 'bench', 'out', 'reliability');
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

// autocannon ships no types; this is the part of its API used here.
interface Histogram {
  readonly average: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly total: number;
}
interface Result {
  readonly requests: Histogram;
  readonly latency: Histogram;
  readonly duration: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCodeStats: Record<string, { count: number }>;
}
interface RawRequest {
  path: string;
  method: string;
  headers: Record<string, string>;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  headers: Record<string, string>;
  requests: Array<{ setupRequest: (req: RawRequest) => RawRequest }>;
}) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---------------------------------------------------------------------------------------------
// The server

interface Server {
  readonly base: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `npm start`'s entry point with `--in-memory --port 0 --dynamodb-port 0` and waits for its API URL. */
function startServer(tokenKey: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--in-memory', '--port', '0', '--dynamodb-port', '0'], {
    cwd: ROOT,
    env: { ...process.env, SKILLBRIDGE_DEV_TOKEN_KEY: tokenKey, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  let out = '';
  return new Promise<Server>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /API:\s+(http:\/\/\S+)/.exec(out);
      // The server listens on 127.0.0.1; "localhost" could resolve to ::1 first.
      if (match) resolve({ base: match[1]!.replace('//localhost:', '//127.0.0.1:'), child, stop });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready:\n${out}`)));
  });
}

// ---------------------------------------------------------------------------------------------
// Seeding through the API

const SKILLS = ['多旋翼无人机驾驶', '无人机维修', '航拍', '数据标注', 'Python', 'Excel', 'PLC编程', '工业机器人操作', 'Linux', 'SQL', '养老护理', '电商直播', '焊接', '叉车'];
const REGIONS = ['110119', '110108', '110105', '110114', '110000'];
const GROUPS = ['graduate', 'migrant_worker', 'laid_off', 'veteran', 'disabled', 'employed_upskilling', 'other'];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

function learners(offset: number, n: number): unknown[] {
  return Array.from({ length: n }, (_, k) => {
    const i = offset + k;
    return {
      ref: `LOAD-L-${i}`,
      summary: `负载测试求职者${i}`,
      skills: [pick(SKILLS, i), { skill: pick(SKILLS, i * 3 + 1), level: 1 + (i % 4) }, pick(SKILLS, i * 7 + 2)],
      region: pick(REGIONS, i),
      group: pick(GROUPS, i),
      consentToShare: i % 5 !== 0,
    };
  });
}

function demands(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => ({
    ref: `LOAD-D-${i}`,
    employer: `负载测试企业${i % 20}`,
    title: `岗位${i}`,
    requiredSkills: [pick(SKILLS, i), pick(SKILLS, i * 5 + 3)],
    preferredSkills: [pick(SKILLS, i * 11 + 1)],
    region: pick(REGIONS, i),
    headcount: 1 + (i % 5),
  }));
}

async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

// ---------------------------------------------------------------------------------------------
// The run

interface Target {
  readonly name: string;
  readonly token: string;
  /** Paths to rotate through (several records, so caches and partitions are not one hot item). */
  readonly paths: readonly string[];
}

interface Row {
  readonly name: string;
  readonly seconds: number;
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly statuses: string;
}

async function drive(base: string, target: Target, seconds: number): Promise<Row> {
  // Warm-up (cold imports of the handler, taxonomy loading), not measured; a route that fails here is not driven.
  for (const path of target.paths.slice(0, 3)) await call(base, target.token, 'GET', path);
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    headers: { authorization: `Bearer ${target.token}`, 'accept-language': 'zh-CN' },
    requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: target.paths[i++ % target.paths.length]! }) }],
  });
  const statuses = Object.entries(result.statusCodeStats)
    .map(([code, s]) => `${code}×${s.count}`)
    .join(' ');
  return {
    name: target.name,
    seconds: result.duration,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    non2xx: result.non2xx,
    statuses,
  };
}

/** The figures the last test run recorded (fault injection, fuzzing), if any. */
function recorded(): string[] {
  if (!existsSync(RECORDED)) return ['No fault or fuzz figures recorded yet: run `npm test` first.'];
  const read = (name: string): any => {
    const file = join(RECORDED, `${name}.json`);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  };
  const faults = read('faults');
  const fuzz = read('fuzz');
  const rows: string[] = ['| check | result | recorded |', '| --- | --- | --- |'];
  if (faults) {
    const when = String(faults.recordedAt).slice(0, 16).replace('T', ' ');
    if (faults.throttledTwiceThenAccepted) rows.push(`| throttled twice (ProvisionedThroughputExceeded), then accepted | ${faults.throttledTwiceThenAccepted.status} after ${faults.throttledTwiceThenAccepted.attempts} attempts | ${when} |`);
    if (faults.throttledThroughout) rows.push(`| throttled on every attempt | ${faults.throttledThroughout.status} with Retry-After: ${faults.throttledThroughout.retryAfter} after ${faults.throttledThroughout.attempts} attempts, nothing stored | ${when} |`);
    if (faults.unprocessedItems) rows.push(`| BatchWriteItem returning half as UnprocessedItems | ${faults.unprocessedItems.items} items landed in ${faults.unprocessedItems.batchWriteCalls} calls, 0 left | ${when} |`);
    if (faults.race) rows.push(`| 50 concurrent PATCHes of one demand (all read v1) | ${faults.race.winners} winner, ${faults.race.conflicts} × 409 | ${when} |`);
    if (faults.raceIfMatch) rows.push(`| the same with If-Match: "v1" | ${faults.raceIfMatch.winners} winner, ${faults.raceIfMatch.conflicts} × 409 | ${when} |`);
    if (faults.killedImport) rows.push(`| import killed mid-file (${faults.killedImport.killPoints} kill points, incl. the S3 import Lambda) | ${faults.killedImport.halfWrittenRecords} half-written records; a re-run completes the file | ${when} |`);
  }
  if (fuzz) {
    const when = String(fuzz.recordedAt).slice(0, 16).replace('T', ' ');
    const by = fuzz.byTarget as Record<string, { runs: number; statuses: Record<string, number> }>;
    const fivexx = Object.values(by).reduce((n, c) => n + Object.entries(c.statuses).filter(([s]) => /^5/.test(s)).reduce((m, [, k]) => m + k, 0), 0);
    rows.push(`| fast-check: random and adversarial bodies on ${Object.keys(by).filter((k) => !k.startsWith('import')).length} write routes and the import command | ${fuzz.total} cases, ${fivexx} × 5xx, nothing stored on rejection, no record corrupted | ${when} |`);
  }
  return rows.length > 2 ? rows : ['No fault or fuzz figures recorded yet: run `npm test` first.'];
}

async function main(): Promise<void> {
  if (!Number.isFinite(SECONDS) || SECONDS < 1 || SECONDS > 600) throw new Error(`LOAD_SECONDS=${process.env.LOAD_SECONDS} must be 1–600`);
  const tokenKey = randomBytes(32).toString('base64url');
  const key = Buffer.from(tokenKey, 'base64url');
  const token = (role: Role, sub: string, region?: string) => signDevToken(key, { role, sub, region, ttlSeconds: 3600 });

  process.stderr.write('load: starting the local server (in memory) …\n');
  const server = await startServer(tokenKey);
  const stopOnSignal = () => void server.stop().then(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    const host = new URL(server.base).host.replace(/:\d+$/, '');
    if (!LOOPBACK.has(host)) throw new Error(`refusing to load ${server.base}: loopback only`);

    process.stderr.write(`load: seeding ${server.base} …\n`);
    const bureau = await token('bureau', 'load-bureau', '110000');
    const employer = await token('employer', 'load-employer');
    const seeker = await token('jobseeker', 'load-seeker');
    // Profiles that give consent must come from the people themselves (a bureau may not give it): one seeker account submits them.
    const profiles = await token('jobseeker', 'load-profiles');
    for (let i = 0; i < 5; i++) await call(server.base, profiles, 'POST', '/learners/batch', learners(i * 100, 100));
    const posted = (await call(server.base, employer, 'POST', '/demands/batch', demands(100))).items as Array<{ id: string }>;
    const own = (await call(server.base, seeker, 'POST', '/learners', learners(1000, 1)[0])) as { id: string };
    const learnerIds = ((await call(server.base, bureau, 'GET', '/learners?limit=100')).items as Array<{ id: string }>).map((l) => l.id);
    const demandIds = posted.map((d) => d.id);
    const rotate = (ids: readonly string[], path: (id: string) => string) => ids.slice(0, 50).map(path);

    const targets: Target[] = [
      { name: 'GET /demands (employer, own)', token: employer, paths: ['/demands?limit=20'] },
      { name: 'GET /demands/{id}', token: employer, paths: rotate(demandIds, (id) => `/demands/${id}`) },
      { name: 'GET /learners (bureau, region)', token: bureau, paths: ['/learners?limit=20', '/learners?region=110108&limit=20'] },
      { name: 'GET /learners/{id}', token: bureau, paths: rotate(learnerIds, (id) => `/learners/${id}`) },
      { name: 'GET /courses?skill=&region=', token: seeker, paths: SKILLS.slice(0, 6).map((s) => `/courses?skill=${encodeURIComponent(s)}&region=110000`) },
      { name: 'GET /skills?q=', token: seeker, paths: ['无人机', 'Python', '数据', 'weld', '养老'].map((q) => `/skills?q=${encodeURIComponent(q)}`) },
      { name: 'GET /insights/shortage', token: employer, paths: ['/insights/shortage?region=110000', '/insights/shortage'] },
      { name: 'GET /demands/{id}/matches', token: employer, paths: rotate(demandIds, (id) => `/demands/${id}/matches?limit=10`) },
      { name: 'GET /learners/{id}/matches', token: bureau, paths: rotate(learnerIds, (id) => `/learners/${id}/matches?limit=10`) },
      { name: 'GET /learners/{id}/recommendations', token: seeker, paths: [`/learners/${own.id}/recommendations?limit=10`] },
    ];
    const each = Math.max(1, Math.floor(SECONDS / targets.length));
    const rows: Row[] = [];
    for (const target of targets) {
      process.stderr.write(`load: ${target.name} for ${each} s …\n`);
      rows.push(await drive(server.base, target, each));
    }

    const total = rows.reduce((n, r) => n + r.requests, 0);
    const bad = rows.reduce((n, r) => n + r.errors + r.non2xx, 0);
    const openEnded = readSubsection(RELIABILITY, FUZZ_TITLE);
    const text = [
      `The local server (\`npm start\`'s entry point, DynamoDB Local in memory) seeded with the built-in catalogue plus 501 learners and 100 demands; autocannon, ${CONNECTIONS} connections, ${each} s per route (${each * targets.length} s in all), loopback, warm handlers.`,
      'One Node process serves every route here, where AWS runs one Lambda per route: read the figures as relative costs, not capacity.',
      '',
      '| route | requests | req/s | p50 ms | p99 ms | max ms | errors | non-2xx |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.name} | ${r.requests.toLocaleString('en')} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} | ${r.non2xx} |`),
      `| **all** | ${total.toLocaleString('en')} | | | | | **${rows.reduce((n, r) => n + r.errors, 0)}** | **${rows.reduce((n, r) => n + r.non2xx, 0)}** |`,
      '',
      bad === 0 ? 'Zero errors and zero non-2xx answers.' : `**${bad} errors or non-2xx answers** (${rows.filter((r) => r.errors + r.non2xx > 0).map((r) => `${r.name}: ${r.statuses}`).join('; ')}).`,
      '',
      '### Faults and fuzzing (figures from the last `npm test`)',
      '',
      ...recorded(),
      '',
      // `npm run fuzz` writes its own subsection of this section: kept as it is.
      ...(openEnded ? [openEnded, ''] : []),
    ].join('\n');
    writeSections([{ title: RELIABILITY, markdown: text }], 'npm run load');
    process.stdout.write(`${text}\nWritten to BENCHMARKS.md (section ${RELIABILITY})\n`);
    if (bad > 0) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`load failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
