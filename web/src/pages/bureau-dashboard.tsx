import { useEffect, useState } from 'preact/hooks';
import { groupRates, listCampaigns, type CampaignStatus } from '../api/campaigns.js';
import { fetchShortage } from '../api/insights.js';
import { fetchPlacements } from '../api/placements.js';
import { useSession } from '../auth/context.js';
import { BarChart } from '../components/bar-chart.js';
import { FunnelTable } from '../components/funnel-table.js';
import { Notice, TableWrap } from '../components/form.js';
import { LoadError } from '../components/load-error.js';
import { Page, useReady } from '../components/page.js';
import { RegionPicker, useRegionName, useRegions } from '../components/region-picker.js';
import { ShortageCharts } from '../components/shortage-charts.js';
import { formatDateTime, formatNumber, pick, useI18n } from '../i18n/index.js';
import { Link } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';

/** Most sub-regions asked about at once: a province has up to ~20 cities, the country 31 provinces. */
const MAX_AREAS = 32;
const PARALLEL = 6;

interface AreaRow {
  readonly code: string;
  readonly demand: number;
  readonly supply: number;
  readonly topSkill: string | undefined;
  readonly topIndex: number | undefined;
}

/** Today in China (UTC+8), and the day `n` days before a day, as `YYYY-MM-DD`. */
const chinaToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysBefore = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function inBatches<T, R>(list: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < list.length; i += size) out.push(...(await Promise.all(list.slice(i, i + size).map(fn))));
  return out;
}

/**
 * The bureau dashboard: shortage by skill for the region (GET /insights/shortage), supply against
 * demand, the same per district (one request per sub-region the region holds), the region's
 * campaigns (GET /campaigns, newest first, ten at a time) and match rate by target group from the
 * report of the newest completed one, and the region's placements funnel by target group for a
 * range of days (GET /insights/placements; the last 30 days at first).
 */
export function BureauDashboardPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const regions = useRegions();
  const regionName = useRegionName();
  const own = session!.region ?? 'national';
  const [region, setRegion] = useState(own);
  const [shortage, retry] = useLoad(region, (signal) => fetchShortage(region, 30, signal));
  const [range, setRange] = useState(() => {
    const to = chinaToday();
    return { from: daysBefore(to, 29), to };
  });
  const [funnel, retryFunnel] = useLoad(`${region}:${range.from}:${range.to}`, (signal) => fetchPlacements(region, range.from, range.to, signal));

  // Sub-regions: provinces for a national account, cities or districts below.
  const children = !regions
    ? undefined
    : region === 'national'
      ? regions.provinces
      : (() => {
          const node = regions.byCode(region);
          if (!node) return [];
          const only = node.children.length === 1 ? node.children[0] : undefined;
          return only && only.name === '市辖区' ? only.children : node.children;
        })();
  const childKey = children ? `${region}:${children.length}` : undefined;
  const [areas] = useLoad(childKey, async (signal) =>
    inBatches(children!.slice(0, MAX_AREAS), PARALLEL, async (c): Promise<AreaRow> => {
      const r = await fetchShortage(c.code, 50, signal);
      const top = r.items[0];
      return {
        code: c.code,
        demand: r.items.reduce((s, i) => s + i.demand, 0),
        supply: r.items.reduce((s, i) => s + i.supply, 0),
        topSkill: top ? pick(top.label, lang, top.skillId) : undefined,
        topIndex: top?.index,
      };
    }),
  );

  // The region's campaigns: the first page on arrival, older ones when asked for.
  const [firstCampaigns, retryCampaigns] = useLoad('campaigns', (signal) => listCampaigns(undefined, signal));
  const [older, setOlder] = useState<{ items: CampaignStatus[]; nextToken: string | undefined; busy: boolean; error?: unknown }>();
  useEffect(() => setOlder(undefined), [firstCampaigns]);
  const campaigns: readonly CampaignStatus[] = firstCampaigns.state === 'done' ? [...firstCampaigns.data.items, ...(older?.items ?? [])] : [];
  const moreToken = older ? older.nextToken : firstCampaigns.state === 'done' ? firstCampaigns.data.nextToken : undefined;
  const loadOlder = async () => {
    if (!moreToken) return;
    setOlder((o) => ({ items: o?.items ?? [], nextToken: moreToken, busy: true }));
    try {
      const page = await listCampaigns(moreToken);
      setOlder((o) => ({ items: [...(o?.items ?? []), ...page.items], nextToken: page.nextToken, busy: false }));
    } catch (error) {
      setOlder((o) => ({ items: o?.items ?? [], nextToken: moreToken, busy: false, error }));
    }
  };
  useReady('bureau-dashboard', shortage.state === 'done' || shortage.state === 'error');

  const latest = campaigns.map((c) => ({ name: c.name ?? c.id, rates: c.status === 'completed' ? groupRates(c.summary) : [] })).find((c) => c.rates.length > 0);
  const areaRows = areas.state === 'done' ? areas.data.filter((a) => a.demand > 0 || a.supply > 0) : [];

  return (
    <Page title={t.dashboardTitle} intro={t.dashboardIntro(regionName(own))}>
      <div class="actions" style="margin-bottom:1rem">
        <Link class="button primary" href="/bureau/campaigns/new">
          {t.navNewCampaign}
        </Link>
        <Link class="button" href="/bureau/engagements">
          {t.navRegionEngagements}
        </Link>
      </div>
      {own === 'national' || (children?.length ?? 0) > 0 ? (
        <div class="card">
          <RegionPicker id="dash-region" label={t.dashboardRegion} value={region} onValue={(r) => setRegion(r || own)} pointer="/region" allowNational={own === 'national'} within={own} atLeast="province" />
        </div>
      ) : null}

      <h2>{t.dashboardShortage(regionName(region))}</h2>
      {shortage.state === 'error' ? (
        <LoadError error={shortage.error} retry={retry} />
      ) : shortage.state !== 'done' ? (
        <p class="muted">{t.loading}</p>
      ) : shortage.data.items.length === 0 ? (
        <Notice>{t.insightsNone(regionName(region))}</Notice>
      ) : (
        <ShortageCharts items={shortage.data.items} idPrefix="dash" />
      )}

      {children && children.length > 0 ? (
        <section aria-labelledby="areas-heading">
          <h2 id="areas-heading">{t.dashboardByArea}</h2>
          {areas.state === 'error' ? (
            <LoadError error={areas.error} />
          ) : areas.state !== 'done' ? (
            <p class="muted">{t.loading}</p>
          ) : areaRows.length === 0 ? (
            <Notice>{t.dashboardNoAreaData}</Notice>
          ) : (
            <>
              <BarChart
                id="areas"
                title={t.chartAreaTitle}
                description={t.chartAreaDesc}
                categories={areaRows.map((a) => regions?.byCode(a.code)?.name ?? a.code)}
                series={[
                  { label: t.demandLabel, values: areaRows.map((a) => a.demand), color: '#0b5cad' },
                  { label: t.supplyLabel, values: areaRows.map((a) => a.supply), color: '#2e8b57' },
                ]}
                digits={1}
              />
              <TableWrap label={t.areaTable} card>
                <table>
                  <caption class="visually-hidden">{t.areaTable}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.area}</th>
                      <th scope="col">{t.topShortage}</th>
                      <th scope="col" class="num">
                        {t.shortageIndex}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {areaRows.map((a) => (
                      <tr key={a.code}>
                        <th scope="row">{regions?.byCode(a.code)?.name ?? a.code}</th>
                        <td>{a.topSkill ?? t.none}</td>
                        <td class="num">{a.topIndex !== undefined ? formatNumber(a.topIndex, lang, 2) : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="funnel-heading">
        <h2 id="funnel-heading">{t.funnelTitle(regionName(region))}</h2>
        <p class="muted">{t.funnelIntro}</p>
        <div class="card actions">
          <div class="field">
            <label for="funnel-from">{t.funnelFrom}</label>
            <input id="funnel-from" type="date" value={range.from} max={range.to} onChange={(e) => e.currentTarget.value && setRange((r) => ({ ...r, from: e.currentTarget.value }))} />
          </div>
          <div class="field">
            <label for="funnel-to">{t.funnelTo}</label>
            <input id="funnel-to" type="date" value={range.to} min={range.from} onChange={(e) => e.currentTarget.value && setRange((r) => ({ ...r, to: e.currentTarget.value }))} />
          </div>
        </div>
        {funnel.state === 'error' ? (
          <LoadError error={funnel.error} retry={retryFunnel} />
        ) : funnel.state !== 'done' ? (
          <p class="muted">{t.loading}</p>
        ) : Object.values(funnel.data.total).every((n) => n === 0) ? (
          <Notice>{t.funnelNone}</Notice>
        ) : (
          <FunnelTable id="funnel" funnel={funnel.data} caption={t.funnelCaption(funnel.data.from, funnel.data.to)} />
        )}
      </section>

      <section aria-labelledby="campaigns-heading">
        <h2 id="campaigns-heading">{t.dashboardCampaigns}</h2>
        {latest ? (
          <BarChart
            id="group-rates"
            title={t.chartGroupTitle}
            description={t.chartGroupFrom(latest.name)}
            categories={latest.rates.map((r) => (t.groups as Record<string, string>)[r.group] ?? r.group)}
            series={[{ label: t.matchRate, values: latest.rates.map((r) => Math.round(r.rate * 1000) / 10), color: '#0b5cad' }]}
            digits={1}
          />
        ) : null}
        {firstCampaigns.state === 'error' ? (
          <LoadError error={firstCampaigns.error} retry={retryCampaigns} />
        ) : firstCampaigns.state !== 'done' ? (
          <p class="muted">{t.loading}</p>
        ) : campaigns.length === 0 ? (
          <p class="muted">{t.dashboardNoCampaigns}</p>
        ) : (
          <>
            <ul class="results" aria-labelledby="campaigns-heading">
              {campaigns.map((c) => (
                <li key={c.id} class="result">
                  <Link href={`/bureau/campaigns/${encodeURIComponent(c.id)}`}>{c.name ?? c.id}</Link>
                  <span class="muted">
                    {t.dot}
                    {t.campaignStatus[c.status]}
                    {t.dot}
                    {t.campaignDone(c.progress.done, c.progress.total)}
                    {c.region ? `${t.dot}${regionName(c.region)}` : null}
                    {c.createdAt ? `${t.dot}${t.campaignCreatedAt(formatDateTime(c.createdAt, lang))}` : null}
                  </span>
                </li>
              ))}
            </ul>
            {older?.error ? <LoadError error={older.error} retry={() => void loadOlder()} /> : null}
            {moreToken ? (
              <button type="button" onClick={() => void loadOlder()} disabled={older?.busy === true}>
                {older?.busy ? t.loading : t.olderCampaigns}
              </button>
            ) : null}
          </>
        )}
      </section>
    </Page>
  );
}
