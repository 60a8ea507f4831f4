import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { makeDocumentClient } from '#shared/adapters/dynamodb/client.js';
import { DynamoRecordStore } from '#shared/adapters/dynamodb/record-store.js';
import type { Caller } from '#shared/domain/caller.js';
import type { Kind } from '#shared/domain/records.js';
import { formatOf, readRows } from '#shared/import/read-rows.js';
import { systemClock } from '#shared/ports/clock.js';
import { normaliseRegion } from '#shared/regions/regions.js';
import { makeImportRecords, type ImportSummary } from '#shared/use-cases/import-records.js';
import { rejectedCsv } from '#shared/import/report.js';
import { TABLE_NAME } from '../local/environment.js';
import { dynamoEndpoint } from '../local/endpoints.js';

const KINDS: Record<string, Kind> = { demands: 'demand', learners: 'learner', courses: 'course' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The closing summary a person reads. */
export function formatSummary(summary: ImportSummary, file: string): string {
  const out = [
    '',
    `${file}: ${plural(summary.rows, 'row')} read, ${summary.written} written, ${summary.unchanged} unchanged, ${summary.rejected.length} rejected.`,
  ];
  if (summary.rejected.length > 0) {
    out.push('', 'Rejected rows (line, field: reason):');
    for (const r of summary.rejected) for (const e of r.errors) out.push(`  line ${r.line}${r.ref ? ` (${r.ref})` : ''}, ${e.path}: ${e.message}`);
  }
  return `${out.join('\n')}\n`;
}

/** `skillbridge import demands|learners|courses FILE`. */
export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      endpoint: { type: 'string' },
      table: { type: 'string', default: process.env.TABLE_NAME ?? TABLE_NAME },
      owner: { type: 'string', default: 'bureau-import' },
      region: { type: 'string', default: 'national' },
      report: { type: 'string' },
    },
    strict: true,
  });
  const [kindWord, file] = positionals;
  const kind = kindWord ? KINDS[kindWord] : undefined;
  if (!kind || !file) throw new Error('usage: skillbridge import demands|learners|courses FILE');
  const format = formatOf(file);
  if (!format) throw new Error(`${file}: use a .csv or .jsonl file`);
  const size = statSync(file).size;
  const region = normaliseRegion(values.region)?.code;
  if (!region) throw new Error(`--region "${values.region}" is not a known region`);
  // The importer acts as bureau staff of --region: rows outside it are rejected, not written.
  const caller: Caller = { sub: values.owner, role: 'bureau', region };

  const client = makeDocumentClient({ endpoint: dynamoEndpoint(values.endpoint) });
  const store = new DynamoRecordStore(client, values.table, systemClock, { warn: (message, error) => process.stderr.write(`\nwarning: ${message} (${(error as Error)?.message ?? String(error)})\n`) });
  const bar = new cliProgress.SingleBar(
    { format: `${kindWord} |{bar}| {percentage}% | {rows} rows | ETA {eta_formatted}`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  const input = createReadStream(file);
  bar.start(size, 0, { rows: 0 });
  let summary: ImportSummary;
  try {
    summary = await makeImportRecords(kind, { store, clock: systemClock })(caller, readRows(input, format), {
      format,
      onProgress: (rows) => bar.update(input.bytesRead, { rows }),
    });
    bar.update(size);
  } finally {
    bar.stop();
    client.destroy();
  }
  process.stdout.write(formatSummary(summary, basename(file)));
  if (values.report) {
    writeFileSync(values.report, values.report.endsWith('.json') ? JSON.stringify(summary, null, 2) : rejectedCsv(summary));
    process.stdout.write(`Report written to ${values.report}\n`);
  }
  return summary.rejected.length > 0 ? 1 : 0;
}
