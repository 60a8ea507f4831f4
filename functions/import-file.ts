import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { Caller } from '#shared/domain/caller.js';
import type { Kind } from '#shared/domain/records.js';
import { eachRow, formatOf, ImportFileError, openImportFile, type ImportFormat } from '#shared/import/read-rows.js';
import { makeImportRecords, type ImportSummary } from '#shared/use-cases/import-records.js';
import { rejectedCsv } from '#shared/import/report.js';
import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { backgroundHandler, s3Objects } from './background/background-handler.js';
import { getContainer } from './container.js';
import { logger } from './http/observability.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

const KINDS: Record<string, Kind> = { demands: 'demand', learners: 'learner', courses: 'course' };

/** Files dropped by bureau staff are imported as a national bureau account named after the bucket. */
const IMPORTER: Caller = { sub: 'bureau-import', role: 'bureau', region: 'national' };

let s3: S3Client | undefined;

/** `imports/<kind>/<file>.csv|xlsx|jsonl` → kind and format, or why the key is not an import. */
export function parseImportKey(key: string): { kind: Kind; format: ImportFormat } | string {
  const match = /^imports\/(demands|learners|courses)\/[^/]+$/.exec(key);
  if (!match) return `not under imports/<demands|learners|courses>/`;
  if (/\.(rejected\.csv|summary\.json)$/.test(key)) return 'a report this function wrote';
  const format = formatOf(key);
  if (!format) return 'not a .csv, .xlsx or .jsonl file';
  return { kind: KINDS[match[1]!]!, format };
}

/**
 * S3 ObjectCreated on the import bucket: runs the same importer as `skillbridge import` and
 * writes `<file>.summary.json` and `<file>.rejected.csv` beside the file.
 */
export const handler = backgroundHandler({ name: 'import-file', source: s3Objects }, async ({ bucket, key }): Promise<ImportSummary | undefined> => {
  s3 ??= new S3Client({});
  const parsed = parseImportKey(key);
  if (typeof parsed === 'string') {
    logger.info('Skipping object', { key, reason: parsed });
    return undefined;
  }
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  let file: Awaited<ReturnType<typeof openImportFile>>;
  try {
    file = await openImportFile(object.Body as Readable, parsed.format, parsed.kind);
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    // The file as a whole cannot be read (encoding, header): say so beside it; retrying would not help.
    const problem = { kind: parsed.kind, error: { code: err.code, message: err.message, zh: err.zh } };
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${key}.summary.json`, Body: JSON.stringify(problem, null, 2), ContentType: 'application/json' }));
    logger.warn('Import file unreadable', { key, code: err.code });
    return undefined;
  }
  const summary = await makeImportRecords(parsed.kind, getContainer())(IMPORTER, eachRow(file.rows), { format: parsed.format });
  const report = { ...summary, ignoredColumns: file.ignoredColumns, ...(file.encoding ? { encoding: file.encoding } : {}) };
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${key}.summary.json`, Body: JSON.stringify(report, null, 2), ContentType: 'application/json' }));
  if (summary.rejected.length > 0) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${key}.rejected.csv`, Body: rejectedCsv(summary), ContentType: 'text/csv; charset=utf-8' }));
  }
  logger.info('Import finished', { key, rows: summary.rows, written: summary.written, unchanged: summary.unchanged, rejected: summary.rejected.length });
  return summary;
});
