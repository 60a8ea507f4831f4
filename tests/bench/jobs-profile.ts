import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { DynamoJobIndex } from '../../shared/adapters/dynamodb/job-index.js';
import { DynamoProfileLinks } from '../../shared/adapters/dynamodb/profile-links.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import { matchingSkills } from '../../shared/domain/matching/evidence.js';
import { rankedExplanation } from '../../shared/domain/matching/explain.js';
import { havesOf, needsOf, rankMatch, scoreMatch } from '../../shared/domain/matching/score.js';
import type { JobEntry } from '../../shared/ports/job-index.js';
import type { Clock } from '../../shared/ports/clock.js';
import { JobsQuerySchema } from '../../shared/schemas/action.js';
import { makeSearchJobs, searchTerms } from '../../shared/use-cases/jobs.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';
import { startDynamoLocal } from '../../local/dynamodb-local.js';
import { ensureTable } from '../../local/table.js';
import { jobsBenchData } from './jobs.js';

/**
 * Where a slow `GET /jobs` word search spends its time (docs/jobs.md, "Where the time goes"): the
 * bench's data on a DynamoDB Local kept under .data/jobs-profile (loaded once), the bench's
 * word-search calls replayed to find the slowest queries by entries read, then each of those
 * timed by phase. `node --import tsx tests/bench/jobs-profile.ts [reps]`; add `--cpu-prof` to
 * node's flags for a CPU profile. Not part of `npm run bench`: a tool for reading, not a figure.
 */

const NOW = new Date('2026-12-07T00:00:00.000Z');
const clock: Clock = { now: () => NOW };
const TABLE = 'bench-jobs';
const DIR = '.data/jobs-profile';
const REPS = Number(process.argv[2] ?? 20);

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function javaPid(port: number): number {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes('DynamoDBLocal.jar') && cmd.includes(`-port\u0000${port}`)) return Number(d);
    } catch {
      // gone
    }
  }
  throw new Error('no DynamoDB Local process');
}

const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function main(): Promise<void> {
  const { taxonomy, demands, learner, pick } = jobsBenchData(NOW);
  const dynamo = await startDynamoLocal({ port: 0, jit: 'full', dataDir: DIR });
  const pid = javaPid(dynamo.port);
  try {
    const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(raw, TABLE, { stream: false });
    const client = makeDocumentClient({ endpoint: dynamo.endpoint });
    const store = new DynamoRecordStore(client, TABLE, clock, { index: recordIndex });
    const links = new DynamoProfileLinks(client, TABLE);
    if (!existsSync(`${DIR}/loaded`)) {
      for (let i = 0; i < demands.length; i += 500) await store.saveMany(demands.slice(i, i + 500).map((next) => ({ next })));
      await store.save(learner, undefined);
      await links.link('bench-seeker', learner.id);
      writeFileSync(`${DIR}/loaded`, 'yes');
    }

    // Every DynamoDB request: its wall time in `send` (marshalling to unmarshalling), bytes, and body.
    interface Sent { start: number; end: number; bytes: number; body: string; command: string }
    let sent: Sent[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const s: Sent = { start: performance.now(), end: 0, bytes: 0, body: '', command: context.commandName ?? '?' };
        sent.push(s);
        const out = await next(args);
        s.end = performance.now();
        return out;
      },
      { step: 'initialize', name: 'profile-wall', priority: 'high' },
    );
    client.middlewareStack.add(
      (next) => async (args) => {
        const body = String((args as { request?: { body?: unknown } }).request?.body ?? '');
        const out = await next(args);
        const s = sent.find((x) => x.body === '' && x.bytes === 0) ?? sent.at(-1)!;
        s.bytes += Number((out.response as { headers?: Record<string, string> }).headers?.['content-length'] ?? 0);
        s.body = body;
        return out;
      },
      { step: 'deserialize', name: 'profile-bytes' },
    );
    let gcMs = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcMs += e.duration;
    }).observe({ entryTypes: ['gc'] });

    const jobs = new DynamoJobIndex(client, TABLE);
    const search = makeSearchJobs({ jobs, store, links, clock, taxonomy });
    const caller: Caller = { sub: 'bench-seeker', role: 'jobseeker' };

    // The bench's word-search queries, in its order (the same seeded picks).
    const qs = Array.from({ length: 305 }, () => pick(demands).title.slice(0, 3));
    const byQ = new Map<string, { bytes: number; entries: number }>();
    for (const q of new Set(qs)) {
      sent = [];
      const query = JobsQuerySchema.parse({ q, region: '110000' });
      const hits = await jobs.find({ terms: searchTerms(query, taxonomy), region: '110000', perPartition: 2000 });
      byQ.set(q, { bytes: sent.reduce((n, s) => n + s.bytes, 0), entries: hits.entries.length });
    }
    const slow = [...byQ.entries()].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 5);
    const freq = (q: string) => qs.filter((x) => x === q).length;
    console.log(`distinct q: ${byQ.size} of ${qs.length} calls; bytes p50 ${(pct([...qs].map((q) => byQ.get(q)!.bytes), 50) / 1024).toFixed(0)} KB`);
    console.log('slowest by bytes:', slow.map(([q, v]) => `${q} ${(v.bytes / 1024).toFixed(0)} KB ${v.entries} hits ×${freq(q)}`).join('; '));
    console.log(`calls of the 305 that are one of these 5: ${qs.filter((q) => slow.some(([s]) => s === q)).length}`);

    const learnerNow = (await store.get('learner', learner.id)) ?? learner;
    const haves = havesOf(matchingSkills(learnerNow, taxonomy));
    const ctxOf = (e: JobEntry) => ({ demandRegion: e.region, learnerRegion: learnerNow.region, learnerPrefersOnline: learnerNow.prefersOnline, online: e.remote });

    // Warm up.
    for (let i = 0; i < 30; i++) await search(caller, JobsQuerySchema.parse({ q: slow[i % 5]![0], region: '110000' }), 'zh');

    const rows: string[] = [];
    for (const [q] of slow) {
      const m: Record<string, number[]> = { total: [], ddbWall: [], ddbSum: [], requests: [], kb: [], javaCpu: [], findSelf: [], rank: [], sort: [], page: [], gc: [], replay: [], parse: [], unmarshall: [], bigWall: [], bigKb: [], bigItems: [] };
      for (let r = 0; r < REPS; r++) {
        const query = JobsQuerySchema.parse({ q, region: '110000' });
        // 1. the whole use case, as the bench calls it
        sent = [];
        gcMs = 0;
        const cpu0 = cpuOf(pid);
        const t0 = performance.now();
        await search(caller, query, 'zh');
        const total = performance.now() - t0;
        await new Promise((res) => setImmediate(res)); // let the gc observer report
        m.gc!.push(gcMs);
        m.javaCpu!.push((cpuOf(pid) - cpu0) * 1000);
        m.total!.push(total);
        // time covered by at least one request in flight
        const iv = sent.filter((s) => s.end > 0).map((s) => [s.start, s.end] as const).sort((a, b) => a[0] - b[0]);
        let covered = 0;
        let upTo = -Infinity;
        for (const [a, b] of iv) {
          if (b <= upTo) continue;
          covered += b - Math.max(a, upTo);
          upTo = b;
        }
        m.ddbWall!.push(covered);
        m.ddbSum!.push(iv.reduce((n, [a, b]) => n + b - a, 0));
        m.requests!.push(sent.length);
        m.kb!.push(sent.reduce((n, s) => n + s.bytes, 0) / 1024);

        // 2. the index alone (DynamoDB + the adapter's own work), then each in-process phase apart
        sent = [];
        const f0 = performance.now();
        const hits = await jobs.find({ terms: searchTerms(query, taxonomy), region: '110000', perPartition: 2000 });
        const findWall = performance.now() - f0;
        let upTo2 = -Infinity;
        let cov2 = 0;
        for (const s of [...sent].sort((a, b) => a.start - b.start)) {
          if (s.end <= upTo2) continue;
          cov2 += s.end - Math.max(s.start, upTo2);
          upTo2 = s.end;
        }
        m.findSelf!.push(findWall - cov2);
        const r0 = performance.now();
        const ranked = hits.entries.map((entry) => ({ entry, score: rankMatch(needsOf(entry.skillVector, entry.minLevel), haves, ctxOf(entry), taxonomy).score }));
        const r1 = performance.now();
        ranked.sort((a, b) => b.score - a.score || (a.entry.createdAt < b.entry.createdAt ? 1 : -1));
        const r2 = performance.now();
        for (const { entry } of ranked.slice(0, 20)) {
          const b = scoreMatch(needsOf(entry.skillVector, entry.minLevel), haves, ctxOf(entry), taxonomy);
          rankedExplanation(b, 'zh');
        }
        const r3 = performance.now();
        m.rank!.push(r1 - r0);
        m.sort!.push(r2 - r1);
        m.page!.push(r3 - r2);

        // 3. the biggest Query replayed without the SDK: DynamoDB Local and the socket alone, then parsing
        const big = [...sent].sort((a, b) => b.bytes - a.bytes)[0];
        if (big?.body) {
          const p0 = performance.now();
          const res = await fetch(dynamo.endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${big.command.replace(/Command$/, '')}`, authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/cn-north-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local' },
            body: big.body,
          });
          const text = await res.text();
          const p1 = performance.now();
          const parsed = JSON.parse(text) as { Items?: Array<Record<string, never>> };
          const p2 = performance.now();
          const items = (parsed.Items ?? []).map((i) => unmarshall(i));
          const p3 = performance.now();
          m.replay!.push(p1 - p0);
          m.parse!.push(p2 - p1);
          m.unmarshall!.push(p3 - p2);
          m.bigWall!.push(big.end - big.start);
          m.bigKb!.push(text.length / 1024);
          m.bigItems!.push(items.length);
        }
      }
      rows.push(
        `| ${q} | ${mean(m.requests!).toFixed(1)} | ${mean(m.kb!).toFixed(0)} | ${pct(m.total!, 50).toFixed(1)} / ${Math.max(...m.total!).toFixed(1)} | ${pct(m.ddbWall!, 50).toFixed(1)} (${pct(m.ddbSum!, 50).toFixed(1)}) | ${pct(m.javaCpu!, 50).toFixed(0)} | ${pct(m.findSelf!, 50).toFixed(1)} | ${pct(m.rank!, 50).toFixed(2)} | ${pct(m.sort!, 50).toFixed(2)} | ${pct(m.page!, 50).toFixed(2)} | ${mean(m.gc!).toFixed(1)} / ${Math.max(...m.gc!).toFixed(1)} |`,
        `|   biggest Query: ${mean(m.bigItems!).toFixed(0)} items, ${mean(m.bigKb!).toFixed(0)} KB: in send p50 ${pct(m.bigWall!, 50).toFixed(1)} ms; replayed with fetch p50 ${pct(m.replay!, 50).toFixed(1)} ms, JSON.parse ${pct(m.parse!, 50).toFixed(2)} ms, unmarshall ${pct(m.unmarshall!, 50).toFixed(2)} ms |`,
      );
    }
    console.log('| q | requests | KB | call p50 / max ms | DynamoDB wall p50 ms (sum of requests) | DynamoDB Local CPU ms | adapter after DynamoDB ms | rankMatch all ms | sort ms | scoreMatch page ms | GC mean / max ms |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) console.log(r);
  } finally {
    await dynamo.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
