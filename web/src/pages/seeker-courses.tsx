import { get, qs, seg } from '../api/client.js';
import { readCourse, readPathway, textOf, type CourseView } from '../api/ranked.js';
import { Notice } from '../components/form.js';
import { LoadError } from '../components/load-error.js';
import { Page, useReady } from '../components/page.js';
import { useRegionName } from '../components/region-picker.js';
import { formatNumber, formatYuan, useI18n } from '../i18n/index.js';
import { Link } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';
import { useMyProfile } from '../lib/use-my-profile.js';

type Answer = {
  items: readonly Record<string, unknown>[];
  pathway?: unknown;
  target?: unknown;
  gap?: ReadonlyArray<{ skillId: string; label?: unknown; role?: string }>;
};

function CourseFacts({ c }: { c: CourseView }) {
  const { t, lang } = useI18n();
  const regionName = useRegionName();
  const yuan = (v: number | undefined) => (v === undefined ? t.unknownAmount : formatYuan(v, lang));
  return (
    <>
      <dl class="facts">
        {c.provider ? (
          <>
            <dt>{t.courseProvider}</dt>
            <dd>{c.provider}</dd>
          </>
        ) : null}
        {c.hours !== undefined ? (
          <>
            <dt>{t.courseHours}</dt>
            <dd>{t.hoursN(formatNumber(c.hours, lang))}</dd>
          </>
        ) : null}
        {c.mode ? (
          <>
            <dt>{t.courseMode}</dt>
            <dd>
              {t.modes[c.mode]}
              {c.region ? `${t.dot}${regionName(c.region)}` : ''}
            </dd>
          </>
        ) : null}
        <dt>{t.coursePrice}</dt>
        <dd class="money">{yuan(c.price)}</dd>
        <dt>{t.courseSubsidy}</dt>
        <dd class="money">{c.subsidyTotal ? `− ${yuan(c.subsidyTotal)}` : t.noSubsidy}</dd>
        <dt>
          <strong>{t.courseNet}</strong>
        </dt>
        <dd class="money">
          <strong>{c.net === undefined ? t.unknownAmount : c.net === 0 ? t.free : yuan(c.net)}</strong>
        </dd>
        {c.certificate ? (
          <>
            <dt>{t.courseCertificate}</dt>
            <dd>{c.certificate}</dd>
          </>
        ) : null}
      </dl>
      {c.levelFit || c.access ? <p class="meta">{[c.levelFit, c.access].filter(Boolean).join(t.semicolon)}</p> : null}
      {c.rules.length > 0 ? (
        <div>
          <strong>{t.subsidyWhy}</strong>
          <ul>
            {c.rules.map((r, i) => (
              <li key={i}>
                {r.name ? `${textOf(r.name, lang)}${r.amountYuan !== undefined ? t.inParens(formatYuan(r.amountYuan, lang)) : ''}${t.colon}` : ''}
                {textOf(r.why, lang)}
                {r.when ? `${t.semicolon}${textOf(r.when, lang)}` : ''}
              </li>
            ))}
          </ul>
          {c.rulesAreExamples ? <p class="muted">{t.subsidyExample}</p> : null}
        </div>
      ) : null}
      {c.toConfirm.length > 0 ? (
        <div>
          <strong>{t.subsidyToConfirm}</strong>
          <ul>
            {c.toConfirm.map((r, i) => (
              <li key={i}>
                {r.name ? `${textOf(r.name, lang)}${r.amountYuan !== undefined ? t.inParens(formatYuan(r.amountYuan, lang)) : ''}${t.colon}` : ''}
                {textOf(r.condition, lang)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** Courses for the skills the person is missing (GET /learners/{id}/recommendations): the pathway first, then every suggestion. */
export function SeekerCoursesPage() {
  const { t, lang } = useI18n();
  const [me, retryMe] = useMyProfile();
  const learnerId = me.state === 'done' ? me.data?.id : undefined;
  const noProfile = me.state === 'done' && !me.data;
  const [load, retry] = useLoad(learnerId && `${learnerId}:${lang}`, (signal) => get<Answer>(`/learners/${seg(learnerId!)}/recommendations${qs({ limit: 10 })}`, { signal }).then((r) => r.data));
  useReady('seeker-courses', load.state === 'done' || load.state === 'error' || noProfile || me.state === 'error');

  if (me.state === 'error') return <Page title={t.coursesTitle}><LoadError error={me.error} retry={retryMe} /></Page>;
  if (noProfile) {
    return (
      <Page title={t.coursesTitle}>
        <Notice kind="warn">
          {t.needProfileFirst} <Link href="/seeker/profile">{t.navProfile}</Link>
        </Notice>
      </Page>
    );
  }
  if (load.state === 'error') return <Page title={t.coursesTitle}><LoadError error={load.error} retry={retry} /></Page>;
  if (!learnerId || load.state !== 'done') return <Page title={t.coursesTitle}><p class="muted">{t.loading}</p></Page>;

  const items = load.data.items;
  const pathway = readPathway(load.data as Record<string, unknown>, items);
  const totalHours = pathway.totalHours ?? pathway.steps.reduce((s, c) => s + (c.hours ?? 0), 0);
  const totalNet = pathway.totalNet ?? pathway.steps.reduce((s, c) => s + (c.net ?? 0), 0);
  const target = textOf((load.data.target as { summary?: unknown } | undefined)?.summary, lang);
  const gap = (load.data.gap ?? []).filter((g) => g.role !== 'preferred').slice(0, 12);
  return (
    <Page title={t.coursesTitle} intro={t.coursesIntro}>
      {items.length === 0 ? <Notice>{t.coursesNone}</Notice> : null}
      {target || gap.length > 0 ? (
        <section class="card" aria-labelledby="gap-heading">
          <h2 id="gap-heading" style="margin-top:0">
            {t.gapTitle}
          </h2>
          {target ? <p>{target}</p> : null}
          {gap.length > 0 ? (
            <ul class="skill-tags" aria-label={t.gapTitle}>
              {gap.map((g) => (
                <li key={g.skillId} class="tag missing">
                  {textOf(g.label, lang) || g.skillId}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      {pathway.steps.length > 0 ? (
        <section class="card" aria-labelledby="pathway-heading">
          <h2 id="pathway-heading" style="margin-top:0">
            {t.pathwayTitle}
          </h2>
          <p>{t.pathwaySummary(pathway.steps.length, formatNumber(totalHours, lang), formatYuan(totalNet, lang))}</p>
          {pathway.coverage !== undefined ? <p class="muted">{t.pathwayCoverage(Math.round(pathway.coverage * 100))}</p> : null}
          <ol class="pathway">
            {pathway.steps.map((c, i) => (
              <li key={`${c.id ?? i}`}>
                <strong>{c.title}</strong>
                <span class="muted">
                  {' '}
                  {[c.hours !== undefined ? t.hoursN(formatNumber(c.hours, lang)) : '', c.net !== undefined ? t.netN(c.net === 0 ? t.free : formatYuan(c.net, lang)) : ''].filter(Boolean).join(t.dot)}
                </span>
                {c.raises.length > 0 ? <span class="hint">{t.pathwayRaises(c.raises.map((r) => textOf(r, lang)).join(t.listSeparator))}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {items.length > 0 ? (
        <>
          <h2>{t.coursesAll}</h2>
          <ol class="results two">
            {items.map((item, i) => {
              const c = readCourse(item);
              const why = textOf((item as { explanation?: unknown }).explanation, lang) || textOf((item as { explanation?: { summary?: unknown } }).explanation?.summary, lang);
              return (
                <li key={c.id ?? i} class="result">
                  <h3>{c.title}</h3>
                  <CourseFacts c={c} />
                  {why ? (
                    <details>
                      <summary>{t.whyThisCourse}</summary>
                      <p>{why}</p>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </Page>
  );
}
