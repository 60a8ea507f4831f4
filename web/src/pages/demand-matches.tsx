import { get, qs, seg } from '../api/client.js';
import { readLearnerSide, type Ranked } from '../api/ranked.js';
import type { Demand } from '../api/records.js';
import { Notice } from '../components/form.js';
import { LoadError } from '../components/load-error.js';
import { MatchExplanation } from '../components/match-explain.js';
import { Page, useReady } from '../components/page.js';
import { useRegionName } from '../components/region-picker.js';
import { useI18n } from '../i18n/index.js';
import { Link } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';

/**
 * Job seekers who fit one demand (GET /demands/{id}/matches). The API only returns people who
 * agreed to be seen, and no contact details; this page shows exactly what it is given.
 */
export function DemandMatchesPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const regionName = useRegionName();
  const [demand] = useLoad(id, (signal) => get<Demand>(`/demands/${seg(id)}`, { signal }).then((r) => r.data));
  const [matches, retry] = useLoad(`${id}:${lang}`, (signal) => get<Ranked>(`/demands/${seg(id)}/matches${qs({ limit: 20 })}`, { signal }).then((r) => r.data));
  useReady('demand-matches', matches.state === 'done' || matches.state === 'error');

  const title = demand.state === 'done' ? t.matchesFor(demand.data.title) : t.matchesTitle;
  return (
    <Page title={title}>
      <p>
        <Link href="/employer/demands">{t.backToDemands}</Link>
      </p>
      {demand.state === 'error' ? <LoadError error={demand.error} /> : null}
      <Notice>{t.matchesPrivacy}</Notice>
      {matches.state === 'error' ? (
        <LoadError error={matches.error} retry={retry} />
      ) : matches.state !== 'done' ? (
        <p class="muted">{t.loading}</p>
      ) : matches.data.items.length === 0 ? (
        <Notice>{t.matchesNone}</Notice>
      ) : (
        <ol class="results two">
          {matches.data.items.map((item, i) => {
            const l = readLearnerSide(item);
            return (
              <li key={item.id} class="result">
                <h2 style="margin:0">{t.candidateN(i + 1)}</h2>
                <p class="muted">{t.candidateId(item.id)}</p>
                <p class="meta">
                  {[l.region ? regionName(l.region) : undefined, l.group ? (t.groups as Record<string, string>)[l.group] : undefined, l.yearsExperience !== undefined ? t.yearsN(l.yearsExperience) : undefined]
                    .filter(Boolean)
                    .join(t.dot)}
                </p>
                <MatchExplanation item={item} />
              </li>
            );
          })}
        </ol>
      )}
    </Page>
  );
}
