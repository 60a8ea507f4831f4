import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { DynamoCampaignStore } from '#shared/adapters/dynamodb/campaign-store.js';
import { makeDocumentClient } from '#shared/adapters/dynamodb/client.js';
import { DynamoRecordStore } from '#shared/adapters/dynamodb/record-store.js';
import { DynamoFunnelStore } from '#shared/adapters/dynamodb/funnel-store.js';
import { DynamoShortageStore } from '#shared/adapters/dynamodb/shortage-store.js';
import type { Caller } from '#shared/domain/caller.js';
import { BOM, csvHeader, csvRow } from '#shared/domain/campaign/csv.js';
import { GROUP_LABELS } from '#shared/import/columns.js';
import { requestHash, requestOf } from '#shared/domain/campaign/request.js';
import { campaignFunnel } from '#shared/domain/funnel.js';
import type { Campaign, CampaignSummary } from '#shared/domain/campaign/types.js';
import { systemClock } from '#shared/ports/clock.js';
import { regionName } from '#shared/regions/regions.js';
import { CampaignInputSchema } from '#shared/schemas/campaign.js';
import { toFieldIssues } from '#shared/schemas/issues.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { assertMayRunCampaign, campaignView, newCampaign, resultView } from '#shared/use-cases/campaign/manage.js';
import { makeCampaignRunner } from '#shared/use-cases/campaign/runner.js';
import { tableOptions } from './table-args.js';
import { CliError, say, type CliLang } from './i18n.js';
import { dynamoEndpoint } from '../local/endpoints.js';
import { makeBar } from './progress.js';
import { recordIndex } from '../shared/use-cases/record-index.js';

const GROUP_CODES = new Map(Object.entries(GROUP_LABELS).map(([code, zh]) => [zh, code]));

const STATUS_ZH: Readonly<Record<string, string>> = { queued: '排队中', running: '进行中', completed: '已完成', failed: '失败', cancelled: '已取消' };

/** Display width: CJK characters take two columns in a terminal. */
const width = (text: string) => [...text].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, to: number) => text + ' '.repeat(Math.max(1, to - width(text)));
const padStart = (text: string, to: number) => ' '.repeat(Math.max(1, to - width(text))) + text;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const yuan = (n: number, lang: CliLang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 });

/** The report a person reads at the end of a run, in their language. */
export function formatCampaign(campaign: Campaign, lang: CliLang = 'en'): string {
  const t = (en: string, zh: string) => say(lang, en, zh);
  const region = regionName(campaign.region) ?? campaign.region;
  const status = lang === 'zh' ? (STATUS_ZH[campaign.status] ?? campaign.status) : campaign.status;
  const out = [t(`Campaign ${campaign.id} "${campaign.name}" (${region}): ${status}.`, `活动 ${campaign.id}“${campaign.name}”（${region}）：${status}。`)];
  const s: CampaignSummary | undefined = campaign.summary;
  if (!s) {
    out.push(t(`${campaign.done} learners done, ${campaign.failed} failed, of ${campaign.total ?? '?'}.`, `共 ${campaign.total ?? '?'} 人，已完成 ${campaign.done} 人，失败 ${campaign.failed} 人。`));
    return `${out.join('\n')}\n`;
  }
  if (s.learners === 0) {
    // Not "every demand lacks candidates": there was nobody to match.
    out.push(
      t(
        `No learners in ${region}${campaign.request.groups?.length ? ` of the groups ${campaign.request.groups.join(', ')}` : ''}: nothing was matched. Check --region (learners are matched in the region and the districts inside it) and --group.`,
        `${region}${campaign.request.groups?.length ? `（人员类别 ${campaign.request.groups.map((g) => GROUP_LABELS[g] ?? g).join('、')}）` : ''}没有求职者，什么都没有匹配。请检查 --region（匹配该地区及其下级地区的求职者）和 --group。`,
      ),
      t(`${s.demandsConsidered} demands (${s.placesOffered} places) and ${s.coursesConsidered} courses were available.`, `可用岗位 ${s.demandsConsidered} 个（${s.placesOffered} 个名额），课程 ${s.coursesConsidered} 门。`),
    );
    return `${out.join('\n')}\n`;
  }
  const head =
    lang === 'zh'
      ? `  ${pad('人员类别', 22)}${padStart('人数', 9)}${padStart('已匹配', 9)}${padStart('匹配率', 9)}${padStart('已分配', 10)}${padStart('分配率', 10)}`
      : `  ${'group'.padEnd(22)}${'learners'.padStart(9)}${'matched'.padStart(9)}${'match %'.padStart(9)}${'assigned'.padStart(10)}${'assign %'.padStart(10)}`;
  out.push(
    t(
      `${plural(s.learners, 'learner')} processed, ${s.matched} matched at or above the threshold (${pct(s.matchRate)}), ${s.assigned} assigned (${s.assignedToJobs} to jobs, ${s.assignedToCourses} to training), ${s.failed} failed.`,
      `处理求职者 ${s.learners} 人，达到匹配阈值 ${s.matched} 人（${pct(s.matchRate)}），分配 ${s.assigned} 人（岗位 ${s.assignedToJobs} 人，培训 ${s.assignedToCourses} 人），失败 ${s.failed} 人。`,
    ),
    t(`${s.demandsConsidered} demands (${s.placesOffered} places) and ${s.coursesConsidered} courses considered.`, `参与匹配的岗位 ${s.demandsConsidered} 个（${s.placesOffered} 个名额），课程 ${s.coursesConsidered} 门。`),
    '',
    t('By target group (fairness):', '按人员类别（公平性）：'),
    head,
    ...s.byGroup.map((g) => {
      const name = lang === 'zh' ? pad(GROUP_LABELS[g.group] ?? g.group, 22) : g.group.padEnd(22);
      return `  ${name}${String(g.learners).padStart(9)}${String(g.matched).padStart(9)}${pct(g.matchRate).padStart(9)}${String(g.assigned).padStart(10)}${pct(g.assignmentRate).padStart(10)}`;
    }),
  );
  if (s.shortageSkills.length > 0) {
    out.push('', t('Top shortage skills (learners with it in their gap):', '最短缺的技能（缺这项技能的求职者人数）：'));
    for (const k of s.shortageSkills.slice(0, 10)) {
      out.push(t(`  ${k.label.en || k.label.zh} (${k.skillId}): ${plural(k.learners, 'learner')}, shortage index ${k.shortageIndex}`, `  ${k.label.zh}（${k.skillId}）：${k.learners} 人，短缺指数 ${k.shortageIndex}`));
    }
  }
  if (s.courses.length > 0) {
    const budget = s.subsidyBudgetYuan;
    out.push(
      '',
      t(
        `Training seats asked for (first recommendation), subsidy budget ${yuan(budget.recommended, lang)} yuan (eligible only)${budget.assigned !== undefined ? `; seats assigned imply ${yuan(budget.assigned, lang)} yuan` : ''}:`,
        `培训需求（首选推荐课程），补贴预算 ${yuan(budget.recommended, lang)} 元（仅计确定可享受的补贴）${budget.assigned !== undefined ? `；按已分配名额为 ${yuan(budget.assigned, lang)} 元` : ''}：`,
      ),
    );
    // Older summaries have no to-confirm figure.
    const pending = (s as { subsidyToConfirmYuan?: typeof s.subsidyToConfirmYuan }).subsidyToConfirmYuan;
    if (pending && pending.recommended > 0) {
      out.push(t(`  (not in the budget: ${yuan(pending.recommended, lang)} yuan more to confirm, a condition unknown for the learner)`, `  （未计入预算：另有 ${yuan(pending.recommended, lang)} 元待确认，尚有条件未知）`));
    }
    for (const c of s.courses.slice(0, 10)) {
      const assigned = c.assignedSeats !== undefined ? t(`, ${c.assignedSeats} assigned of ${c.seats ?? 'unstated'} seats`, `，已分配 ${c.assignedSeats} / ${c.seats ?? '未注明'} 个名额`) : '';
      out.push(t(`  ${c.title} (${c.provider}): ${plural(c.recommendedSeats, 'seat')}, ${yuan(c.recommendedSubsidyYuan, lang)} yuan${assigned}`, `  ${c.title}（${c.provider}）：${c.recommendedSeats} 个名额，${yuan(c.recommendedSubsidyYuan, lang)} 元${assigned}`));
    }
  }
  out.push('', t(`Unfilled demand: ${s.unfilled.demands} demands, ${s.unfilled.places} places.`, `未满足的岗位需求：${s.unfilled.demands} 个岗位，${s.unfilled.places} 个名额。`));
  for (const d of s.unfilled.items.slice(0, 10)) {
    out.push(t(`  ${d.title} (${d.employer}): ${d.unfilled} of ${d.headcount} places, ${d.why.en}`, `  ${d.title}（${d.employer}）：${d.headcount} 个名额中 ${d.unfilled} 个未满足，${d.why.zh}`));
  }
  out.push('', t(`Results: skillbridge campaign report ${campaign.id} --out results.csv`, `结果：skillbridge campaign report ${campaign.id} --out 结果.csv`));
  return `${out.join('\n')}\n`;
}

interface Stores {
  readonly campaigns: DynamoCampaignStore;
  readonly funnel: DynamoFunnelStore;
  readonly close: () => void;
  readonly client: ReturnType<typeof makeDocumentClient>;
  readonly table: string;
}

function stores(endpoint: string | undefined, table: string): Stores {
  const client = makeDocumentClient({ endpoint: dynamoEndpoint(endpoint) });
  return { client, table, campaigns: new DynamoCampaignStore(client, table), funnel: new DynamoFunnelStore(client, table), close: () => client.destroy() };
}

/** `skillbridge campaign run …`: creates (or resumes) a campaign and runs it here, with a progress bar. */
async function runCampaignRun(args: string[], lang: CliLang): Promise<number> {
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
      ...tableOptions(),
    },
    strict: true,
  });
  const pageSize = values['page-size'] === undefined ? undefined : Number(values['page-size']);
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 99)) throw new CliError(say(lang, '--page-size must be an integer from 1 to 99', '--page-size 必须是 1 到 99 的整数'));
  const { client, campaigns, close, table } = stores(values.endpoint, values.table);
  try {
    const taxonomy = loadTaxonomy();
    let campaign: Campaign | undefined;
    let how: string;
    if (values.resume !== undefined) {
      campaign = await campaigns.get(values.resume);
      if (!campaign) throw new CliError(say(lang, `no campaign ${values.resume} in table ${table}`, `表 ${table} 中没有活动 ${values.resume}`));
      assertMayRunCampaign({ sub: values.owner, role: 'bureau', region: campaign.region }, campaign.region);
      how = 'resumed';
    } else {
      if (values.region === undefined) throw new CliError(say(lang, '--region is required, or --resume ID (see skillbridge campaign run --help)', '需要 --region，或 --resume ID（见 skillbridge campaign run --help）'));
      const parsed = CampaignInputSchema.safeParse({
        name: values.name ?? `${values.region} ${new Date().toISOString().slice(0, 10)}`,
        region: values.region,
        // Target groups by their code or their Chinese name (农民工 → migrant_worker).
        ...(values.group ? { groups: values.group.map((g) => GROUP_CODES.get(g) ?? g) } : {}),
        ...(values.occupation ? { occupations: values.occupation } : {}),
        ...(values.skill ? { skills: values.skill } : {}),
        ...(values.limit !== undefined ? { limitPerLearner: Number(values.limit) } : {}),
        ...(values.threshold !== undefined ? { threshold: Number(values.threshold) } : {}),
        assign: values.assign,
      });
      if (!parsed.success) {
        const flags: Record<string, string> = { groups: '--group', occupations: '--occupation', skills: '--skill', limitPerLearner: '--limit', threshold: '--threshold', region: '--region', name: '--name' };
        const lines = toFieldIssues(parsed.error).map((i) => `  ${flags[i.path.split('/')[1] ?? ''] ?? i.path}${i.path.split('/').slice(2).map((p) => `[${p}]`).join('')}: ${i.message}`);
        throw new CliError(`${say(lang, 'the campaign is not valid', '活动参数有误')}: ${lines.map((l) => l.trim()).join('; ')}`);
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
    const already = campaign.done + campaign.failed;
    process.stderr.write(
      how === 'resumed'
        ? say(lang, `Campaign ${id} resumed (${already} of ${campaign.total ?? '?'} learners already done).\n`, `活动 ${id} 继续运行（${campaign.total ?? '?'} 人中已完成 ${already} 人）。\n`)
        : say(lang, `Campaign ${id} started.\n`, `活动 ${id} 已开始。\n`),
    );

    const runner = makeCampaignRunner({
      campaigns,
      store: new DynamoRecordStore(client, table, systemClock, { index: recordIndex }),
      shortage: new DynamoShortageStore(client, table, systemClock),
      taxonomy,
      clock: systemClock,
      funnel: new DynamoFunnelStore(client, table),
      ...(pageSize !== undefined ? { pageSize } : {}),
      onLearnerError: (_c, learnerId, err) => process.stderr.write(`\nlearner ${learnerId} failed: ${(err as Error)?.message ?? err}\n`),
    });
    const bar = makeBar(say(lang, 'campaign', '活动'), say(lang, 'learners', '人'), lang, (p) => say(lang, `${p.failed ?? 0} failed`, `失败 ${p.failed ?? 0}`), {
      etaBuffer: 50,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    });
    let started = false;
    process.stderr.write(say(lang, 'Reading demands and courses, counting learners …\n', '正在读取岗位和课程，统计求职者人数……\n'));
    const interrupt = () => {
      bar.stop();
      process.stderr.write(say(lang, `\nInterrupted. Run the same command again (or --resume ${id}) to continue where it stopped.\n`, `\n已中断。再次运行同一命令（或 --resume ${id}）即可从中断处继续。\n`));
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
    process.stdout.write(values.json ? `${JSON.stringify(campaignView(final), null, 2)}\n` : formatCampaign(final, lang));
    return final.status === 'completed' ? 0 : 1;
  } finally {
    close();
  }
}

/** Writes and waits for the stream to take it (large reports). */
const write = (out: Writable, text: string) => new Promise<void>((resolve, reject) => (out.write(text, (err) => (err ? reject(err) : resolve()))));

/** `skillbridge campaign report ID --format csv|json`: every result, streamed. */
async function runCampaignReport(args: string[], lang: CliLang): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'csv' },
      columns: { type: 'string', default: 'zh' },
      out: { type: 'string' },
      ...tableOptions(),
    },
    strict: true,
  });
  const [id] = positionals;
  if (!id || positionals.length !== 1) throw new CliError(say(lang, 'usage: skillbridge campaign report ID [--format csv|json] [--columns zh|en] [--out FILE]', '用法：skillbridge campaign report ID [--format csv|json] [--columns zh|en] [--out 文件]'));
  if (values.format !== 'csv' && values.format !== 'json') throw new CliError(say(lang, '--format must be csv or json', '--format 只能是 csv 或 json'));
  const columns = values.columns;
  if (columns !== 'zh' && columns !== 'en') throw new CliError(say(lang, '--columns must be zh or en', '--columns 只能是 zh 或 en'));
  const { campaigns, funnel, close, table } = stores(values.endpoint, values.table);
  const out: Writable = values.out ? createWriteStream(values.out) : process.stdout;
  try {
    const campaign = await campaigns.get(id);
    if (!campaign) throw new CliError(say(lang, `no campaign ${id} in table ${table}`, `表 ${table} 中没有活动 ${id}`));
    const taxonomy = loadTaxonomy();
    let rows = 0;
    if (values.format === 'csv') {
      await write(out, `${BOM}${csvHeader(columns)}\r\n`);
      for await (const r of campaigns.allResults(id)) {
        await write(out, `${csvRow(r, taxonomy, columns)}\r\n`);
        rows++;
      }
    } else {
      const placements = campaign.summary ? campaignFunnel(campaign.summary, await funnel.campaign(id)) : undefined;
      const { summary, placements: _p, ...status } = campaignView(campaign, placements);
      await write(out, `{"campaign":${JSON.stringify(status)},"items":[`);
      for await (const r of campaigns.allResults(id)) {
        await write(out, `${rows > 0 ? ',' : ''}\n${JSON.stringify(resultView(r, taxonomy))}`);
        rows++;
      }
      await write(out, `\n]${summary ? `,"summary":${JSON.stringify(summary)}` : ''}${placements ? `,"placements":${JSON.stringify(placements)}` : ''}}\n`);
    }
    if (values.out) {
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      process.stderr.write(say(lang, `${rows} learners written to ${values.out}\n`, `已将 ${rows} 名求职者的结果写入 ${values.out}\n`));
    }
    return 0;
  } finally {
    close();
  }
}

/** `skillbridge campaign run|report …`. */
export async function runCampaign(args: string[], lang: CliLang = 'en'): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'run') return runCampaignRun(rest, lang);
  if (sub === 'report') return runCampaignReport(rest, lang);
  throw new CliError(say(lang, 'usage: skillbridge campaign run|report … (see skillbridge campaign --help)', '用法：skillbridge campaign run|report …（见 skillbridge campaign --help）'));
}
