import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { DynamoCandidateIndex } from '../../shared/adapters/dynamodb/candidate-index.js';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { IndexPresence } from '../../shared/adapters/dynamodb/index-presence.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import type { CandidateIndex } from '../../shared/ports/candidate-index.js';
import type { Clock } from '../../shared/ports/clock.js';
import { loadTaxonomy } from '../../shared/taxonomy/taxonomy.js';
import { makeMatchDemand, makeMatchLearner } from '../../shared/use-cases/match.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';
import { startDynamoLocal } from '../../local/dynamodb-local.js';
import { ensureTable } from '../../local/table.js';
import { benchIds, generate } from './matching.js';

/**
 * Where a slow match call spends its time: `node --import tsx tests/bench/matching-profile.ts`.
 * Loads the matching benchmark's data once into a DynamoDB Local kept under `.data/` (later runs
 * reuse it), calls both use cases for the benchmark's 300 ids twice (is the p99 stable? are the
 * same ids slow?), then traces the 10 slowest ids each way: every request (wall time, items,
 * bytes), the rounds they form, garbage collection, and a CPU profile of those calls by category.
 * A diagnostic, not a benchmark: it writes nothing but its report on stdout.
 */

const TABLE = 'bench-matching';
const DATA_DIR = process.env.PROFILE_DATA_DIR ?? '.data/matchperf-profile';
const NOW = new Date();
const clock: Clock = { now: () => NOW };
const bureau: Caller = { sub: 'bench-bureau', role: 'bureau', region: 'national' };
const LOADED = { pk: 'PROFILE#LOADED', sk: 'PROFILE#LOADED' };
/** Passes over the benchmark's ids (the second says whether the slowest stay slowest). */
const PASSES = Math.max(2, Number(process.env.PROFILE_PASSES ?? 2));

interface Req {
  readonly command: string;
  readonly start: number;
  readonly end: number;
  /** Until the response headers: the request on the wire and DynamoDB Local's work. */
  readonly headers: number;
  readonly items: number;
  readonly bytes: number;
}
interface Find {
  readonly start: number;
  readonly end: number;
  readonly partitions: number;
  readonly names: readonly string[];
  readonly found: number;
  readonly scope: string;
}
interface Trace {
  readonly start: number;
  readonly reqs: Req[];
  readonly finds: Find[];
  presence?: { start: number; end: number; keys: number };
  gc: number;
}
let current: Trace | undefined;

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const dynamo = await startDynamoLocal({ port: 0, jit: 'full', dataDir: DATA_DIR });
  const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await ensureTable(raw, TABLE, { stream: false });
    const client = makeDocumentClient({ endpoint: dynamo.endpoint });
    const store = new DynamoRecordStore(client, TABLE, clock, { index: recordIndex });
    const records = generate();
    const ids = benchIds(records);
    if (!(await client.send(new GetCommand({ TableName: TABLE, Key: LOADED }))).Item) {
      await new IndexPresence(client, TABLE).markComplete();
      const started = performance.now();
      for (let i = 0; i < records.length; i += 500) await store.saveMany(records.slice(i, i + 500).map((next) => ({ next })));
      await client.send(new PutCommand({ TableName: TABLE, Item: { ...LOADED, entity: 'PROFILE' } }));
      process.stderr.write(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }

    // Every request of a traced call: total time, time to headers, items and bytes.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const trace = current;
        if (!trace) return next(args);
        const start = performance.now();
        const out = await next(args);
        const o = out.output as { Items?: unknown[]; Responses?: Record<string, unknown[]> };
        const items = o.Items?.length ?? Object.values(o.Responses ?? {}).reduce((s, r) => s + r.length, 0);
        const meta = (context as { profileMeta?: { headers: number; bytes: number } }).profileMeta;
        const end = performance.now() - trace.start;
        trace.reqs.push({ command: context.commandName ?? '?', start: start - trace.start, end, headers: meta ? meta.headers - trace.start : end, items, bytes: meta?.bytes ?? 0 });
        return out;
      },
      { step: 'initialize', name: 'profileRequests' },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        const trace = current;
        if (trace) {
          const headers = (out.response as { headers?: Record<string, string> }).headers ?? {};
          (context as { profileMeta?: unknown }).profileMeta = { headers: performance.now(), bytes: Number(headers['content-length'] ?? 0) };
        }
        return out;
      },
      // Inside the SDK's deserializer: the response as it arrives, before its body is read and decoded.
      { step: 'deserialize', priority: 'low', name: 'profileHeaders' },
    );

    const inner = new DynamoCandidateIndex(client, TABLE);
    const candidates: CandidateIndex = {
      find: async (q) => {
        const trace = current;
        const start = performance.now();
        const out = await inner.find(q);
        if (trace)
          trace.finds.push({
            start: start - trace.start,
            end: performance.now() - trace.start,
            partitions: q.skillIds.length,
            names: q.skillIds,
            found: out.candidates.length,
            scope: q.within !== undefined ? `in ${q.within}` : q.outside !== undefined ? 'rest' : 'all',
          });
        return out;
      },
      presence: async (kind, ps) => {
        const trace = current;
        const start = performance.now();
        const out = await inner.presence(kind, ps);
        if (trace) trace.presence = { start: start - trace.start, end: performance.now() - trace.start, keys: new Set(ps).size };
        return out;
      },
    };
    const deps = { store, candidates, clock, taxonomy: loadTaxonomy() };
    const matchDemand = makeMatchDemand(deps);
    const matchLearner = makeMatchLearner(deps);
    const options = { limit: 10, lang: 'zh' as const };
    const ways = [
      { name: 'demand → learners', call: (id: string) => matchDemand(bureau, id, options), warm: ids.warmDemands, timed: ids.timedDemands },
      { name: 'learner → demands', call: (id: string) => matchLearner(bureau, id, options), warm: ids.warmLearners, timed: ids.timedLearners },
    ];
    const gcs: Array<{ start: number; duration: number }> = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcs.push({ start: e.startTime, duration: e.duration });
    });
    observer.observe({ entryTypes: ['gc'] });
    const traced = async (call: () => Promise<unknown>): Promise<Trace & { ms: number }> => {
      const trace: Trace = { start: performance.now(), reqs: [], finds: [], gc: 0 };
      current = trace;
      await call();
      const ms = performance.now() - trace.start;
      current = undefined;
      // GC entries arrive asynchronously: let the observer run before counting.
      await new Promise((r) => setImmediate(r));
      trace.gc = gcs.filter((g) => g.start >= trace.start && g.start <= trace.start + ms).reduce((s, g) => s + g.duration, 0);
      return { ...trace, ms };
    };

    const out: string[] = [];
    const say = (line: string) => {
      out.push(line);
      process.stderr.write(`${line}\n`);
    };
    // A/B: PROFILE_AB=<folder holding another version's shared/> calls both versions for every id,
    // in alternating order, on this one table, and checks that they return the same list.
    const other = process.env.PROFILE_AB;
    if (other !== undefined) {
      const dir = `${process.cwd()}/${other}/shared`;
      const old = (await import(`${dir}/use-cases/match.js`)) as typeof import('../../shared/use-cases/match.js');
      const oldIndex = (await import(`${dir}/adapters/dynamodb/candidate-index.js`)) as typeof import('../../shared/adapters/dynamodb/candidate-index.js');
      const oldTaxonomy = (await import(`${dir}/taxonomy/taxonomy.js`)) as typeof import('../../shared/taxonomy/taxonomy.js');
      const oldDeps = { store, candidates: new oldIndex.DynamoCandidateIndex(client, TABLE), clock, taxonomy: oldTaxonomy.loadTaxonomy() };
      const newDeps = deps;
      const versions = [
        { name: 'before', demand: old.makeMatchDemand(oldDeps), learner: old.makeMatchLearner(oldDeps) },
        { name: 'after', demand: makeMatchDemand(newDeps), learner: makeMatchLearner(newDeps) },
      ];
      say(`A/B against ${other}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      for (const [way, warm, timed] of [['demand', ids.warmDemands, ids.timedDemands], ['learner', ids.warmLearners, ids.timedLearners]] as const) {
        for (const v of versions) for (const id of warm) await v[way](bureau, id, options);
        for (let pass = 0; pass < (process.env.PROFILE_DETAIL ? 0 : 2); pass++) {
          const ms = versions.map(() => [] as number[]);
          const reqs = versions.map(() => [] as number[]);
          const items = versions.map(() => [] as number[]);
          let differ = 0;
          for (const [i, id] of timed.entries()) {
            const order = (i + pass) % 2 === 0 ? [0, 1] : [1, 0];
            const lists: string[] = [];
            for (const v of order) {
              let list: Awaited<ReturnType<(typeof versions)[number][typeof way]>> = { items: [] };
              const t = await traced(async () => (list = await versions[v]![way](bureau, id, options)));
              ms[v]!.push(t.ms);
              reqs[v]!.push(t.reqs.length);
              items[v]!.push(t.reqs.reduce((s, q) => s + q.items, 0));
              lists[v] = JSON.stringify(list.items.map((x) => [x.id, x.score]));
            }
            if (lists[0] !== lists[1]) differ += 1;
          }
          const fmt = (m: number[]) => `p50 ${quantile(m, 0.5).toFixed(1)} p90 ${quantile(m, 0.9).toFixed(1)} p99 ${quantile(m, 0.99).toFixed(1)} mean ${(m.reduce((a, b) => a + b, 0) / m.length).toFixed(1)}`;
          const per = (v: number) => `requests ${(reqs[v]!.reduce((a, b) => a + b, 0) / timed.length).toFixed(1)} / p99 ${quantile(reqs[v]!, 0.99)}, items ${(items[v]!.reduce((a, b) => a + b, 0) / timed.length).toFixed(0)} / p99 ${quantile(items[v]!, 0.99)}`;
          say(`${way} pass ${pass + 1}: before ${fmt(ms[0]!)}, ${per(0)} | after ${fmt(ms[1]!)}, ${per(1)} | lists differing ${differ} of ${timed.length}; load ${(await import('node:os')).loadavg()[0]!.toFixed(2)}`);
        }
      }
      if (process.env.PROFILE_FUNCTIONS) {
        const session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
        for (const id of ids.timedDemands.slice(0, 150)) await versions[1]!.demand(bureau, id, options);
        for (const id of ids.timedLearners.slice(0, 150)) await versions[1]!.learner(bureau, id, options);
        const { profile } = await session.post('Profiler.stop');
        const dt = new Map<number, number>();
        const timeDeltas = profile.timeDeltas ?? [];
        (profile.samples ?? []).forEach((node, i) => dt.set(node, (dt.get(node) ?? 0) + (timeDeltas[i] ?? 0)));
        const self = new Map<string, number>();
        for (const node of profile.nodes) {
          const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber}`;
          self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
        }
        const total = [...self.values()].reduce((a, b) => a + b, 0);
        for (const [k, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) say(`${((us / total) * 100).toFixed(1)} % ${k}`);
        session.disconnect();
      }
      if (process.env.PROFILE_DETAIL) {
        for (const [way, timed] of [['demand', ids.timedDemands], ['learner', ids.timedLearners]] as const) {
          const all: Array<{ id: string; t: Trace & { ms: number }; list: string }> = [];
          for (const id of new Set(timed)) {
            let list = '';
            const t = await traced(async () => {
              const r = await versions[1]![way](bureau, id, options);
              list = r.items.map((x) => x.score).join(' ');
            });
            all.push({ id, t, list });
          }
          all.sort((a, b) => b.t.reqs.reduce((s, q) => s + q.items, 0) - a.t.reqs.reduce((s, q) => s + q.items, 0));
          for (const { id, t, list } of all.slice(0, 8)) {
            say(`\n${way} ${id}: ${t.ms.toFixed(0)} ms, scores ${list}`);
            for (const f of [...t.finds].sort((a, b) => a.start - b.start)) say(`  ${f.start.toFixed(0)}–${f.end.toFixed(0)} ${f.scope} found ${f.found}: ${f.names.join(' ')}`);
          }
        }
      }
      process.stdout.write(`${out.join('\n')}\n`);
      client.destroy();
      return;
    }
    say(`load average at start: ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const slowest = new Map<string, string[]>();
    for (const way of ways) {
      for (const id of way.warm) await way.call(id);
      const passes: Array<Map<string, Trace & { ms: number }>> = [];
      for (let pass = 0; pass < PASSES; pass++) {
        const byId = new Map<string, Trace & { ms: number }>();
        // Repeated ids keep their slowest time.
        for (const id of way.timed) {
          const t = await traced(() => way.call(id));
          if ((byId.get(id)?.ms ?? -1) < t.ms) byId.set(id, t);
        }
        passes.push(byId);
        const all = way.timed.map((id) => byId.get(id)!.ms);
        const gcTotal = [...byId.values()].reduce((s, t) => s + t.gc, 0);
        say(`${way.name} pass ${pass + 1}: p50 ${quantile(all, 0.5).toFixed(1)} p90 ${quantile(all, 0.9).toFixed(1)} p99 ${quantile(all, 0.99).toFixed(1)} max ${Math.max(...all).toFixed(1)} ms; GC ${gcTotal.toFixed(0)} ms over ${byId.size} ids; load ${(await import('node:os')).loadavg()[0]!.toFixed(2)}`);
      }
      const [a, b] = passes as [Map<string, Trace & { ms: number }>, Map<string, Trace & { ms: number }>];
      const top = [...a.entries()].sort((x, y) => y[1].ms - x[1].ms).slice(0, 10);
      slowest.set(way.name, top.map(([id]) => id));
      const rankB = [...b.entries()].sort((x, y) => y[1].ms - x[1].ms).map(([id]) => id);
      say(`\n${way.name}: the 10 slowest of pass 1, their pass-2 time and rank, and a re-run traced`);
      say('| id | pass 1 ms | pass 2 ms (rank) | re-run ms | GetItem | presence (keys, ms) | rounds: requests / items / KB / wall ms | after last read ms | GC ms |');
      say('| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |');
      for (const [id, t1] of top) {
        const t = await traced(() => way.call(id));
        // Finds started before any of the round's ended form a round (they start in one tick, but
        // the SDK's synchronous work puts milliseconds between them).
        const rounds: Find[][] = [];
        for (const f of [...t.finds].sort((x, y) => x.start - y.start)) {
          const last = rounds[rounds.length - 1];
          if (last && f.start < Math.min(...last.map((x) => x.end))) last.push(f);
          else rounds.push([f]);
        }
        const roundText = rounds
          .map((r) => {
            const from = Math.min(...r.map((f) => f.start));
            const to = Math.max(...r.map((f) => f.end));
            const reqs = t.reqs.filter((q) => q.command === 'QueryCommand' && q.start >= from - 0.01 && q.end <= to + 0.01);
            return `${reqs.length} / ${reqs.reduce((s, q) => s + q.items, 0)} / ${(reqs.reduce((s, q) => s + q.bytes, 0) / 1024).toFixed(0)} / ${(to - from).toFixed(0)} (${r.map((f) => `${f.scope}×${f.partitions}`).join(', ')})`;
          })
          .join('; ');
        const get = t.reqs.find((q) => /^Get(Item)?Command$/.test(q.command));
        const lastRead = Math.max(...t.finds.map((f) => f.end));
        say(
          `| ${id} | ${t1.ms.toFixed(0)} | ${b.get(id)!.ms.toFixed(0)} (${rankB.indexOf(id) + 1}) | ${t.ms.toFixed(0)} | ${get ? (get.end - get.start).toFixed(1) : '-'} | ` +
            `${t.presence ? `${t.presence.keys}, ${(t.presence.end - t.presence.start).toFixed(1)}` : '-'} | ${roundText} | ${(t.ms - lastRead).toFixed(1)} | ${t.gc.toFixed(1)} |`,
        );
      }
      // Where the slowest requests spend it: to the headers (DynamoDB Local) or after (body and decoding).
      // One call at a time: a trace is the one call in flight.
      const reqs: Req[] = [];
      for (const [id] of top) reqs.push(...(await traced(() => way.call(id))).reqs);
      const queries = reqs.filter((q) => q.command === 'QueryCommand');
      const toHeaders = queries.reduce((s, q) => s + (q.headers - q.start), 0);
      const whole = queries.reduce((s, q) => s + (q.end - q.start), 0);
      say(`queries of those calls: ${queries.length}, ${queries.reduce((s, q) => s + q.items, 0)} items, ${(queries.reduce((s, q) => s + q.bytes, 0) / 1024).toFixed(0)} KB; ${(toHeaders / whole * 100).toFixed(0)} % of request time to the headers, the rest body and decoding`);
    }

    // CPU of the slowest calls by category (self time).
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    for (const way of ways) {
      await session.post('Profiler.start');
      for (let i = 0; i < 3; i++) for (const id of slowest.get(way.name)!) await way.call(id);
      const { profile } = await session.post('Profiler.stop');
      const self = new Map<string, number>();
      const dt = new Map<number, number>();
      const timeDeltas = profile.timeDeltas ?? [];
      (profile.samples ?? []).forEach((node, i) => dt.set(node, (dt.get(node) ?? 0) + (timeDeltas[i] ?? 0)));
      for (const node of profile.nodes) {
        const us = dt.get(node.id) ?? 0;
        if (us === 0) continue;
        const { functionName: fn, url } = node.callFrame;
        const category = categorise(fn, url);
        self.set(category, (self.get(category) ?? 0) + us);
      }
      const total = [...self.values()].reduce((s, v) => s + v, 0);
      say(`\nCPU of ${way.name} (10 slowest × 3): ${[...self.entries()].sort((x, y) => y[1] - x[1]).map(([c, us]) => `${c} ${((us / total) * 100).toFixed(0)} %`).join(', ')}; ${(total / 30_000).toFixed(1)} ms a call`);
    }
    session.disconnect();
    observer.disconnect();
    process.stdout.write(`${out.join('\n')}\n`);
    client.destroy();
  } finally {
    raw.destroy();
    await dynamo.stop();
  }
}

function categorise(fn: string, url: string): string {
  if (fn === '(idle)' || fn === '(program)') return fn.slice(1, -1);
  if (fn === '(garbage collector)') return 'gc';
  if (/skill-vector|candidate-index/.test(url)) return 'decode (vectors, candidates)';
  if (/unmarshall|convertToNative|util-dynamodb/.test(url + fn)) return 'SDK unmarshall';
  if (/JSON|parse/.test(fn) && /smithy|aws-sdk|client-dynamodb/.test(url)) return 'SDK JSON';
  if (/explain/.test(url) || fn === 'scoreMatch' || fn === 'rankedExplanation') return 'explain';
  if (/matching\/(score|lexical)|regions/.test(url)) return 'score';
  if (/retrieval-bound|use-cases\/match/.test(url)) return 'plan and bounds';
  if (/@smithy|@aws-sdk/.test(url)) return 'SDK other';
  if (/node:|^$/.test(url)) return 'node (http, streams, timers)';
  return 'other';
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
