import { useState } from 'preact/hooks';
import { demandRowToRecord } from '../lib/csv-record.js';
import { post } from '../api/client.js';
import { ApiError, pointerSegments } from '../api/problem.js';
import { useI18n } from '../i18n/index.js';
import { demandsTemplateCsv, ImportFileError, readDemandsFile, readDemandsWorkbook } from '../lib/csv.js';
import { problemTitle } from '../lib/errors.js';
import { ErrorText, Notice, TableWrap } from './form.js';

/** The API takes at most 100 records a batch. */
const CHUNK = 100;

export interface RowError {
  readonly line: number;
  readonly field: string;
  readonly path: string;
  readonly message: string;
}

interface Outcome {
  readonly total: number;
  readonly saved: number;
  readonly rowErrors: readonly RowError[];
  /** Set when the upload stopped (network, server): rows from this line on were not sent. */
  readonly stoppedAt?: { line: number; title: string };
}

/** Sends one chunk; on a batch rejected for some records, sends the rest again without them. */
async function sendChunk(rows: readonly { line: number }[], records: readonly Record<string, unknown>[]): Promise<{ saved: number; errors: RowError[] }> {
  try {
    const { data } = await post<{ items: unknown[] }>('/demands/batch', records);
    return { saved: data.items.length, errors: [] };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status < 400 || err.status >= 500 || err.fieldErrors.size === 0) throw err;
    const errors: RowError[] = [];
    const bad = new Set<number>();
    for (const [path, messages] of err.fieldErrors) {
      const [index, ...rest] = pointerSegments(path);
      const i = /^\d+$/.test(index ?? '') ? Number(index) : -1;
      const row = rows[i];
      if (!row) throw err;
      bad.add(i);
      for (const message of messages) errors.push({ line: row.line, field: rest.join('/'), path: `/${rest.join('/')}`, message });
    }
    const keep = records.map((r, i) => ({ r, i })).filter(({ i }) => !bad.has(i));
    if (keep.length === 0) return { saved: 0, errors };
    // The batch is all-or-nothing: the good records go again on their own.
    const again = await sendChunk(
      keep.map(({ i }) => rows[i]!),
      keep.map(({ r }) => r),
    );
    return { saved: again.saved, errors: [...errors, ...again.errors] };
  }
}

/**
 * Bulk upload of demands from a CSV file (as Excel or WPS export it): parsed here, sent as
 * POST /demands/batch in chunks of 100, and every rejected field reported against the file's
 * own line number. Rows are upserted by `ref`, so uploading the corrected file again is safe.
 */
export function DemandUpload({ onDone }: { onDone: () => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [fileProblem, setFileProblem] = useState<string>();
  const [ignored, setIgnored] = useState<readonly string[]>([]);

  const template = () => {
    const csv = demandsTemplateCsv();
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = lang === 'zh' ? '岗位模板.csv' : 'demands-template.csv';
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const upload = async (file: File) => {
    setOutcome(undefined);
    setFileProblem(undefined);
    setIgnored([]);
    let table: ReturnType<typeof readDemandsFile>;
    try {
      const bytes = await file.arrayBuffer();
      table = /\.xlsx$/i.test(file.name) ? await readDemandsWorkbook(bytes) : readDemandsFile(bytes);
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      setFileProblem(lang === 'zh' ? err.zh : err.message);
      return;
    }
    setIgnored(table.ignored);
    // Lines that could not be read at all (a quote never closed …) are reported; the rest go.
    const unreadable: RowError[] = table.rows.flatMap((r) => ('error' in r ? [{ line: r.line, field: '', path: '/', message: r.error }] : []));
    const good = table.rows.flatMap((r) => ('cells' in r ? [r] : []));
    if (good.length === 0 && unreadable.length === 0) {
      setFileProblem(t.uploadEmpty);
      return;
    }
    setBusy(true);
    const records = good.map((r) => demandRowToRecord(r.cells));
    let saved = 0;
    const rowErrors: RowError[] = [...unreadable];
    let stoppedAt: Outcome['stoppedAt'];
    setProgress({ done: 0, total: records.length });
    for (let start = 0; start < records.length; start += CHUNK) {
      const rows = good.slice(start, start + CHUNK);
      try {
        const result = await sendChunk(rows, records.slice(start, start + CHUNK));
        saved += result.saved;
        rowErrors.push(...result.errors);
      } catch (err) {
        stoppedAt = { line: rows[0]!.line, title: problemTitle(t, err) };
        break;
      }
      setProgress({ done: Math.min(records.length, start + CHUNK), total: records.length });
    }
    rowErrors.sort((a, b) => a.line - b.line);
    setOutcome({ total: records.length + unreadable.length, saved, rowErrors, ...(stoppedAt ? { stoppedAt } : {}) });
    setBusy(false);
    if (saved > 0) onDone();
  };

  return (
    <div>
      <p>{t.uploadIntro}</p>
      <div class="actions" style="margin-bottom:1rem">
        <button type="button" onClick={template}>
          {t.uploadTemplate}
        </button>
      </div>
      <div class="field file-field">
        <span class="hint" id="demand-file-hint">
          {t.uploadHint}
        </span>
        <input
          id="demand-file"
          class="file-input"
          type="file"
          accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="demand-file-hint"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void upload(file);
            e.currentTarget.value = '';
          }}
        />
        <label for="demand-file" class="button primary">
          {t.uploadChoose}
        </label>
      </div>
      {fileProblem ? <Notice kind="error">{fileProblem}</Notice> : null}
      {ignored.length > 0 ? <Notice kind="warn">{t.uploadIgnored(ignored.join(lang === 'zh' ? '、' : ', '))}</Notice> : null}
      {busy && progress ? (
        <div>
          <label for="upload-progress">{t.uploading(progress.done, progress.total)}</label>
          <progress id="upload-progress" class="progress" max={progress.total} value={progress.done} />
        </div>
      ) : null}
      {outcome ? (
        <div>
          <Notice kind={outcome.rowErrors.length || outcome.stoppedAt ? 'warn' : 'ok'}>
            {t.uploadResult(outcome.total, outcome.saved, new Set(outcome.rowErrors.map((e) => e.line)).size)}
            {outcome.stoppedAt ? ` ${t.uploadStopped(outcome.stoppedAt.line, outcome.stoppedAt.title)}` : ''}
            {outcome.rowErrors.length ? ` ${t.uploadFixAndRetry}` : ''}
          </Notice>
          {outcome.rowErrors.length ? (
            <TableWrap label={t.uploadErrorsCaption}>
              <table>
                <caption class="visually-hidden">{t.uploadErrorsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      {t.uploadLine}
                    </th>
                    <th scope="col">{t.uploadField}</th>
                    <th scope="col">{t.uploadProblem}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.rowErrors.map((e, i) => (
                    <tr key={i} data-line={e.line}>
                      <td class="num">{e.line}</td>
                      <td>
                        {(t.fieldNames as Record<string, string>)[e.field.split('/')[0] ?? ''] ?? e.field}
                        {e.field ? <span class="muted"> ({e.field})</span> : null}
                      </td>
                      <td>
                        <ErrorText path={e.path} message={e.message} detail />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
