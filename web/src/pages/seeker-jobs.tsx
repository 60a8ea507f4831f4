import { get, qs, seg } from '../api/client.js';
import { readDemandSide, type Ranked, type RankedItem } from '../api/ranked.js';
import { useSession } from '../auth/context.js';
import { Notice } from '../components/form.js';
import { LoadError } from '../components/load-error.js';
import { MatchExplanation } from '../components/match-explain.js';
import { Page, useReady } from '../components/page.js';
import { useRegionName } from '../components/region-picker.js';
import { formatYuan, useI18n } from '../i18n/index.js';
import { Link } from '../lib/router.js';
import { recall } from '../lib/storage.js';
import { useLoad } from '../lib/use-load.js';
import { learnerIdKey } from './seeker-profile.js';

/** Jobs that fit the saved profile (GET /learners/{id}/matches), each with why it fits. */
export function SeekerJobsPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const regionName = useRegionName();
  const learnerId = recall<string>(learnerIdKey(session!.sub), 'local');
  const [load, retry] = useLoad(learnerId && `${learnerId}:${lang}`, (signal) => get<Ranked>(`/learners/${seg(learnerId!)}/matches${qs({ limit: 20 })}`, { signal }).then((r) => r.data));
  useReady('seeker-jobs', load.state === 'done' || load.state === 'error' || !learnerId);

  return (
    <Page title={t.jobsTitle} intro={t.jobsIntro}>
      {!learnerId ? (
        <Notice kind="warn">
          {t.needProfileFirst} <Link href="/seeker/profile">{t.navProfile}</Link>
        </Notice>
      ) : load.state === 'error' ? (
        <LoadError error={load.error} retry={retry} />
      ) : load.state !== 'done' ? (
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
