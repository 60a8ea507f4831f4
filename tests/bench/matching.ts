import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCandidateIndex } from '../../shared/adapters/dynamodb/candidate-index.js';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { IndexPresence } from '../../shared/adapters/dynamodb/index-presence.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import { matchingSkills } from '../../shared/domain/matching/evidence.js';
import { havesOf, needsOf, rankMatch } from '../../shared/domain/matching/score.js';
import { isActive, type AnyRecord, type Demand, type Kind, type Learner } from '../../shared/domain/records.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { Level } from '../../shared/taxonomy/levels.js';
import type { StoredSkill } from '../../shared/taxonomy/normalise.js';
import { loadTaxonomy, type Skill } from '../../shared/taxonomy/taxonomy.js';
import { makeMatchDemand, makeMatchLearner } from '../../shared/use-cases/match.js';
import { partitionsOf } from '../../shared/domain/matching/lexical.js';
import { recordFromInput } from '../../shared/use-cases/records.js';
import { startDynamoLocal } from '../../local/dynamodb-local.js';
import { ensureTable } from '../../local/table.js';
import type { BenchSection } from './run.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';

/**
 * Matching on a realistic volume: 10,000 learners, 5,000 demands and 1,000 courses generated from
 * the taxonomy (skills clustered by category with a skewed popularity, levels often missing,
 * regions weighted towards a few provinces), bulk-loaded into a fresh DynamoDB Local table; then
 * both match use cases are called in-process, one call at a time, for a few hundred random ids.
 *
 * Per call: latency, DynamoDB requests and read capacity (ReturnConsumedCapacity through a client
 * middleware). Retrieval against an exhaustive in-memory scoring of every record checks that the
 * index path returns exactly the same top 10 (it stops reading only where nobody unread can reach it).
 */

const LEARNERS = Number(process.env.BENCH_MATCH_LEARNERS ?? 10_000);
const DEMANDS = Number(process.env.BENCH_MATCH_DEMANDS ?? 5_000);
const COURSES = Number(process.env.BENCH_MATCH_COURSES ?? 1_000);
const CALLS = Number(process.env.BENCH_MATCH_CALLS ?? 300);
/** Calls compared with exhaustive scoring (each scores every record in memory). */
const QUALITY_CALLS = 50;
const TABLE = 'bench-matching';

const NOW = new Date();
const clock: Clock = { now: () => NOW };
const bureau: Caller = { sub: 'bench-bureau', role: 'bureau', region: 'national' };

// Districts of the provinces where most records sit, heavier first: a pilot is never uniform.
const REGIONS: ReadonlyArray<readonly [string, number]> = [
  ['110108', 8], ['110105', 6], ['110119', 3], ['110114', 4], ['310115', 7], ['310104', 4], ['440305', 7], ['440106', 6], ['441900', 5],
  ['320505', 4], ['320583', 3], ['330106', 5], ['510107', 5], ['420106', 4], ['130731', 2], ['340104', 3], ['610113', 3], ['410105', 3],
  ['500103', 3], ['370212', 2], ['210102', 2], ['430104', 2], ['350206', 2], ['120116', 2],
];

/** A small deterministic PRNG (mulberry32), so every run loads the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    let r = next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  return { next, int, weighted };
}

const rand = prng(20260601);
const taxonomy = loadTaxonomy();
const byCategory = new Map<string, Skill[]>();
for (const skill of taxonomy.skills.values()) {
  if (skill.deprecated) continue;
  byCategory.set(skill.category, [...(byCategory.get(skill.category) ?? []), skill]);
}
const categories = [...byCategory.keys()];
// Within a category, the r-th skill is picked with weight 1/(r+1): a few skills are everywhere.
const skillWeights = new Map([...byCategory].map(([c, skills]) => [c, skills.map((s, r) => [s, 1 / (r + 1)] as const)]));

function pickSkills(count: number, levelChance: number, levels: readonly Level[]): StoredSkill[] {
  const category = categories[rand.int(categories.length)]!;
  const chosen = new Map<string, Skill>();
  for (let tries = 0; chosen.size < count && tries < count * 10; tries++) {
    // Mostly one field, sometimes a skill from another (office software, a second trade).
    const from = rand.next() < 0.85 ? category : categories[rand.int(categories.length)]!;
    const skill = rand.weighted(skillWeights.get(from)!);
    chosen.set(skill.id, skill);
  }
  const named = [...chosen.values()].map((s): StoredSkill => ({
    text: s.zh,
    skillId: s.id,
    level: rand.next() < levelChance ? levels[rand.int(levels.length)]! : null,
    confidence: 1,
  }));
  // About one record in four also writes something the taxonomy does not name, as people do.
  const unnamed: StoredSkill[] = rand.next() < 0.25 ? [{ text: UNNAMED[rand.int(UNNAMED.length)]!, skillId: null, level: null, confidence: 0 }] : [];
  return [...named, ...unnamed];
}

/** Phrases from postings and résumés that no taxonomy skill names: lexical evidence in the index. */
const UNNAMED = [
  '万用表用得熟', '电池PACK', '模组装配', '绝缘耐压测试', '看电气图', '大疆M300操作', '精灵4RTK', 'RTK打像控点', '起降点操作、换电池',
  '发那科0i系统', '对刀', '打螺丝', '贴标签', 'K&S焊线机调机', 'DISCO划片机', '看英文设备手册', '配电柜接线', '产品讲解话术', '控场',
  '压疮预防', '翻身擦身', '喷头流量', '地块规划', '拉框打点', '2D/3D融合标注', '千川投流', '顶班直播', '出巡检报告', '红外测温',
];

/** The synthetic learners, demands and courses, the same on every run (seeded). */
export function generate(): AnyRecord[] {
  const records: AnyRecord[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const skills = pickSkills(2 + rand.int(7), 0.6, [1, 2, 3, 4, 5]);
    const certificates = rand.next() < 0.2 ? [`${skills[0]!.text}职业技能等级证书`] : [];
    const input = { ref: `L-${i}`, summary: `合成求职者 ${i}`, skills, certificates, region: rand.weighted(REGIONS), group: 'other' as const, consentToShare: rand.next() < 0.85 };
    records.push(recordFromInput('learner', `bench-seeker-${i}`, input, undefined, NOW));
  }
  for (let i = 0; i < DEMANDS; i++) {
    const required = pickSkills(2 + rand.int(4), 0.5, [2, 3, 4]);
    const preferred = pickSkills(rand.int(4), 0.3, [2, 3]).filter((p) => !required.some((r) => r.skillId === p.skillId));
    const expiresAt = rand.next() < 0.1 ? new Date(NOW.getTime() + 30 * 86_400_000).toISOString() : undefined;
    const input = {
      ref: `D-${i}`, employer: `合成企业${i % 700}`, title: `岗位${i}`, description: '', requiredSkills: required, preferredSkills: preferred,
      region: rand.weighted(REGIONS), headcount: 1 + rand.int(10), ...(expiresAt ? { expiresAt } : {}),
    };
    records.push(recordFromInput('demand', `bench-employer-${i % 700}`, input, undefined, NOW));
  }
  for (let i = 0; i < COURSES; i++) {
    const input = {
      ref: `C-${i}`, title: `课程${i}`, description: '', skillsTaught: pickSkills(1 + rand.int(4), 1, [1, 2, 3]), level: (1 + rand.int(3)) as Level,
      hours: 40, mode: 'blended' as const, provider: '合成培训中心', region: rand.weighted(REGIONS),
    };
    records.push(recordFromInput('course', 'bench-bureau', input, undefined, NOW));
  }
  return records;
}

interface Call {
  readonly ms: number;
  readonly requests: number;
  readonly rcu: number;
}

/** Counts requests and sums read capacity on a client, while `on`. */
function meter(client: DynamoDBDocumentClient) {
  const state = { on: false, requests: 0, rcu: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      if (!state.on) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }).ConsumedCapacity;
      state.requests += 1;
      state.rcu += Array.isArray(consumed) ? consumed.reduce((s, c) => s + (c.CapacityUnits ?? 0), 0) : (consumed?.CapacityUnits ?? 0);
      return out;
    },
    { step: 'initialize', name: 'benchMeter' },
  );
  return state;
}

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};
const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

const sample = <T>(items: readonly T[], n: number): T[] => Array.from({ length: n }, () => items[rand.int(items.length)]!);

async function timeCalls(ids: readonly string[], call: (id: string) => Promise<unknown>, meterState: ReturnType<typeof meter>): Promise<Call[]> {
  const calls: Call[] = [];
  for (const id of ids) {
    meterState.requests = 0;
    meterState.rcu = 0;
    const started = performance.now();
    await call(id);
    calls.push({ ms: performance.now() - started, requests: meterState.requests, rcu: meterState.rcu });
  }
  return calls;
}

/** Top-10 found by the use case against the top-10 of scoring every record: shared ids, and score mass. */
function retrievalQuality(found: ReadonlyArray<{ id: string; score: number }>, exhaustive: ReadonlyArray<{ id: string; score: number }>) {
  const top = exhaustive.slice(0, 10);
  const ids = new Set(found.map((f) => f.id));
  const best = top.reduce((s, e) => s + e.score, 0);
  return {
    recall: top.length > 0 ? top.filter((e) => ids.has(e.id)).length / top.length : 1,
    mass: best > 0 ? found.slice(0, 10).reduce((s, f) => s + f.score, 0) / best : 1,
  };
}

/** Best first, with the use case's tie-breakers (score, required skills met, nearness, id). */
const rank = (items: Array<{ id: string; score: number; requiredMet: number; distance: number }>) =>
  items
    .filter((i) => i.score > 0)
    .sort((a, b) => b.score - a.score || b.requiredMet - a.requiredMet || a.distance - b.distance || (a.id < b.id ? -1 : 1));

/**
 * The ids the benchmark calls, drawn right after {@link generate} from the same seeded sequence:
 * the same ids on every run (and for tests/bench/matching-profile.ts).
 */
export function benchIds(records: readonly AnyRecord[]) {
  const learners = records.filter((r): r is Learner => r.kind === 'learner');
  const demands = records.filter((r): r is Demand => r.kind === 'demand');
  const open = demands.filter((d) => isActive(d, NOW));
  return {
    open,
    warmDemands: sample(demands, 20).map((d) => d.id),
    warmLearners: sample(learners, 20).map((l) => l.id),
    timedDemands: sample(demands, CALLS).map((d) => d.id),
    timedLearners: sample(learners, CALLS).map((l) => l.id),
    judgedDemands: sample(open, QUALITY_CALLS),
    judgedLearners: sample(learners, QUALITY_CALLS),
  };
}

/** Runs the matching benchmark. */
export async function benchMatching(): Promise<BenchSection> {
  const dynamo = await startDynamoLocal({ port: 0, jit: process.env.BENCH_JIT === 'quick' ? 'quick' : 'full' });
  try {
    const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(raw, TABLE, { stream: false });
    const client = makeDocumentClient({ endpoint: dynamo.endpoint });
    // An empty table: the presence items written with every entry cover them all (index-presence.ts).
    await new IndexPresence(client, TABLE).markComplete();
    const store = new DynamoRecordStore(client, TABLE, clock, { index: recordIndex });

    const records = generate();
    const loadStarted = performance.now();
    for (let i = 0; i < records.length; i += 500) await store.saveMany(records.slice(i, i + 500).map((next) => ({ next })));
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const indexItems = records.reduce((s, r) => s + (isActive(r, NOW) ? partitionsOf(matchingSkills(r, taxonomy)).length : 0), 0);

    const learners = records.filter((r): r is Learner => r.kind === 'learner');
    const metered = meter(client);
    const rows: string[] = [];
    const quality: string[] = [];
    const { open, warmDemands, warmLearners, timedDemands, timedLearners, judgedDemands, judgedLearners } = benchIds(records);
    const shown = learners.filter((l) => l.consentToShare).map((l) => ({ l, haves: havesOf(matchingSkills(l, taxonomy)) }));
    {
      const deps = { store, candidates: new DynamoCandidateIndex(client, TABLE), clock, taxonomy };
      const matchDemand = makeMatchDemand(deps);
      const matchLearner = makeMatchLearner(deps);
      const options = { limit: 10, lang: 'zh' as const };
      // Warm the JIT, the SDK's connections and DynamoDB Local before timing.
      await timeCalls(warmDemands, (id) => matchDemand(bureau, id, options), metered);
      await timeCalls(warmLearners, (id) => matchLearner(bureau, id, options), metered);
      metered.on = true;
      const byDemand = await timeCalls(timedDemands, (id) => matchDemand(bureau, id, options), metered);
      const byLearner = await timeCalls(timedLearners, (id) => matchLearner(bureau, id, options), metered);
      metered.on = false;
      for (const [route, calls] of [['GET /demands/{id}/matches', byDemand], ['GET /learners/{id}/matches', byLearner]] as const) {
        rows.push(
          `| ${route} | ${calls.length} | ${quantile(calls.map((c) => c.ms), 0.5).toFixed(1)} | ${quantile(calls.map((c) => c.ms), 0.99).toFixed(1)} | ` +
            `${mean(calls.map((c) => c.requests)).toFixed(1)} | ${quantile(calls.map((c) => c.requests), 0.99)} | ` +
            `${mean(calls.map((c) => c.rcu)).toFixed(1)} | ${quantile(calls.map((c) => c.rcu), 0.99).toFixed(1)} |`,
        );
      }

      // Retrieval against exhaustive scoring of every record in memory (what a scan would find).
      const demandQuality = [];
      for (const d of judgedDemands) {
        const needs = needsOf(matchingSkills(d, taxonomy), d.minLevel);
        const exhaustive = rank(shown.map(({ l, haves }) => ({ id: l.id, ...rankMatch(needs, haves, { demandRegion: d.region, learnerRegion: l.region }, taxonomy) })));
        demandQuality.push(retrievalQuality((await matchDemand(bureau, d.id, options)).items, exhaustive));
      }
      const learnerQuality = [];
      for (const l of judgedLearners) {
        const haves = havesOf(matchingSkills(l, taxonomy));
        const exhaustive = rank(open.map((d) => ({ id: d.id, ...rankMatch(needsOf(matchingSkills(d, taxonomy), d.minLevel), haves, { demandRegion: d.region, learnerRegion: l.region }, taxonomy) })));
        learnerQuality.push(retrievalQuality((await matchLearner(bureau, l.id, options)).items, exhaustive));
      }
      quality.push(
        `| demand → learners | ${mean(demandQuality.map((q) => q.recall)).toFixed(3)} | ${mean(demandQuality.map((q) => q.mass)).toFixed(3)} |`,
        `| learner → demands | ${mean(learnerQuality.map((q) => q.recall)).toFixed(3)} | ${mean(learnerQuality.map((q) => q.mass)).toFixed(3)} |`,
      );
    }
    raw.destroy();
    client.destroy();

    const count = (kind: Kind) => records.filter((r) => r.kind === kind).length;
    const markdown = [
      `${count('learner').toLocaleString('en')} learners, ${count('demand').toLocaleString('en')} demands, ${count('course').toLocaleString('en')} courses generated from the taxonomy ` +
        `(${indexItems.toLocaleString('en')} skill-index items), loaded with \`saveMany\` in ${loadSeconds.toFixed(1)} s into DynamoDB Local (a table without a stream; the JVM with its full JIT, as a long-running server would be). ` +
        `Then ${CALLS} calls of each use case, one at a time, in-process, \`limit=10\`, for random ids. Each call reads the index partitions its score can credit (skills, grams of lexical evidence, one-hop neighbours), by region scope (the subject's province, then the rest of the country), skipping those the presence items say hold nobody there, until nobody unread can reach its 10th score (docs/matching.md); aims: p99 ≤ 60 ms, read units reported (the presence BatchGetItem included).`,
      '',
      '| route | calls | p50 ms | p99 ms | requests (mean) | requests (p99) | RCU (mean) | RCU (p99) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Retrieval against scoring every record in memory, ${QUALITY_CALLS} random calls each: the share of the exhaustive top 10 that the call found, and the share of its total score.`,
      '',
      '| direction | recall of exhaustive top 10 (aim 1.000) | score mass of top 10 |',
      '| --- | ---: | ---: |',
      ...quality,
      '',
      'Latency is DynamoDB Local on this machine (a Java process on loopback), not DynamoDB in a region: read it for the shape (requests, capacity, the cost of widening), not as a Lambda p99.',
    ].join('\n');
    return { title: 'Matching (two-way, from the skill index)', markdown };
  } finally {
    await dynamo.stop();
  }
}
