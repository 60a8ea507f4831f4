import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCandidateIndex } from '../../shared/adapters/dynamodb/candidate-index.js';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { DynamoCourseCatalogue } from '../../shared/adapters/dynamodb/course-catalogue.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import { DynamoShortageStore } from '../../shared/adapters/dynamodb/shortage-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import { indexedSkills, isActive, type AnyRecord, type Demand, type Kind, type Learner } from '../../shared/domain/records.js';
import type { Clock } from '../../shared/ports/clock.js';
import { LEARNER_GROUPS } from '../../shared/schemas/learner.js';
import type { Level } from '../../shared/taxonomy/levels.js';
import { tallyShortage, withoutExpired } from '../../shared/domain/shortage.js';
import type { StoredSkill } from '../../shared/taxonomy/normalise.js';
import { loadTaxonomy, type Skill } from '../../shared/taxonomy/taxonomy.js';
import { DEMAND_PARTITIONS, makeRecommendCourses, type Recommendations, type RecommendOptions } from '../../shared/use-cases/recommend.js';
import { recordFromInput } from '../../shared/use-cases/records.js';
import { startDynamoLocal } from '../../local/dynamodb-local.js';
import { ensureTable } from '../../local/table.js';
import type { BenchSection } from './run.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';

/**
 * Course recommendations on a realistic volume: 10,000 learners, 5,000 demands and 1,000 courses
 * generated from the taxonomy (skills clustered by category with a skewed popularity, levels
 * often missing, regions weighted towards a few provinces, courses of every mode, level and price),
 * bulk-loaded with `saveMany` into a fresh table of its own on DynamoDB Local, with the shortage
 * counters the stream consumer would write for them. Then the use case is called in-process, one call at a time, for random
 * learners: with no target (the nearby demands), with a random occupation, and with a random demand.
 *
 * Per call: latency, DynamoDB requests and read capacity (ReturnConsumedCapacity through a client
 * middleware), and what came back (courses listed, pathway length, gap skills).
 */

const LEARNERS = Number(process.env.BENCH_RECOMMEND_LEARNERS ?? 10_000);
const DEMANDS = Number(process.env.BENCH_RECOMMEND_DEMANDS ?? 5_000);
const COURSES = Number(process.env.BENCH_RECOMMEND_COURSES ?? 1_000);
const CALLS = Number(process.env.BENCH_RECOMMEND_CALLS ?? 200);
const TABLE = 'bench-recommendations';

const NOW = new Date();
const clock: Clock = { now: () => NOW };
const bureau: Caller = { sub: 'bench-bureau', role: 'bureau', region: 'national' };

// Districts where most records sit, heavier first.
const REGIONS: ReadonlyArray<readonly [string, number]> = [
  ['110108', 8], ['110105', 6], ['110119', 3], ['310115', 7], ['310104', 4], ['440305', 7], ['440106', 6], ['320505', 4],
  ['330106', 5], ['510107', 5], ['420106', 4], ['340104', 3], ['610113', 3], ['500103', 3], ['370212', 2], ['120116', 2],
];
const COURSE_REGIONS: ReadonlyArray<readonly [string, number]> = [...REGIONS, ['110000', 4], ['310000', 4], ['440000', 3], ['national', 6]];

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

const rand = prng(20260717);
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
    const from = rand.next() < 0.85 ? category : categories[rand.int(categories.length)]!;
    const skill = rand.weighted(skillWeights.get(from)!);
    chosen.set(skill.id, skill);
  }
  return [...chosen.values()].map((s) => ({ text: s.zh, skillId: s.id, level: rand.next() < levelChance ? levels[rand.int(levels.length)]! : null, confidence: 1 }));
}

function generate(): AnyRecord[] {
  const records: AnyRecord[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const skills = pickSkills(2 + rand.int(6), 0.6, [1, 2, 3, 4]);
    const input = {
      ref: `L-${i}`, summary: `合成求职者 ${i}`, skills, certificates: [], region: rand.weighted(REGIONS), group: LEARNER_GROUPS[rand.int(LEARNER_GROUPS.length)]!,
      consentToShare: rand.next() < 0.85, ...(rand.next() < 0.4 ? { prefersOnline: rand.next() < 0.7 } : {}),
    };
    records.push(recordFromInput('learner', `bench-seeker-${i}`, input, undefined, NOW));
  }
  for (let i = 0; i < DEMANDS; i++) {
    const required = pickSkills(2 + rand.int(4), 0.5, [2, 3, 4]);
    const preferred = pickSkills(rand.int(4), 0.3, [2, 3]).filter((p) => !required.some((r) => r.skillId === p.skillId));
    const input = { ref: `D-${i}`, employer: `合成企业${i % 700}`, title: `岗位${i}`, description: '', requiredSkills: required, preferredSkills: preferred, region: rand.weighted(REGIONS), headcount: 1 + rand.int(10) };
    records.push(recordFromInput('demand', `bench-employer-${i % 700}`, input, undefined, NOW));
  }
  const modes = [['online', 4], ['offline', 4], ['blended', 2]] as const;
  for (let i = 0; i < COURSES; i++) {
    const skillsTaught = pickSkills(1 + rand.int(3), 0.3, [1, 2, 3, 4]);
    const input = {
      ref: `C-${i}`, title: `课程${i}`, description: '', skillsTaught, level: (1 + rand.int(4)) as Level, hours: 16 + rand.int(30) * 8,
      mode: rand.weighted(modes), provider: '合成培训中心', region: rand.weighted(COURSE_REGIONS),
      ...(rand.next() < 0.6 ? { certificate: `${skillsTaught[0]!.text}职业技能等级证书` } : {}),
      ...(rand.next() < 0.9 ? { priceYuan: 500 + rand.int(60) * 100 } : {}),
      ...(rand.next() < 0.3 ? { subsidyYuan: 300 + rand.int(10) * 100 } : {}),
    };
    records.push(recordFromInput('course', 'bench-bureau', input, undefined, NOW));
  }
  return records;
}

interface Call {
  readonly learnerId: string;
  readonly ms: number;
  readonly requests: number;
  readonly rcu: number;
  readonly answer: Recommendations;
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
    { step: 'initialize', name: 'recommendBenchMeter' },
  );
  return state;
}

/** Demand partitions compared with the shipped number, and the reference that reads nearly all. */
const COMPARED_PARTITIONS = [2, 3, 4].filter((p) => p !== DEMAND_PARTITIONS);
const REFERENCE_PARTITIONS = 12;

/** How close the calls' answers come to the reference answers for the same learners (means over learners, as percentages). */
function agreementWith(reference: ReadonlyMap<string, Recommendations>, calls: readonly Call[]): string {
  const share = (kept: number, of: number) => (of === 0 ? 1 : kept / of);
  const targets: number[] = [];
  const gap: number[] = [];
  const courses: number[] = [];
  for (const { learnerId, answer } of calls) {
    const ref = reference.get(learnerId);
    if (!ref) continue;
    const aimed = new Set(answer.target.demands.map((d) => d.id));
    targets.push(share(ref.target.demands.filter((d) => aimed.has(d.id)).length, ref.target.demands.length));
    const inGap = new Set(answer.gap.map((g) => g.skillId));
    const refWeight = ref.gap.reduce((s, g) => s + g.weight, 0);
    gap.push(share(ref.gap.filter((g) => inGap.has(g.skillId)).reduce((s, g) => s + g.weight, 0), refWeight));
    const listed = new Set(answer.items.map((c) => c.id));
    courses.push(share(ref.items.filter((c) => listed.has(c.id)).length, ref.items.length));
  }
  const pct = (values: readonly number[]) => `${(100 * mean(values)).toFixed(0)} %`;
  return `${pct(targets)} | ${pct(gap)} | ${pct(courses)}`;
}

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};
const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
const sample = <T>(items: readonly T[], n: number): T[] => Array.from({ length: n }, () => items[rand.int(items.length)]!);

/** Runs the recommendations benchmark. */
export async function benchRecommendations(): Promise<BenchSection> {
  const dynamo = await startDynamoLocal({ port: 0, jit: process.env.BENCH_JIT === 'quick' ? 'quick' : 'full' });
  try {
    const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(raw, TABLE, { stream: false });
    const client = makeDocumentClient({ endpoint: dynamo.endpoint });
    const store = new DynamoRecordStore(client, TABLE, clock, { index: recordIndex });
    const shortage = new DynamoShortageStore(client, TABLE, clock);

    const records = generate();
    const loadStarted = performance.now();
    for (let i = 0; i < records.length; i += 500) await store.saveMany(records.slice(i, i + 500).map((next) => ({ next })));
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    process.stderr.write(`bench: recommendations: ${records.length.toLocaleString('en')} records loaded in ${loadSeconds.toFixed(1)} s\n`);
    // The counters the stream consumer would have written for these records, written the way it
    // writes them. Not by the operator's rebuild: its whole-table Scans take tens of minutes on
    // DynamoDB Local at this size (the table holds every record's skill and word index items too).
    const counters = withoutExpired(tallyShortage(records), NOW);
    await shortage.applyOnce('bench-load', counters);
    const indexItems = records.reduce((s, r) => s + (isActive(r, NOW) ? indexedSkills(r).length : 0), 0);

    const learners = records.filter((r): r is Learner => r.kind === 'learner');
    const demands = records.filter((r): r is Demand => r.kind === 'demand');
    const occupations = [...taxonomy.occupations.keys()];
    const metered = meter(client);
    // What a cold container pays once: the whole catalogue into memory.
    const catalogue = new DynamoCourseCatalogue(client, TABLE, clock);
    metered.on = true;
    const coldStarted = performance.now();
    await catalogue.courses();
    const cold = { ms: performance.now() - coldStarted, requests: metered.requests, rcu: metered.rcu };
    metered.on = false;
    const deps = { store, candidates: new DynamoCandidateIndex(client, TABLE), shortage, catalogue, clock, taxonomy };
    const recommendWith = (demandPartitions: number) => makeRecommendCourses({ ...deps, demandPartitions });
    const recommend = recommendWith(DEMAND_PARTITIONS);

    const run = async (extra: () => Partial<RecommendOptions>, n: number, using = recommend, who = sample(learners, n)): Promise<Call[]> => {
      const calls: Call[] = [];
      for (const learner of who) {
        const options = { limit: 10, lang: 'zh' as const, ...extra() };
        metered.requests = 0;
        metered.rcu = 0;
        const started = performance.now();
        const answer = await using(bureau, learner.id, options);
        calls.push({ learnerId: learner.id, ms: performance.now() - started, requests: metered.requests, rcu: metered.rcu, answer });
      }
      return calls;
    };
    const nearbyLearners = sample(learners, CALLS);
    const scenarios: ReadonlyArray<readonly [string, () => Promise<Call[]>]> = [
      [`no target (nearby demands), ${DEMAND_PARTITIONS} partitions (shipped)`, () => run(() => ({}), CALLS, recommend, nearbyLearners)],
      ...COMPARED_PARTITIONS.map((p) => [`no target (nearby demands), ${p} partitions`, () => run(() => ({}), CALLS, recommendWith(p), nearbyLearners)] as const),
      ['`occupation=` random', () => run(() => ({ occupationId: occupations[rand.int(occupations.length)]! }), CALLS)],
      ['`demandId=` random', () => run(() => ({ demandId: demands[rand.int(demands.length)]!.id }), CALLS)],
    ];
    // Warm the JIT, the SDK's connections and DynamoDB Local before timing.
    await run(() => ({}), 20);
    // What the nearby demands would be were every skill partition the learner's skills lead to read.
    const reference = new Map((await run(() => ({}), CALLS, recommendWith(REFERENCE_PARTITIONS), nearbyLearners)).map((c) => [c.learnerId, c.answer]));
    metered.on = true;
    const rows: string[] = [];
    const agreement: string[] = [];
    for (const [name, go] of scenarios) {
      const calls = await go();
      if (name.startsWith('no target')) agreement.push(`| ${name.replace('no target (nearby demands), ', '')} | ${agreementWith(reference, calls)} |`);
      const ms = calls.map((c) => c.ms);
      const requests = calls.map((c) => c.requests);
      const rcu = calls.map((c) => c.rcu);
      rows.push(
        `| ${name} | ${calls.length} | ${quantile(ms, 0.5).toFixed(1)} | ${quantile(ms, 0.99).toFixed(1)} | ${mean(requests).toFixed(1)} | ${quantile(requests, 0.99)} | ${Math.max(...requests)} | ` +
          `${mean(rcu).toFixed(1)} | ${quantile(rcu, 0.99).toFixed(1)} | ${mean(calls.map((c) => c.answer.gap.length)).toFixed(1)} | ${mean(calls.map((c) => c.answer.items.length)).toFixed(1)} | ` +
          `${mean(calls.map((c) => c.answer.pathway.courses.length)).toFixed(2)} | ${mean(calls.map((c) => c.answer.pathway.coverage)).toFixed(2)} |`,
      );
    }
    metered.on = false;
    raw.destroy();
    client.destroy();

    const count = (kind: Kind) => records.filter((r) => r.kind === kind).length;
    const markdown = [
      `${count('learner').toLocaleString('en')} learners, ${count('demand').toLocaleString('en')} demands, ${count('course').toLocaleString('en')} courses generated from the taxonomy ` +
        `(${indexItems.toLocaleString('en')} skill-index items), loaded with \`saveMany\` in ${loadSeconds.toFixed(1)} s into DynamoDB Local (a table of its own, without a stream; the JVM with its full JIT, as a long-running server would be); ` +
        `shortage counters written from them as the stream consumer writes them (${counters.length.toLocaleString('en')} counters). Then ${CALLS} calls per scenario of \`makeRecommendCourses\`, one at a time, in-process, ` +
        '`limit=10`, for random learners, with the real DynamoDB record store, candidate index, shortage reader and course catalogue.',
      '',
      '| scenario | calls | p50 ms | p99 ms | requests (mean) | requests (p99) | requests (max) | RCU (mean) | RCU (p99) | gap skills | courses listed | pathway courses | pathway coverage |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      'Requests per call, as the use case bounds them: the learner, the course catalogue\'s version and a given demand (if one is) in one BatchGetItem; ' +
        'toward nearby demands, then one candidate-index Query per demand partition in the province (as many again nationwide when it has none); then 1 shortage BatchGet (2 past 100 skills). ' +
        'The courses themselves come from the copy in memory. ' +
        `A cold container loads that copy once (and again after any course write, or after 5 minutes): here ${cold.requests} Queries (one per province partition of GSI2, 8 at once), ` +
        `${cold.rcu.toFixed(1)} RCU, ${cold.ms.toFixed(0)} ms for ${count('course').toLocaleString('en')} courses; the timed calls above made ${catalogue.reloads - 1} further loads. ` +
        'RCU are what DynamoDB Local reports (ReturnConsumedCapacity TOTAL); read them as an order of magnitude for on-demand cost.',
      '',
      `What reading fewer demand partitions costs, on the same ${CALLS} learners: the answer toward nearby demands against one reading ${REFERENCE_PARTITIONS} partitions ` +
        '(every held skill and the skills next to them, for nearly every learner here). Targets: share of the reference\'s target demands also aimed at; ' +
        'gap: share of the reference\'s gap weight also in the gap; courses: share of the reference\'s top-10 courses also listed.',
      '',
      '| demand partitions | targets found | gap weight kept | top-10 courses kept |',
      '| --- | ---: | ---: | ---: |',
      ...agreement,
    ].join('\n');
    return { title: 'Course recommendations', markdown };
  } finally {
    await dynamo.stop();
  }
}
