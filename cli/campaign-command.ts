import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DynamoCampaignStore } from '#shared/adapters/dynamodb/campaign-store.js';
import { makeDocumentClient } from '#shared/adapters/dynamodb/client.js';
import { DynamoRecordStore } from '#shared/adapters/dynamodb/record-store.js';
import { DynamoShortageStore } from '#shared/adapters/dynamodb/shortage-store.js';
import type { Caller } from '#shared/domain/caller.js';
import { BOM, csvHeader, csvRow } from '#shared/domain/campaign/csv.js';
import { requestHash, requestOf } from '#shared/domain/campaign/request.js';
import type { Campaign, CampaignSummary } from '#shared/domain/campaign/types.js';
import { systemClock } from '#shared/ports/clock.js';
import { regionName } from '#shared/regions/regions.js';
import { CampaignInputSchema } from '#shared/schemas/campaign.js';
import { toFieldIssues } from '#shared/schemas/issues.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { assertMayRunCampaign, campaignView, newCampaign, resultView } from '#shared/use-cases/campaign/manage.js';
import { makeCampaignRunner } from '#shared/use-cases/campaign/runner.js';
import { TABLE_NAME } from '../local/environment.js';
import { dynamoEndpoint } from '../local/endpoints.js';

const USAGE = `usage: skillbridge campaign run --region CODE [--group G …] [--occupation ID …] [--skill TEXT …]
                             [--limit N] [--threshold X] [--assign] [--name NAME] [--resume ID]
                             [--owner SUB] [--page-size N] [--json] [--endpoint URL] [--table NAME]
       skillbridge campaign report ID --format csv|json [--out FILE] [--endpoint URL] [--table NAME]`;

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const yuan = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** The report a person reads at the end of a run. */
export function formatCampaign(campaign: Campaign): string {
  const out = [`Campaign ${campaign.id} "${campaign.name}" (${regionName(campaign.region) ?? campaign.region}): ${campaign.status}.`];
  const s: CampaignSummary | undefined = campaign.summary;
  if (!s) {
    out.push(`${campaign.done} learners done, ${campaign.failed} failed, of ${campaign.total ?? '?'}.`);
    return `${out.join('\n')}\n`;
  }
  out.push(
    `${s.learners} learners processed, ${s.matched} matched at or above the threshold (${pct(s.matchRate)}), ${s.assigned} assigned (${s.assignedToJobs} to jobs, ${s.assignedToCourses} to training), ${s.failed} failed.`,
    `${s.demandsConsidered} demands (${s.placesOffered} places) and ${s.coursesConsidered} courses considered.`,
    '',
    'By target group (fairness):',
    `  ${'group'.padEnd(22)}${'learners'.padStart(9)}${'matched'.padStart(9)}${'match %'.padStart(9)}${'assigned'.padStart(10)}${'assign %'.padStart(10)}`,
    ...s.byGroup.map((g) => `  ${g.group.padEnd(22)}${String(g.learners).padStart(9)}${String(g.matched).padStart(9)}${pct(g.matchRate).padStart(9)}${String(g.assigned).padStart(10)}${pct(g.assignmentRate).padStart(10)}`),
  );
  if (s.shortageSkills.length > 0) {
    out.push('', 'Top shortage skills (learners with it in their gap):');
    for (const k of s.shortageSkills.slice(0, 10)) out.push(`  ${k.label.zh} (${k.skillId}): ${k.learners} learners, shortage index ${k.shortageIndex}`);
  }
  if (s.courses.length > 0) {
    out.push('', `Training seats asked for (first recommendation), subsidy budget ${yuan(s.subsidyBudgetYuan.recommended)} yuan${s.subsidyBudgetYuan.assigned !== undefined ? `; seats assigned imply ${yuan(s.subsidyBudgetYuan.assigned)} yuan` : ''}:`);
    for (const c of s.courses.slice(0, 10)) {
      const assigned = c.assignedSeats !== undefined ? `, ${c.assignedSeats} assigned of ${c.seats ?? 'unstated'} seats` : '';
      out.push(`  ${c.title} (${c.provider}): ${c.recommendedSeats} seats, ${yuan(c.recommendedSubsidyYuan)} yuan${assigned}`);
    }
  }
  out.push('', `Unfilled demand: ${s.unfilled.demands} demands, ${s.unfilled.places} places.`);
  for (const d of s.unfilled.items.slice(0, 10)) out.push(`  ${d.title} (${d.employer}): ${d.unfilled} of ${d.headcount} places, ${d.why.en}`);
  out.push('', `Results: skillbridge campaign report ${campaign.id} --format csv --out results.csv`);
  return `${out.join('\n')}\n`;
}

interface Stores {
  readonly campaigns: DynamoCampaignStore;
  readonly close: () => void;
  readonly client: ReturnType<typeof makeDocumentClient>;
  readonly table: string;
}

function stores(endpoint: string | undefined, table: string): Stores {
  const client = makeDocumentClient({ endpoint: dynamoEndpoint(endpoint) });
  return { client, table, campaigns: new DynamoCampaignStore(client, table), close: () => client.destroy() };
}

/** `skillbridge campaign run …`: creates (or resumes) a campaign and runs it here, with a progress bar. */
async function runCampaignRun(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: 'string' },
      group: { type: 'string', multiple: true },
      occupation: { type: 'string', multiple: true },
      skill: { type: 'string', multiple: true },
      limit: { type: 'string' },
      threshold: { type: 'string' },
      assign: { type: 'boolean', default: false },
      name: { type: 'string' },
      resume: { type: 'string' },
      owner: { type: 'string', default: 'bureau-cli' },
      'page-size': { type: 'string' },
      json: { type: 'boolean', default: false },
      endpoint: { type: 'string' },
      table: { type: 'string', default: process.env.TABLE_NAME ?? TABLE_NAME },
    },
    strict: true,
  });
  const pageSize = values['page-size'] === undefined ? undefined : Number(values['page-size']);
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 99)) throw new Error('--page-size must be an integer from 1 to 99');
  const { client, campaigns, close, table } = stores(values.endpoint, values.table);
  try {
    const taxonomy = loadTaxonomy();
    let campaign: Campaign | undefined;
    let how: string;
    if (values.resume !== undefined) {
      campaign = await campaigns.get(values.resume);
      if (!campaign) throw new Error(`No campaign ${values.resume} in table ${table}.`);
      assertMayRunCampaign({ sub: values.owner, role: 'bureau', region: campaign.region }, campaign.region);
      how = 'resumed';
    } else {
      if (values.region === undefined) throw new Error(`--region is required (or --resume ID)\n${USAGE}`);
      const parsed = CampaignInputSchema.safeParse({
        name: values.name ?? `${values.region} ${new Date().toISOString().slice(0, 10)}`,
        region: values.region,
        ...(values.group ? { groups: values.group } : {}),
        ...(values.occupation ? { occupations: values.occupation } : {}),
        ...(values.skill ? { skills: values.skill } : {}),
        ...(values.limit !== undefined ? { limitPerLearner: Number(values.limit) } : {}),
        ...(values.threshold !== undefined ? { threshold: Number(values.threshold) } : {}),
        assign: values.assign,
      });
      if (!parsed.success) {
        const flags: Record<string, string> = { groups: '--group', occupations: '--occupation', skills: '--skill', limitPerLearner: '--limit', threshold: '--threshold', region: '--region', name: '--name' };
        const lines = toFieldIssues(parsed.error).map((i) => `  ${flags[i.path.split('/')[1] ?? ''] ?? i.path}${i.path.split('/').slice(2).map((p) => `[${p}]`).join('')}: ${i.message}`);
        process.stderr.write(`The campaign is not valid:\n${lines.join('\n')}\n`);
        return 2;
      }
      const caller: Caller = { sub: values.owner, role: 'bureau', region: parsed.data.region };
      assertMayRunCampaign(caller, parsed.data.region);
      // The same operator asking for the same work again picks up the unfinished run (a crash, a kill, Ctrl-C).
      campaign = await campaigns.findUnfinished(values.owner, requestHash(requestOf(parsed.data)));
      if (campaign) {
        how = 'resumed';
      } else {
        campaign = newCampaign(caller, parsed.data, new Date());
        await campaigns.create(campaign);
        how = 'started';
      }
    }
    const id = campaign.id;
    process.stderr.write(`Campaign ${id} ${how}${how === 'resumed' ? ` (${campaign.done + campaign.failed} of ${campaign.total ?? '?'} learners already done)` : ''}.\n`);

    const runner = makeCampaignRunner({
      campaigns,
      store: new DynamoRecordStore(client, table, systemClock),
      shortage: new DynamoShortageStore(client, table, systemClock),
      taxonomy,
      clock: systemClock,
      ...(pageSize !== undefined ? { pageSize } : {}),
      onLearnerError: (_c, learnerId, err) => process.stderr.write(`\nlearner ${learnerId} failed: ${(err as Error)?.message ?? err}\n`),
    });
    const bar = new cliProgress.SingleBar(
      { format: 'campaign |{bar}| {percentage}% | {value}/{total} learners | {failed} failed | ETA {eta_formatted}', hideCursor: true, stream: process.stderr, etaBuffer: 50, noTTYOutput: true, notTTYSchedule: 5000 },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    process.stderr.write('Reading demands and courses, counting learners …\n');
    const interrupt = () => {
      bar.stop();
      process.stderr.write(`\nInterrupted. Run the same command again (or --resume ${id}) to continue where it stopped.\n`);
      process.exit(130);
    };
    process.once('SIGINT', interrupt);
    let final: Campaign;
    try {
      final = await runner.drive(id, {
        resumeFailed: values.resume !== undefined,
        onProgress: (c) => {
          const value = c.done + c.failed;
          const total = Math.max(c.total ?? 0, value);
          if (!started) {
            bar.start(total, value, { failed: c.failed });
            started = true;
          } else {
            bar.setTotal(total);
            bar.update(value, { failed: c.failed });
          }
        },
      });
    } finally {
      bar.stop();
      process.removeListener('SIGINT', interrupt);
    }
    process.stdout.write(values.json ? `${JSON.stringify(campaignView(final), null, 2)}\n` : formatCampaign(final));
    return final.status === 'completed' ? 0 : 1;
  } finally {
    close();
  }
}

/** Writes and waits for the stream to take it (large reports). */
const write = (out: Writable, text: string) => new Promise<void>((resolve, reject) => (out.write(text, (err) => (err ? reject(err) : resolve()))));

/** `skillbridge campaign report ID --format csv|json`: every result, streamed. */
async function runCampaignReport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      endpoint: { type: 'string' },
      table: { type: 'string', default: process.env.TABLE_NAME ?? TABLE_NAME },
    },
    strict: true,
  });
  const [id] = positionals;
  if (!id || positionals.length !== 1) throw new Error(USAGE);
  if (values.format !== 'csv' && values.format !== 'json') throw new Error('--format must be csv or json');
  const { campaigns, close, table } = stores(values.endpoint, values.table);
  const out: Writable = values.out ? createWriteStream(values.out) : process.stdout;
  try {
    const campaign = await campaigns.get(id);
    if (!campaign) throw new Error(`No campaign ${id} in table ${table}.`);
    const taxonomy = loadTaxonomy();
    let rows = 0;
    if (values.format === 'csv') {
      await write(out, `${BOM}${csvHeader()}\r\n`);
      for await (const r of campaigns.allResults(id)) {
        await write(out, `${csvRow(r, taxonomy)}\r\n`);
        rows++;
      }
    } else {
      const { summary, ...status } = campaignView(campaign);
      await write(out, `{"campaign":${JSON.stringify(status)},"items":[`);
      for await (const r of campaigns.allResults(id)) {
        await write(out, `${rows > 0 ? ',' : ''}\n${JSON.stringify(resultView(r, taxonomy))}`);
        rows++;
      }
      await write(out, `\n]${summary ? `,"summary":${JSON.stringify(summary)}` : ''}}\n`);
    }
    if (values.out) {
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      process.stderr.write(`${rows} learners written to ${values.out}\n`);
    }
    return 0;
  } finally {
    close();
  }
}

/** `skillbridge campaign run|report …`. */
export async function runCampaign(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'run') return runCampaignRun(rest);
  if (sub === 'report') return runCampaignReport(rest);
  throw new Error(USAGE);
}
