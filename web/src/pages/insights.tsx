import { useState } from 'preact/hooks';
import { fetchShortage } from '../api/insights.js';
import { useSession } from '../auth/context.js';
import { Notice } from '../components/form.js';
import { LoadError } from '../components/load-error.js';
import { Page, useReady } from '../components/page.js';
import { RegionPicker, useRegionName } from '../components/region-picker.js';
import { ShortageCharts } from '../components/shortage-charts.js';
import { useI18n } from '../i18n/index.js';
import { recall, remember } from '../lib/storage.js';
import { useLoad } from '../lib/use-load.js';

/** Skills in short supply in a region (GET /insights/shortage?region=), for employers planning pay and training. */
export function InsightsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const regionName = useRegionName();
  const key = `sb.insights.region.${session!.sub}`;
  const [region, setRegion] = useState<string>(() => recall<string>(key, 'local') ?? 'national');
  const [load, retry] = useLoad(region || 'national', (signal) => fetchShortage(region || 'national', 30, signal));
  useReady('insights', load.state === 'done' || load.state === 'error');

  return (
    <Page title={t.insightsTitle} intro={t.insightsIntro}>
      <div class="card">
        <RegionPicker
          id="insights-region"
          label={t.insightsRegion}
          value={region}
          onValue={(r) => {
            setRegion(r);
            remember(key, r, 'local');
          }}
          pointer="/region"
          allowNational
          atLeast="province"
        />
      </div>
      {load.state === 'error' ? (
        <LoadError error={load.error} retry={retry} />
      ) : load.state !== 'done' ? (
        <p class="muted">{t.loading}</p>
      ) : load.data.items.length === 0 ? (
        <Notice>{t.insightsNone(regionName(load.data.region))}</Notice>
      ) : (
        <>
          <h2>{t.insightsFor(regionName(load.data.region))}</h2>
          <ShortageCharts items={load.data.items} idPrefix="insights" />
        </>
      )}
    </Page>
  );
}
