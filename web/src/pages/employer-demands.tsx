import { useEffect, useState } from 'preact/hooks';
import { get, post, qs } from '../api/client.js';
import type { Demand, Page as ListPage } from '../api/records.js';
import { useSession } from '../auth/context.js';
import { DemandUpload } from '../components/demand-upload.js';
import { ErrorSummary, Notice, NumberField, TextArea, TextField } from '../components/form.js';
import { LoadError } from '../components/load-error.js';
import { Page, useReady } from '../components/page.js';
import { RegionPicker, useRegionName } from '../components/region-picker.js';
import { chipToInput, SkillPicker, type SkillChip } from '../components/skill-picker.js';
import { formatYuan, useI18n } from '../i18n/index.js';
import { asFormError } from '../lib/errors.js';
import { Link } from '../lib/router.js';
import { recall, remember } from '../lib/storage.js';
import { useLoad } from '../lib/use-load.js';

interface Draft {
  /** Made once per posting, so a retry after a network error updates rather than duplicates. */
  ref: string;
  employer: string;
  title: string;
  description: string;
  required: SkillChip[];
  preferred: SkillChip[];
  region: string;
  headcount: string;
  salaryMin: string;
  salaryMax: string;
}

const newRef = () => `web-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;

const emptyDraft = (employer = '', region = ''): Draft => ({
  ref: newRef(),
  employer,
  title: '',
  description: '',
  required: [],
  preferred: [],
  region,
  headcount: '1',
  salaryMin: '',
  salaryMax: '',
});

/** A number field's text as the API wants it: a number when it reads as one, else the text (so the API names it). */
const numberOrText = (v: string): number | string | undefined => (v.trim() === '' ? undefined : Number.isFinite(Number(v)) ? Number(v) : v);

/**
 * The employer's page: post a demand (skills with autocomplete), upload many from a CSV file, and
 * the list of their own demands, each linking to its matches.
 */
export function EmployerDemandsPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const regionName = useRegionName();
  const draftKey = `sb.draft.demand.${session!.sub}`;
  const [draft, setDraft] = useState<Draft>(() => recall<Draft>(draftKey, 'session') ?? emptyDraft());
  const [error, setError] = useState<ReturnType<typeof asFormError>>();
  const [saving, setSaving] = useState(false);
  const [posted, setPosted] = useState<Demand>();
  const [round, setRound] = useState(0);
  const [list, retry] = useLoad(`demands-${round}`, (signal) => get<ListPage<Demand>>(`/demands${qs({ limit: 100 })}`, { signal }).then((r) => r.data));
  useReady('employer-demands', list.state === 'done' || list.state === 'error');

  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  useEffect(() => remember(draftKey, draft, 'session'), [draft]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setError(undefined);
    setPosted(undefined);
    try {
      const body = {
        ref: draft.ref,
        employer: draft.employer,
        title: draft.title,
        description: draft.description,
        requiredSkills: draft.required.map(chipToInput),
        preferredSkills: draft.preferred.map(chipToInput),
        region: draft.region,
        headcount: numberOrText(draft.headcount),
        salaryMin: numberOrText(draft.salaryMin),
        salaryMax: numberOrText(draft.salaryMax),
      };
      const { data } = await post<Demand>('/demands', body);
      setPosted(data);
      // The next posting starts fresh but keeps who and where: employers post several at once.
      setDraft(emptyDraft(draft.employer, draft.region));
      setRound((n) => n + 1);
    } catch (err) {
      setError(asFormError(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page title={t.demandsTitle} intro={t.demandsIntro}>
      <section class="card" aria-labelledby="post-heading">
        <h2 id="post-heading" style="margin-top:0">
          {t.postDemand}
        </h2>
        <ErrorSummary
          error={error}
          fields={[
            { pointer: '/employer', id: 'employer', label: t.fieldNames.employer },
            { pointer: '/title', id: 'title', label: t.fieldNames.title },
            { pointer: '/description', id: 'description', label: t.fieldNames.description },
            { pointer: '/requiredSkills', id: 'required-add', label: t.fieldNames.requiredSkills },
            { pointer: '/preferredSkills', id: 'preferred-add', label: t.fieldNames.preferredSkills },
            { pointer: '/region', id: 'demand-region-province', label: t.fieldNames.region },
            { pointer: '/headcount', id: 'headcount', label: t.fieldNames.headcount },
            { pointer: '/salaryMin', id: 'salary-min', label: t.fieldNames.salaryMin },
            { pointer: '/salaryMax', id: 'salary-max', label: t.fieldNames.salaryMax },
          ]}
        />
        {posted ? (
          <Notice kind="ok">
            {t.demandPosted(posted.title)} <Link href={`/employer/demands/${encodeURIComponent(posted.id)}`}>{t.seeMatches}</Link>
          </Notice>
        ) : null}
        <form onSubmit={submit} noValidate>
          <div class="row">
            <TextField id="employer" label={t.fieldNames.employer} value={draft.employer} onValue={(employer) => update({ employer })} pointer="/employer" errors={error?.fieldErrors} input={{ autoComplete: 'organization', maxLength: 200 }} />
            <TextField id="title" label={t.fieldNames.title} hint={t.demandTitleHint} value={draft.title} onValue={(title) => update({ title })} pointer="/title" errors={error?.fieldErrors} input={{ maxLength: 200 }} />
          </div>
          <TextArea id="description" label={t.fieldNames.description} optional rows={3} value={draft.description} onValue={(description) => update({ description })} pointer="/description" errors={error?.fieldErrors} maxLength={10000} />
          <SkillPicker id="required" label={t.fieldNames.requiredSkills} hint={t.requiredHint} chips={draft.required} onChange={(required) => update({ required })} pointer="/requiredSkills" errors={error?.fieldErrors} />
          <SkillPicker id="preferred" label={t.fieldNames.preferredSkills} optional chips={draft.preferred} onChange={(preferred) => update({ preferred })} pointer="/preferredSkills" errors={error?.fieldErrors} />
          <RegionPicker id="demand-region" label={t.fieldNames.region} value={draft.region} onValue={(region) => update({ region })} pointer="/region" errors={error?.fieldErrors} />
          <div class="row">
            <NumberField id="headcount" label={t.fieldNames.headcount} value={draft.headcount} onValue={(headcount) => update({ headcount })} min={1} pointer="/headcount" errors={error?.fieldErrors} />
            <NumberField id="salary-min" label={t.fieldNames.salaryMin} optional value={draft.salaryMin} onValue={(salaryMin) => update({ salaryMin })} min={0} step={100} pointer="/salaryMin" errors={error?.fieldErrors} />
            <NumberField id="salary-max" label={t.fieldNames.salaryMax} optional value={draft.salaryMax} onValue={(salaryMax) => update({ salaryMax })} min={0} step={100} pointer="/salaryMax" errors={error?.fieldErrors} />
          </div>
          <div class="actions">
            <button type="submit" class="primary" disabled={saving}>
              {saving ? t.saving : t.postDemandButton}
            </button>
          </div>
        </form>
      </section>

      <section class="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading" style="margin-top:0">
          {t.uploadTitle}
        </h2>
        <DemandUpload onDone={() => setRound((n) => n + 1)} />
      </section>

      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t.myDemands}</h2>
        {list.state === 'error' ? (
          <LoadError error={list.error} retry={retry} />
        ) : list.state !== 'done' ? (
          <p class="muted">{t.loading}</p>
        ) : list.data.items.length === 0 ? (
          <p class="muted">{t.noDemandsYet}</p>
        ) : (
          <ul class="results two">
            {list.data.items.map((d) => (
              <li key={d.id} class="result">
                <h3>{d.title}</h3>
                <p class="meta">
                  {[d.employer, regionName(d.region), t.headcountN(d.headcount), d.status === 'closed' ? t.closed : undefined].filter(Boolean).join(t.dot)}
                </p>
                {d.salaryMin != null || d.salaryMax != null ? (
                  <p class="money">{t.salaryRange(d.salaryMin != null ? formatYuan(d.salaryMin, lang) : '', d.salaryMax != null ? formatYuan(d.salaryMax, lang) : '')}</p>
                ) : null}
                <Link class="button" href={`/employer/demands/${encodeURIComponent(d.id)}`} aria-label={t.seeMatchesFor(d.title)}>
                  {t.seeMatches}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
