import { useEffect, useRef, useState } from 'preact/hooks';
import { apply, searchJobs, type Job, type JobQuery } from '../api/action.js';
import { ApiError } from '../api/problem.js';
import type { Explanation, RankedItem } from '../api/ranked.js';
import { ErrorSummary, Notice, NumberField, SendOrCancel, TextArea, TextField } from '../components/form.js';
import { LoadError, LoadMore, ProblemDetail } from '../components/load-error.js';
import { MatchExplanation } from '../components/match-explain.js';
import { Page, useReady } from '../components/page.js';
import { RegionPicker, useRegionName } from '../components/region-picker.js';
import { formatDateTime, formatYuan, useI18n } from '../i18n/index.js';
import { asFormError } from '../lib/errors.js';
import { Link } from '../lib/router.js';
import { useFocusWhen } from '../lib/use-focus.js';
import { useMyProfile } from '../lib/use-my-profile.js';

interface Filters {
  q: string;
  region: string;
  skill: string;
  salaryMin: string;
  remote: boolean;
}

type Results = { state: 'idle' } | { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'done'; items: Job[]; nextToken?: string | undefined; truncated: boolean; more: 'idle' | 'loading' | { error: unknown } };

/** Whether asking again could help: not for a request the service rejected as it was (4xx but 408/429). */
const canRetry = (err: unknown): boolean => !(err instanceof ApiError) || err.status < 400 || err.status >= 500 || err.status === 408 || err.status === 429;

/** A job's match as the explanation component reads it ("x / y required skills", what is missing); roles are the matcher's `required|preferred`. */
const asRanked = (job: Job): RankedItem | undefined =>
  job.match ? { id: job.id, ref: job.ref, score: job.match.score, explanation: { ...job.match.explanation, requiredMet: job.match.requiredMet, requiredTotal: job.match.requiredTotal } as Explanation } : undefined;

/** Apply to one job with an optional note; says so once sent, and keeps the note on an error. */
function ApplyBox({ job, applied, onApplied }: { job: Job; applied: boolean; onApplied: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ReturnType<typeof asFormError>>();
  const [sendError, setSendError] = useState<unknown>();
  const noteId = `note-${job.id}`;
  const doneId = `applied-${job.id}`;
  useFocusWhen(noteId, open && !applied);
  useFocusWhen(doneId, applied);
  if (applied) {
    return (
      <p class="notice ok" role="status" id={doneId} tabIndex={-1}>
        {t.applied} <Link href="/seeker/applications">{t.navApplications}</Link>
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" class="primary" aria-label={t.applyFor(job.title)} onClick={() => setOpen(true)}>
        {t.apply}
      </button>
    );
  }
  const send = async (e: Event) => {
    e.preventDefault();
    setSending(true);
    setError(undefined);
    setSendError(undefined);
    try {
      await apply(job.id, note);
      onApplied();
    } catch (err) {
      setError(asFormError(t, err));
      setSendError(err);
    } finally {
      setSending(false);
    }
  };
  return (
    <form onSubmit={send} noValidate aria-label={t.applyFor(job.title)}>
      <ErrorSummary error={error} fields={[{ pointer: '/note', id: noteId, label: t.applyNote }]} />
      {sendError ? <ProblemDetail error={sendError} /> : null}
      <TextArea id={noteId} label={t.applyNote} hint={t.applyNoteHint} optional rows={3} maxLength={1000} value={note} onValue={setNote} pointer="/note" errors={error?.fieldErrors} />
      <SendOrCancel busy={sending} send={t.sendApplication} busyLabel={t.sending} onCancel={() => setOpen(false)} cancelLabel={t.cancel} />
    </form>
  );
}

function JobCard({ job, applied, onApplied, canApply }: { job: Job; applied: boolean; onApplied: () => void; canApply: boolean }) {
  const { t, lang } = useI18n();
  const regionName = useRegionName();
  const ranked = asRanked(job);
  const required = job.skills.filter((s) => s.role === 'required');
  const preferred = job.skills.filter((s) => s.role === 'preferred');
  return (
    <li class="result job" data-job={job.id}>
      <h2 style="margin:0">{job.title}</h2>
      <p class="meta">{[job.employer, regionName(job.region), t.headcountN(job.headcount), job.remote ? t.remoteOk : undefined].filter(Boolean).join(t.dot)}</p>
      {job.salaryMin !== undefined || job.salaryMax !== undefined ? (
        <p class="money">{t.salaryRange(job.salaryMin !== undefined ? formatYuan(job.salaryMin, lang) : '', job.salaryMax !== undefined ? formatYuan(job.salaryMax, lang) : '')}</p>
      ) : (
        <p class="meta">{t.salaryNotGiven}</p>
      )}
      {job.match ? <p class="status-line skills-fit">{t.skillsFit(job.match.requiredMet, job.match.requiredTotal)}</p> : null}
      <p class="job-skills">
        <strong>{t.skillsNeeded}</strong>
        {t.colon}
        {required.map((s) => s.text).join(t.listSeparator) || t.none}
        {preferred.length ? (
          <>
            {t.semicolon}
            {t.niceToHave}
            {t.colon}
            {preferred.map((s) => s.text).join(t.listSeparator)}
          </>
        ) : null}
      </p>
      {ranked ? (
        <details>
          <summary>{t.whyThisFits}</summary>
          <MatchExplanation item={ranked} />
        </details>
      ) : null}
      <p class="meta">
        {t.postedAt(formatDateTime(job.createdAt, lang))}
        {job.expiresAt ? `${t.dot}${t.closesAt(formatDateTime(job.expiresAt, lang))}` : ''}
      </p>
      {canApply ? <ApplyBox job={job} applied={applied} onApplied={onApplied} /> : null}
    </li>
  );
}

/**
 * 找工作: search open jobs (GET /jobs) by words, region, skill, minimum pay and remote work, phone
 * first. With a profile the results come sorted by fit with "x / y skills"; more load with
 * `nextToken`; each job can be applied to with an optional note (POST /applications).
 */
export function SeekerSearchPage() {
  const { t, lang } = useI18n();
  const [me] = useMyProfile();
  const [filters, setFilters] = useState<Filters>({ q: '', region: '', skill: '', salaryMin: '', remote: false });
  const [query, setQuery] = useState<JobQuery>();
  const [results, setResults] = useState<Results>({ state: 'idle' });
  const [applied, setApplied] = useState<ReadonlySet<string>>(new Set());
  const [filterError, setFilterError] = useState<ReturnType<typeof asFormError>>();
  const round = useRef(0);
  const profile = me.state === 'done' ? me.data : undefined;

  // The first search: the seeker's own region when they have a profile, else the whole country.
  useEffect(() => {
    if (me.state !== 'done' && me.state !== 'error') return;
    const region = profile?.region ?? '';
    setFilters((f) => ({ ...f, region }));
    setQuery({ region: region || undefined });
  }, [me.state]);

  const run = async (q: JobQuery, nextToken?: string) => {
    const mine = ++round.current;
    if (!nextToken) setResults({ state: 'loading' });
    else setResults((r) => (r.state === 'done' ? { ...r, more: 'loading' } : r));
    try {
      const page = await searchJobs(q, nextToken);
      if (mine !== round.current) return;
      setFilterError(undefined);
      setResults((r) => ({ state: 'done', items: nextToken && r.state === 'done' ? [...r.items, ...page.items] : [...page.items], nextToken: page.nextToken, truncated: page.truncated === true, more: 'idle' }));
    } catch (error) {
      if (mine !== round.current) return;
      if (nextToken) setResults((r) => (r.state === 'done' ? { ...r, more: { error } } : r));
      else {
        setResults({ state: 'error', error });
        const formError = asFormError(t, error);
        setFilterError(formError.fieldErrors.size > 0 ? formError : undefined);
      }
    }
  };

  useEffect(() => {
    if (query) void run(query);
  }, [query, lang]);
  useReady('seeker-search', results.state === 'done' || results.state === 'error');

  const submit = (e: Event) => {
    e.preventDefault();
    setQuery({ q: filters.q, region: filters.region || undefined, skill: filters.skill, salaryMin: filters.salaryMin, remote: filters.remote });
  };
  const update = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));

  return (
    <Page title={t.searchTitle} intro={profile ? t.searchIntroMatched : t.searchIntro}>
      {me.state === 'done' && !profile ? (
        <Notice kind="warn">
          {t.searchNoProfile} <Link href="/seeker/profile">{t.navProfile}</Link>
        </Notice>
      ) : null}
      <form role="search" class="card" onSubmit={submit} noValidate aria-label={t.searchFilters}>
        <ErrorSummary
          error={filterError}
          fields={[
            { pointer: '/q', id: 'q', label: t.searchWords },
            { pointer: '/region', id: 'search-region-province', label: t.searchRegion },
            { pointer: '/skill', id: 'skill', label: t.searchSkill },
            { pointer: '/salaryMin', id: 'salary', label: t.searchSalaryMin },
          ]}
        />
        <TextField id="q" label={t.searchWords} hint={t.searchWordsHint} value={filters.q} onValue={(q) => update({ q })} pointer="/q" errors={filterError?.fieldErrors} input={{ type: 'search', maxLength: 200, enterKeyHint: 'search' }} />
        <RegionPicker id="search-region" label={t.searchRegion} value={filters.region} onValue={(region) => update({ region })} pointer="/region" errors={filterError?.fieldErrors} allowNational atLeast="province" />
        <div class="row">
          <TextField id="skill" label={t.searchSkill} optional value={filters.skill} onValue={(skill) => update({ skill })} pointer="/skill" errors={filterError?.fieldErrors} input={{ maxLength: 100 }} />
          <NumberField id="salary" label={t.searchSalaryMin} optional value={filters.salaryMin} onValue={(salaryMin) => update({ salaryMin })} min={0} step={500} pointer="/salaryMin" errors={filterError?.fieldErrors} />
        </div>
        <label class="check">
          <input type="checkbox" id="remote" checked={filters.remote} onChange={(e) => update({ remote: e.currentTarget.checked })} />
          {t.searchRemote}
        </label>
        <div class="actions">
          <button type="submit" class="primary">
            {t.searchButton}
          </button>
        </div>
      </form>

      <section aria-labelledby="results-heading" aria-busy={results.state === 'loading' ? 'true' : undefined}>
        <h2 id="results-heading">{t.searchResults}</h2>
        {results.state === 'error' ? (
          <LoadError error={results.error} retry={canRetry(results.error) ? () => query && void run(query) : undefined} detail />
        ) : results.state !== 'done' ? (
          <p class="muted">{t.loading}</p>
        ) : results.items.length === 0 ? (
          <Notice>{t.searchNone}</Notice>
        ) : (
          <>
            <p class="muted" role="status">
              {t.searchShown(results.items.length, results.nextToken !== undefined)}
            </p>
            {results.truncated ? <Notice>{t.searchTruncated}</Notice> : null}
            <ol class="results two">
              {results.items.map((job) => (
                <JobCard key={job.id} job={job} canApply={!!profile} applied={applied.has(job.id)} onApplied={() => setApplied((s) => new Set([...s, job.id]))} />
              ))}
            </ol>
            <LoadMore more={results.more} hasMore={!!results.nextToken} onMore={() => query && void run(query, results.nextToken)} />
          </>
        )}
      </section>
    </Page>
  );
}
