import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getMyProfile, patchMyProfile, type ConsentRecord, type MyProfile } from '../api/action.js';
import { ApiError } from '../api/problem.js';
import { extractSkills, resolveLabels, type StoredSkill } from '../api/skills.js';
import { useSession } from '../auth/context.js';
import { ErrorSummary, Notice, NumberField, SelectField, TextArea, TextField } from '../components/form.js';
import { Page, useReady } from '../components/page.js';
import { RegionPicker } from '../components/region-picker.js';
import { chipKey, chipToInput, SkillPicker, type SkillChip } from '../components/skill-picker.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { asFormError } from '../lib/errors.js';
import { Link } from '../lib/router.js';
import { recall, remember } from '../lib/storage.js';
import { useDebounced } from '../lib/use-debounced.js';
import { GROUPS, type Group } from '../api/records.js';

interface Draft {
  resume: string;
  chips: SkillChip[];
  /** Skills the person removed: re-reading the résumé must not bring them back. */
  dismissed: string[];
  region: string;
  group: Group | '';
  certificates: string;
  yearsExperience: string;
  prefersOnline: boolean;
  consent: boolean;
  phone: string;
  email: string;
}

const EMPTY: Draft = { resume: '', chips: [], dismissed: [], region: '', group: '', certificates: '', yearsExperience: '', prefersOnline: false, consent: false, phone: '', email: '' };

const draftKey = (sub: string) => `sb.draft.profile.${sub}`;

const fromLearner = (l: MyProfile): Draft => ({
  resume: '',
  chips: l.skills.map((s: StoredSkill) => ({ key: chipKey(s.skillId, s.text), skillId: s.skillId, text: s.text, level: s.level, from: 'saved' as const })),
  dismissed: [],
  region: l.region,
  group: l.group,
  certificates: l.certificates.join('\n'),
  yearsExperience: l.yearsExperience === undefined || l.yearsExperience === null ? '' : String(l.yearsExperience),
  prefersOnline: l.prefersOnline ?? false,
  consent: l.consentToShare,
  phone: l.contact?.phone ?? '',
  email: l.contact?.email ?? '',
});

/** Who turned sharing on or off, and when: the person can see what the service holds about their consent. */
function ConsentProvenance({ consent }: { consent: ConsentRecord | undefined }) {
  const { t, lang } = useI18n();
  if (!consent) return null;
  return (
    <p class="muted" id="consent-record">
      {t.consentRecord(consent.given, consent.by === 'self' ? t.consentBySelf : t.consentByBureau, formatDateTime(consent.at, lang), consent.noticeVersion)}
    </p>
  );
}

/**
 * The job seeker's profile, read from and saved to `/me/profile` so every browser shows the same
 * one: paste a résumé and the skills found in it (POST /skills/extract, debounced) become editable
 * chips with levels; region, group, contact details (shown to an employer only after applying or
 * accepting an invitation) and the consent switch with who set it when. The first save creates the
 * profile (a whole one), later ones are merge patches with If-Match. A draft is kept in this tab's
 * storage so nothing typed is lost to an error or a reload.
 */
export function SeekerProfilePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const sub = session!.sub;
  const [exists, setExists] = useState(false);
  const [etag, setEtag] = useState<string>();
  const [consentRecord, setConsentRecord] = useState<ConsentRecord>();
  // A draft kept from before contact details existed lacks them: fill from the empty draft.
  const [draft, setDraft] = useState<Draft>(() => ({ ...EMPTY, ...recall<Partial<Draft>>(draftKey(sub), 'session') }));
  const [loaded, setLoaded] = useState(false);
  const [extracting, setExtracting] = useState(false);
  const [found, setFound] = useState<{ count: number; unmapped: readonly string[] }>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ReturnType<typeof asFormError>>();
  const [stale, setStale] = useState(false);
  const [, relabel] = useState(0);
  const hadDraft = useRef(recall<Draft>(draftKey(sub), 'session') !== undefined);

  const update = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };
  useEffect(() => remember(draftKey(sub), draft, 'session'), [draft]);

  // Load the saved profile; a draft typed in this tab wins over it, but the ETag is always fresh.
  useEffect(() => {
    getMyProfile()
      .then((answer) => {
        if (!answer) return;
        const { data, etag: tag } = answer;
        setExists(true);
        setEtag(tag);
        setConsentRecord(data.consent);
        if (!hadDraft.current) setDraft(fromLearner(data));
        void resolveLabels(data.skills.flatMap((s) => (s.skillId ? [s.skillId] : []))).then(() => relabel((n) => n + 1));
      })
      .catch((err: unknown) => setError(asFormError(t, err)))
      .finally(() => setLoaded(true));
  }, []);
  useReady('seeker-profile', loaded);

  // Skills found in the résumé, live: one request once typing pauses, the previous one cancelled.
  const resume = useDebounced(draft.resume.trim(), 600);
  useEffect(() => {
    if (!resume) {
      setFound(undefined);
      return;
    }
    const ctrl = new AbortController();
    setExtracting(true);
    extractSkills(resume, ctrl.signal)
      .then((result) => {
        setDraft((d) => {
          const have = new Set(d.chips.map((c) => c.key));
          const added = result.items
            .filter((s) => !have.has(s.skillId) && !d.dismissed.includes(s.skillId))
            .map((s): SkillChip => ({ key: s.skillId, skillId: s.skillId, text: s.label.zh, level: s.level ?? null, from: 'resume' }));
          return added.length ? { ...d, chips: [...d.chips, ...added] } : d;
        });
        setFound({ count: result.items.length, unmapped: result.unmapped });
        setExtracting(false);
      })
      .catch((err: unknown) => {
        if ((err as Error).name !== 'AbortError') setExtracting(false);
      });
    return () => ctrl.abort();
  }, [resume]);

  const fields = useMemo(
    () => ({
      skills: draft.chips.map(chipToInput),
      certificates: draft.certificates
        .split(/[\n、,，;；]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      region: draft.region,
      group: draft.group || undefined,
      consentToShare: draft.consent,
      prefersOnline: draft.prefersOnline,
      ...(draft.yearsExperience.trim() !== '' ? { yearsExperience: Number(draft.yearsExperience) } : {}),
      // The contact is replaced as a whole; both empty clears it.
      contact: draft.phone.trim() || draft.email.trim() ? { ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}), ...(draft.email.trim() ? { email: draft.email.trim() } : {}) } : null,
    }),
    [draft],
  );

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setError(undefined);
    setStale(false);
    try {
      // A first save sends the whole profile: what is still empty is left out, so the answer names every missing field
      // (an empty region would fail the region check alone); null is only for clearing a contact.
      const body = exists ? fields : { ...fields, region: fields.region || undefined, contact: fields.contact ?? undefined };
      const { data, etag: tag } = await patchMyProfile(body, exists ? etag : undefined);
      setExists(true);
      setEtag(tag);
      setConsentRecord(data.consent);
      setDraft((d) => ({ ...d, consent: data.consentToShare }));
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412 && exists) {
        // Someone (another tab, a bureau officer) changed the profile: keep what was typed, take the new ETag.
        setStale(true);
        try {
          setEtag((await getMyProfile())?.etag);
        } catch {
          setEtag(undefined);
        }
      } else setError(asFormError(t, err));
    } finally {
      setSaving(false);
    }
  };

  if (!loaded) return <p class="muted">{t.loading}</p>;

  return (
    <Page title={t.profileTitle} intro={t.profileIntro}>
      <ErrorSummary
        error={error}
        fields={[
          { pointer: '/skills', id: 'skills-add', label: t.profileSkills },
          { pointer: '/region', id: 'region-province', label: t.profileRegion },
          { pointer: '/group', id: 'group', label: t.profileGroup },
          { pointer: '/certificates', id: 'certificates', label: t.profileCertificates },
          { pointer: '/yearsExperience', id: 'years', label: t.profileYears },
          { pointer: '/contact/phone', id: 'phone', label: t.contactPhone },
          { pointer: '/contact/email', id: 'email', label: t.contactEmail },
          { pointer: '/consentToShare', id: 'consent', label: t.consentSwitch },
        ]}
      />
      {stale ? <Notice kind="warn">{t.profileStale}</Notice> : null}
      <form onSubmit={save} noValidate>
        <section class="card" aria-labelledby="resume-heading">
          <h2 id="resume-heading" style="margin-top:0">
            {t.profileStep1}
          </h2>
          <TextArea id="resume" label={t.profileResume} hint={t.profileResumeHint} value={draft.resume} onValue={(resume) => update({ resume })} rows={7} maxLength={20000} />
          <p class="muted" role="status" aria-live="polite">
            {extracting ? t.extracting : found ? t.extracted(found.count) : ''}
          </p>
          {found && found.unmapped.length > 0 ? <p class="unmapped-words">{t.unmappedWords(found.unmapped.slice(0, 8).join('、'))}</p> : null}
          <SkillPicker
            id="skills"
            label={t.profileSkills}
            hint={t.profileSkillsHint}
            chips={draft.chips}
            onChange={(chips, removed) => update({ chips, ...(removed?.skillId ? { dismissed: [...draft.dismissed, removed.skillId] } : {}) })}
            pointer="/skills"
            errors={error?.fieldErrors}
          />
        </section>

        <section class="card" aria-labelledby="about-heading">
          <h2 id="about-heading" style="margin-top:0">
            {t.profileStep2}
          </h2>
          <RegionPicker id="region" label={t.profileRegion} hint={t.profileRegionHint} value={draft.region} onValue={(region) => update({ region })} pointer="/region" errors={error?.fieldErrors} />
          <SelectField<Group>
            id="group"
            label={t.profileGroup}
            hint={t.profileGroupHint}
            value={draft.group}
            onValue={(group) => update({ group })}
            placeholder={t.choose}
            options={GROUPS.map((g) => ({ value: g, label: t.groups[g] }))}
            pointer="/group"
            errors={error?.fieldErrors}
          />
          <TextArea
            id="certificates"
            label={t.profileCertificates}
            hint={t.profileCertificatesHint}
            optional
            rows={2}
            value={draft.certificates}
            onValue={(certificates) => update({ certificates })}
            pointer="/certificates"
            errors={error?.fieldErrors}
          />
          <div class="row">
            <NumberField id="years" label={t.profileYears} optional value={draft.yearsExperience} onValue={(yearsExperience) => update({ yearsExperience })} min={0} max={60} pointer="/yearsExperience" errors={error?.fieldErrors} />
          </div>
          <label class="check">
            <input type="checkbox" id="online" checked={draft.prefersOnline} onChange={(e) => update({ prefersOnline: e.currentTarget.checked })} />
            {t.profileOnline}
          </label>
        </section>

        <section class="card" aria-labelledby="contact-heading">
          <h2 id="contact-heading" style="margin-top:0">
            {t.contactTitle}
          </h2>
          <p class="muted">{t.contactIntro}</p>
          <div class="row">
            <TextField id="phone" label={t.contactPhone} optional value={draft.phone} onValue={(phone) => update({ phone })} pointer="/contact/phone" errors={error?.fieldErrors} input={{ type: 'tel', autoComplete: 'tel', inputMode: 'tel', maxLength: 20 }} />
            <TextField id="email" label={t.contactEmail} optional value={draft.email} onValue={(email) => update({ email })} pointer="/contact/email" errors={error?.fieldErrors} input={{ type: 'email', autoComplete: 'email', maxLength: 254 }} />
          </div>
        </section>

        <section class="card" aria-labelledby="consent-heading">
          <h2 id="consent-heading" style="margin-top:0">
            {t.consentTitle}
          </h2>
          <label class="switch" for="consent">
            <input type="checkbox" role="switch" id="consent" checked={draft.consent} aria-describedby="consent-explain" onChange={(e) => update({ consent: e.currentTarget.checked })} />
            <span>
              {t.consentSwitch}
              <span class="hint" style="margin:0">{draft.consent ? t.consentOn : t.consentOff}</span>
            </span>
          </label>
          <div class="consent-box" id="consent-explain">
            <strong>{t.consentSeeTitle}</strong>
            <ul>
              {t.consentSee.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <strong>{t.consentNotSeeTitle}</strong>
            <ul>
              {t.consentNotSee.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p style="margin:0">{t.consentChange}</p>
          </div>
          <ConsentProvenance consent={consentRecord} />
        </section>

        {saved ? (
          <Notice kind="ok">
            {t.profileSaved}{' '}
            <Link href="/seeker/search">{t.navSearch}</Link>
            {t.listSeparator}
            <Link href="/seeker/jobs">{t.navJobs}</Link>
            {t.listSeparator}
            <Link href="/seeker/courses">{t.navCourses}</Link>
          </Notice>
        ) : null}
        <div class="actions">
          <button type="submit" class="primary" disabled={saving}>
            {saving ? t.saving : exists ? t.saveChanges : t.saveProfile}
          </button>
        </div>
      </form>
    </Page>
  );
}

