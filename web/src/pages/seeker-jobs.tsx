import { get, qs, seg } from '../api/client.js';
import { readDemandSide, type Ranked, type RankedItem } from '../api/ranked.js';
import { Notice } from '../components/form.js';
import { LoadError } from '../components/load-error.js';
import { MatchExplanation } from '../components/match-explain.js';
import { Page, useReady } from '../components/page.js';
import { useRegionName } from '../components/region-picker.js';
import { formatYuan, useI18n } from '../i18n/index.js';
import { Link } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';
import { useMyProfile } from '../lib/use-my-profile.js';

/** Jobs that fit the saved profile (GET /learners/{id}/matches), each with why it fits. */
export function SeekerJobsPage() {
  const { t, lang } = useI18n();
  const regionName = useRegionName();
  const [me, retryMe] = useMyProfile();
  const learnerId = me.state === 'done' ? me.data?.id : undefined;
  const noProfile = me.state === 'done' && !me.data;
  const [load, retry] = useLoad(learnerId && `${learnerId}:${lang}`, (signal) => get<Ranked>(`/learners/${seg(learnerId!)}/matches${qs({ limit: 20 })}`, { signal }).then((r) => r.data));
  useReady('seeker-jobs', load.state === 'done' || load.state === 'error' || noProfile || me.state === 'error');

  return (
    <Page title={t.jobsTitle} intro={t.jobsIntro}>
      {me.state === 'error' ? (
        <LoadError error={me.error} retry={retryMe} />
      ) : noProfile ? (
        <Notice kind="warn">
          {t.needProfileFirst} <Link href="/seeker/profile">{t.navProfile}</Link>
        </Notice>
      ) : load.state === 'error' ? (
        <LoadError error={load.error} retry={retry} />
      ) : !learnerId || load.state !== 'done' ? (
        <p class="muted">{t.loading}</p>
      ) : load.data.items.length === 0 ? (
        <Notice>{t.jobsNone}</Notice>
      ) : (
        <ol class="results two">
          {load.data.items.map((item: RankedItem) => {
            const d = readDemandSide(item);
            return (
              <li key={item.id} class="result">
                <h2 style="margin:0">{d.title ?? t.untitledJob(item.ref)}</h2>
                <p class="meta">
                  {[d.employer, d.regionName ?? regionName(d.region), d.headcount !== undefined ? t.headcountN(d.headcount) : undefined].filter(Boolean).join(t.dot)}
                </p>
                {d.salaryMin !== undefined || d.salaryMax !== undefined ? (
                  <p class="money">
                    {t.salaryRange(d.salaryMin !== undefined ? formatYuan(d.salaryMin, lang) : '', d.salaryMax !== undefined ? formatYuan(d.salaryMax, lang) : '')}
                  </p>
                ) : null}
                <MatchExplanation item={item} />
              </li>
            );
          })}
        </ol>
      )}
    </Page>
  );
}
