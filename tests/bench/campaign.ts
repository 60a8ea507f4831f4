import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.js';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import { DynamoShortageStore } from '../../shared/adapters/dynamodb/shortage-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import type { AnyRecord } from '../../shared/domain/records.js';
import type { Clock } from '../../shared/ports/clock.js';
import { CampaignInputSchema } from '../../shared/schemas/campaign.js';
import { loadTaxonomy } from '../../shared/taxonomy/taxonomy.js';
import { newCampaign } from '../../shared/use-cases/campaign/manage.js';
import { makeCampaignRunner } from '../../shared/use-cases/campaign/runner.js';
import { recordFromInput } from '../../shared/use-cases/records.js';
import { startDynamoLocal } from '../../local/dynamodb-local.js';
import { ensureTable } from '../../local/table.js';
import { BEIJING_REGIONS, marketGenerator } from './campaign-data.js';
import type { BenchSection } from './run.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';

/**
 * Bureau campaigns at scale.
 *
 * 1. The matching engine alone, in memory, in a child process (so its peak RSS is its own):
 *    BENCH_CAMPAIGN_LEARNERS (100,000) learners against BENCH_CAMPAIGN_DEMANDS (20,000) demands,
 *    top 10 each, beside brute force (every pair scored with `rankMatch`) on a sample of learners,
 *    whose top 10 must be identical; brute force over all learners is extrapolated from the sample.
 * 2. End to end on DynamoDB Local: BENCH_CAMPAIGN_E2E_LEARNERS (20,000) learners and
 *    BENCH_CAMPAIGN_E2E_DEMANDS (5,000) demands in Beijing, one assign-mode campaign run by the
 *    local driver (the CLI's code), every DynamoDB request counted by a client middleware with the
 *    capacity DynamoDB Local reports. The per-learner figures feed the cost note (docs/campaigns.md).
 */

const LEARNERS = Number(process.env.BENCH_CAMPAIGN_LEARNERS ?? 100_000);
const DEMANDS = Number(process.env.BENCH_CAMPAIGN_DEMANDS ?? 20_000);
const BRUTE_SAMPLE = Number(process.env.BENCH_CAMPAIGN_BRUTE_SAMPLE ?? 300);
const COMPUTE_SAMPLE = Number(process.env.BENCH_CAMPAIGN_COMPUTE_SAMPLE ?? 10_000);
const E2E_LEARNERS = Number(process.env.BENCH_CAMPAIGN_E2E_LEARNERS ?? 20_000);
const E2E_DEMANDS = Number(process.env.BENCH_CAMPAIGN_E2E_DEMANDS ?? 5_000);
const E2E_COURSES = 300;
const TABLE = 'bench-campaign';

const NOW = new Date();
const clock: Clock = { now: () => NOW };
const run = promisify(execFile);

interface EngineFigures {
  learners: number;
  demands: number;
  distinctSkills: number;
  postings: number;
  words: boolean;
  lexicalNeeds: number;
  needsWithGrams: number;
  learnersWithWords: number;
  buildMs: number;
  engineSeconds: number;
  engineCpuSeconds: number;
  touchedPerLearner: number;
  rankedPerLearner: number;
  engineMaxRssMiB: number;
  maxRssMiB: number;
  bruteSample: number;
  bruteSeconds: number;
  engineSampleSeconds: number;
  identical: number;
  computeSample: number;
  computeSeconds: number;
}

async function engineFigures(): Promise<EngineFigures> {
  const child = fileURLToPath(new URL('./campaign-engine-child.ts', import.meta.url));
  const { stdout } = await run(process.execPath, ['--import', import.meta.resolve('tsx'), child, String(LEARNERS), String(DEMANDS), String(BRUTE_SAMPLE), String(COMPUTE_SAMPLE)], {
    maxBuffer: 1 << 20,
    timeout: 30 * 60_000,
  });
  return JSON.parse(stdout) as EngineFigures;
}

interface Meter {
  on: boolean;
  readonly commands: Map<string, { requests: number; units: number }>;
}

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

/** Counts requests and the capacity DynamoDB Local reports, per command, while `on`. */
function meter(client: DynamoDBDocumentClient): Meter {
  const state: Meter = { on: false, commands: new Map() };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!state.on) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }).ConsumedCapacity;
      const units = Array.isArray(consumed) ? consumed.reduce((s, c) => s + (c.CapacityUnits ?? 0), 0) : (consumed?.CapacityUnits ?? 0);
      const name = context.commandName ?? 'unknown';
      const entry = state.commands.get(name) ?? { requests: 0, units: 0 };
      entry.requests += 1;
      entry.units += units;
      state.commands.set(name, entry);
      return out;
    },
    { step: 'initialize', name: 'benchCampaignMeter' },
  );
  return state;
}

/** The Beijing market of the end-to-end run, as records. */
function e2eRecords(): AnyRecord[] {
  const market = marketGenerator(20260702, BEIJING_REGIONS);
  const skills = (picks: ReadonlyArray<{ skillId: string; level: 1 | 2 | 3 | 4 | 5 | null }>) => picks.map((p) => ({ text: p.skillId, skillId: p.skillId, level: p.level, confidence: 1 }));
  const records: AnyRecord[] = [];
  for (let i = 0; i < E2E_DEMANDS; i++) {
    const d = market.demand();
    const input = {
      ref: `D-${i}`, employer: `合成企业${i % 700}`, title: `岗位${i}`, description: '', region: d.region, headcount: d.headcount,
      requiredSkills: skills(d.needs.filter((n) => n.role === 'required')), preferredSkills: skills(d.needs.filter((n) => n.role === 'preferred')),
    };
    records.push(recordFromInput('demand', `bench-employer-${i % 700}`, input, undefined, NOW));
  }
  for (let i = 0; i < E2E_COURSES; i++) {
    const c = market.course();
    const input = { ref: `C-${i}`, title: `课程${i}`, description: '', skillsTaught: skills(c.skills), level: c.level, hours: 80, mode: c.mode, provider: '合成培训中心', region: c.region, seats: c.seats, priceYuan: c.priceYuan };
    records.push(recordFromInput('course', 'bench-bureau', input, undefined, NOW));
  }
  for (let i = 0; i < E2E_LEARNERS; i++) {
    const l = market.learner();
    const input = { ref: `L-${i}`, summary: '', skills: skills(l.skills), certificates: [], region: l.region, group: l.group, consentToShare: true };
    records.push(recordFromInput('learner', 'bench-bureau', input, undefined, NOW));
  }
  return records;
}

interface E2eFigures {
  loadSeconds: number;
  runSeconds: number;
  learners: number;
  matched: number;
  assigned: number;
  failed: number;
  commands: Map<string, { requests: number; units: number }>;
  resultBytes: number;
}

async function endToEnd(): Promise<E2eFigures> {
  const dynamo = await startDynamoLocal({ port: 0 });
  try {
    const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(raw, TABLE, { stream: false });
    raw.destroy();
    const client = makeDocumentClient({ endpoint: dynamo.endpoint });
    const store = new DynamoRecordStore(client, TABLE, clock, { index: recordIndex });
    const records = e2eRecords();
    const loadStarted = performance.now();
    for (let i = 0; i < records.length; i += 500) await store.saveMany(records.slice(i, i + 500).map((next) => ({ next })));
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const campaigns = new DynamoCampaignStore(client, TABLE);
    const runner = makeCampaignRunner({ campaigns, store, shortage: new DynamoShortageStore(client, TABLE, clock), taxonomy: loadTaxonomy(), clock });
    const bureau: Caller = { sub: 'bench-bureau', role: 'bureau', region: '110000' };
    const campaign = newCampaign(bureau, CampaignInputSchema.parse({ name: '北京市全市专场', region: '110000', assign: true }), NOW);
    await campaigns.create(campaign);
    const metered = meter(client);
    metered.on = true;
    const started = performance.now();
    const done = await runner.drive(campaign.id);
    const runSeconds = (performance.now() - started) / 1000;
    metered.on = false;
    let resultBytes = 0;
    let results = 0;
    for await (const r of campaigns.allResults(campaign.id)) {
      resultBytes += Buffer.byteLength(JSON.stringify(r));
      results++;
    }
    client.destroy();
    return {
      loadSeconds,
      runSeconds,
      learners: done.summary?.learners ?? 0,
      matched: done.summary?.matched ?? 0,
      assigned: done.summary?.assigned ?? 0,
      failed: done.failed,
      commands: metered.commands,
      resultBytes: resultBytes / Math.max(1, results),
    };
  } finally {
    await dynamo.stop();
  }
}

const n = (v: number, digits = 0) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** List prices assumed for the cost note (us-east-1, on-demand; not verifiable offline). */
export const PRICES = {
  dynamoWriteUnitPerMillion: 0.625,
  dynamoReadUnitPerMillion: 0.125,
  lambdaGbSecondArm: 0.0000133334,
  lambdaRequestPerMillion: 0.2,
  sqsRequestPerMillion: 0.4,
} as const;

/** Runs the campaign benchmark. */
export async function benchCampaign(): Promise<BenchSection> {
  const engine = await engineFigures();
  const e2e = await endToEnd();

  const enginePerSecond = engine.learners / engine.engineSeconds;
  const brutePerLearnerMs = (engine.bruteSeconds / engine.bruteSample) * 1000;
  const engineSamplePerLearnerMs = (engine.engineSampleSeconds / engine.bruteSample) * 1000;
  const ratio = brutePerLearnerMs / ((engine.engineSeconds / engine.learners) * 1000);
  const computeMs = (engine.computeSeconds / engine.computeSample) * 1000;

  const rows = [...e2e.commands].sort(([a], [b]) => (a < b ? -1 : 1));
  const requests = rows.reduce((s, [, c]) => s + c.requests, 0);
  const writeUnits = rows.filter(([name]) => WRITES.has(name)).reduce((s, [, c]) => s + c.units, 0);
  const readUnits = rows.filter(([name]) => !WRITES.has(name)).reduce((s, [, c]) => s + c.units, 0);
  const perLearner = (v: number) => v / e2e.learners;

  // Cost of 1,000,000 learners from the measured units per learner (DynamoDB Local's accounting).
  const million = 1_000_000;
  const dynamoWrite = (perLearner(writeUnits) * million * PRICES.dynamoWriteUnitPerMillion) / million;
  const dynamoRead = (perLearner(readUnits) * million * PRICES.dynamoReadUnitPerMillion) / million;
  // Lambda: the measured compute per learner, plus an assumed 150 ms of DynamoDB waiting per page of 99, at 3,008 MB.
  const lambdaSecondsPerLearner = computeMs / 1000 + 0.15 / 99;
  const lambdaGbSeconds = lambdaSecondsPerLearner * million * 3.008;
  const lambdaCost = lambdaGbSeconds * PRICES.lambdaGbSecondArm + ((million / 99 / 5) * PRICES.lambdaRequestPerMillion) / million;
  const sqsCost = ((million / 99) * 3 * PRICES.sqsRequestPerMillion) / million;

  const markdown = [
    '### Engine alone (in memory)',
    '',
    `${n(engine.learners)} learners against ${n(engine.demands)} demands (${n(engine.postings)} needs over ${engine.distinctSkills} taxonomy skills, category-clustered with a 1/rank skew; 2–8 skills a learner, 3–8 needs a demand, 30 districts in 6 provinces${engine.words ? `; words as the skill index holds them: ${n(engine.needsWithGrams)} named needs carry their label's grams, ${n(engine.lexicalNeeds)} lexical needs, ${n(engine.learnersWithWords)} learners hold the grams of an unnamed phrase` : ''}), top 10 each, no threshold, one thread, in a child process.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| index build | ${n(engine.buildMs)} ms |`,
    `| whole engine run | ${n(engine.engineSeconds, 1)} s (${n(engine.engineCpuSeconds, 1)} s CPU) |`,
    `| learners per second | ${n(enginePerSecond)} |`,
    `| demands touched through the index, per learner | ${n(engine.touchedPerLearner)} of ${n(engine.demands)} |`,
    `| demands scored exactly (\`rankMatch\`), per learner | ${n(engine.rankedPerLearner, 1)} |`,
    `| peak RSS of the engine process after the run (maxRSS) | ${n(engine.engineMaxRssMiB)} MiB |`,
    `| brute force (every pair, \`rankMatch\`) on ${engine.bruteSample} sampled learners | ${n(brutePerLearnerMs, 1)} ms a learner (engine on the same: ${n(engineSamplePerLearnerMs, 2)} ms) |`,
    `| brute force over all ${n(engine.learners)} learners, extrapolated from the sample | ${n((brutePerLearnerMs * engine.learners) / 1000 / 60, 0)} min |`,
    `| speed-up over brute force | **${n(ratio)}×** |`,
    `| identical top 10 (ids, scores, order) on the sample | ${engine.identical} of ${engine.bruteSample} |`,
    `| whole per-learner computation (engine, explanations, gap, courses, subsidies), ${n(engine.computeSample)} learners, 1,000 courses | ${n(computeMs, 2)} ms a learner |`,
    `| peak RSS of the process at the end (after that computation too) | ${n(engine.maxRssMiB)} MiB |`,
    '',
    '### End to end on DynamoDB Local',
    '',
    `${n(E2E_LEARNERS)} learners, ${n(E2E_DEMANDS)} demands and ${E2E_COURSES} courses in Beijing's districts, loaded in ${n(e2e.loadSeconds, 1)} s; one assign-mode campaign for region 110000 run by the local driver (\`skillbridge campaign run\`'s code): snapshot, count, ${n(Math.ceil(E2E_LEARNERS / 99))} pages of 99, roster and report. No shortage counters in this table (every index 1).`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| wall time | ${n(e2e.runSeconds, 1)} s (${n(e2e.learners / e2e.runSeconds)} learners/s) |`,
    `| learners / matched / assigned / failed | ${n(e2e.learners)} / ${n(e2e.matched)} / ${n(e2e.assigned)} / ${e2e.failed} |`,
    `| DynamoDB requests | ${n(requests)} (${n(perLearner(requests), 3)} a learner) |`,
    `| write capacity units reported | ${n(writeUnits)} (${n(perLearner(writeUnits), 2)} a learner) |`,
    `| read capacity units reported | ${n(readUnits)} (${n(perLearner(readUnits), 2)} a learner) |`,
    `| result item, JSON size | ${n(e2e.resultBytes)} bytes on average |`,
    '',
    '| command | requests | capacity units |',
    '| --- | --- | --- |',
    ...rows.map(([name, c]) => `| ${name} | ${n(c.requests)} | ${n(c.units, 1)} |`),
    '',
    '### Cost of a 1,000,000-learner campaign (estimate)',
    '',
    `From the units per learner above, at on-demand list prices assumed for us-east-1 (DynamoDB $${PRICES.dynamoWriteUnitPerMillion} per million write and $${PRICES.dynamoReadUnitPerMillion} per million read request units; Lambda arm64 $${PRICES.lambdaGbSecondArm} per GB-second; SQS $${PRICES.sqsRequestPerMillion} per million requests). These are list prices as remembered, not checked offline; China regions price in CNY. docs/campaigns.md gives the method.`,
    '',
    '| item | units | cost |',
    '| --- | --- | --- |',
    `| DynamoDB writes | ${n(perLearner(writeUnits) * million)} WRU | $${n(dynamoWrite, 2)} |`,
    `| DynamoDB reads | ${n(perLearner(readUnits) * million)} RRU | $${n(dynamoRead, 2)} |`,
    `| Lambda (3,008 MB; ${n(computeMs, 2)} ms compute + ~1.5 ms waiting a learner) | ${n(lambdaGbSeconds)} GB-s | $${n(lambdaCost, 2)} |`,
    `| SQS (plan, ~${n(million / 99)} page messages: send, receive, delete) | ${n((million / 99) * 3)} requests | $${n(sqsCost, 2)} |`,
    `| **total** | | **$${n(dynamoWrite + dynamoRead + lambdaCost + sqsCost, 2)}** |`,
  ].join('\n');
  return { title: 'Campaigns: engine and end to end', markdown };
}
