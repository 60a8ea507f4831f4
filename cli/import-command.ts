import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { makeDocumentClient } from '#shared/adapters/dynamodb/client.js';
import { DynamoRecordStore } from '#shared/adapters/dynamodb/record-store.js';
import type { Caller } from '#shared/domain/caller.js';
import { eachRow, formatOf, openImportFile, type OpenedFile } from '#shared/import/read-rows.js';
import { rejectedCsv } from '#shared/import/report.js';
import { templateCsv } from '#shared/import/template.js';
import { systemClock } from '#shared/ports/clock.js';
import { normaliseRegion } from '#shared/regions/regions.js';
import { makeImportRecords, type ImportSummary } from '#shared/use-cases/import-records.js';
import { KIND_WORDS } from './help.js';
import { tableOptions } from './table-args.js';
import { CliError, say, type CliLang } from './i18n.js';
import { dynamoEndpoint } from '../local/endpoints.js';
import { makeBar } from './progress.js';
import { recordIndex } from '../shared/use-cases/record-index.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The closing summary a person reads, in their language. */
export function formatSummary(summary: ImportSummary, file: string, lang: CliLang = 'en', opened?: Pick<OpenedFile, 'ignoredColumns' | 'encoding'>): string {
  const { rows, written, unchanged } = summary;
  const rejected = summary.rejected.length;
  const out = [
    '',
    say(
      lang,
      `${file}: ${plural(rows, 'row')} read, ${written} written, ${unchanged} unchanged, ${rejected} rejected.`,
      `${file}：读取 ${rows} 行，写入 ${written} 行，未变 ${unchanged} 行，拒绝 ${rejected} 行。`,
    ),
  ];
  if (opened?.encoding && opened.encoding !== 'utf-8') out.push(say(lang, `Read as ${opened.encoding.toUpperCase()}.`, `按 ${opened.encoding.toUpperCase()} 编码读取。`));
  if (opened && opened.ignoredColumns.length > 0) {
    out.push(say(lang, `Columns ignored (not a ${summary.kind} column): ${opened.ignoredColumns.join(', ')}. See skillbridge import --help.`, `以下列不认识，已忽略：${opened.ignoredColumns.join('、')}。可用的列见 skillbridge import --help。`));
  }
  if (rejected > 0) {
    out.push('', say(lang, 'Rejected rows (line, field: reason):', '被拒绝的行（行号，列：原因）：'));
    for (const r of summary.rejected) {
      for (const e of r.errors) out.push(say(lang, `  line ${r.line}${r.ref ? ` (${r.ref})` : ''}, ${e.path}: ${e.message}`, `  第${r.line}行${r.ref ? `（${r.ref}）` : ''}，${e.path}：${e.message}`));
    }
  }
  return `${out.join('\n')}\n`;
}

/** `skillbridge import template demands|learners|courses`: the CSV template on stdout. */
function runTemplate(args: string[], lang: CliLang): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { headers: { type: 'string', default: 'zh' } }, strict: true });
  const kind = positionals[0] ? KIND_WORDS[positionals[0]] : undefined;
  if (!kind || positionals.length !== 1) throw new CliError(say(lang, 'usage: skillbridge import template demands|learners|courses [--headers zh|en]', '用法：skillbridge import template demands|learners|courses [--headers zh|en]'));
  if (values.headers !== 'zh' && values.headers !== 'en') throw new CliError(say(lang, '--headers must be zh or en', '--headers 只能是 zh 或 en'));
  process.stdout.write(templateCsv(kind, values.headers));
  return 0;
}

/** `skillbridge import demands|learners|courses FILE` (and `import template …`). */
export async function runImport(args: string[], lang: CliLang = 'en'): Promise<number> {
  if (args[0] === 'template') return runTemplate(args.slice(1), lang);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...tableOptions(),
      owner: { type: 'string', default: 'bureau-import' },
      region: { type: 'string', default: 'national' },
      report: { type: 'string' },
    },
    strict: true,
  });
  const [kindWord, file] = positionals;
  const kind = kindWord ? KIND_WORDS[kindWord] : undefined;
  if (!kind || !file || positionals.length !== 2) {
    throw new CliError(say(lang, 'usage: skillbridge import demands|learners|courses FILE (see skillbridge import --help)', '用法：skillbridge import demands|learners|courses 文件（见 skillbridge import --help）'));
  }
  const format = formatOf(file);
  if (!format) throw new CliError(say(lang, `${file}: use a .csv, .xlsx or .jsonl file`, `${file}：请使用 .csv、.xlsx 或 .jsonl 文件`));
  if (!existsSync(file)) throw new CliError(say(lang, `${file}: no such file`, `${file}：文件不存在`));
  const region = normaliseRegion(values.region)?.code;
  if (!region) throw new CliError(say(lang, `--region "${values.region}" is not a known region (a GB/T 2260 code, a name, or national)`, `--region "${values.region}" 不是已知地区（行政区划代码、名称或 national）`));
  // The importer acts as bureau staff of --region: rows outside it are rejected, not written.
  const caller: Caller = { sub: values.owner, role: 'bureau', region };

  // The whole file is read and checked before anything is written: an unreadable file writes nothing.
  const opened = await openImportFile([readFileSync(file)], format, kind);
  const client = makeDocumentClient({ endpoint: dynamoEndpoint(values.endpoint) });
  const store = new DynamoRecordStore(client, values.table, systemClock, {
    index: recordIndex,
    warn: (message, error) => process.stderr.write(`\nwarning: ${message} (${(error as Error)?.message ?? String(error)})\n`),
  });
  const bar = makeBar(kindWord!, say(lang, 'rows', '行'), lang);
  bar.start(opened.rows.length, 0);
  let summary: ImportSummary;
  try {
    summary = await makeImportRecords(kind, { store, clock: systemClock })(caller, eachRow(opened.rows), {
      format,
      onProgress: (rows) => bar.update(rows),
    });
    bar.update(opened.rows.length);
  } finally {
    bar.stop();
    client.destroy();
  }
  process.stdout.write(formatSummary(summary, basename(file), lang, opened));
  if (values.report) {
    writeFileSync(values.report, values.report.endsWith('.json') ? JSON.stringify({ ...summary, ignoredColumns: opened.ignoredColumns }, null, 2) : rejectedCsv(summary));
    process.stdout.write(say(lang, `Report written to ${values.report}\n`, `报告已写入 ${values.report}\n`));
  }
  return summary.rejected.length > 0 ? 1 : 0;
}
