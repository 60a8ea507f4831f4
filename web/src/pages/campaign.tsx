import { useEffect, useState } from 'preact/hooks';
import { campaignCsv, campaignResults, campaignStatus, groupRates, TERMINAL, type CampaignResults, type CampaignStatus } from '../api/campaigns.js';
import { readDemandSide } from '../api/ranked.js';
import { BarChart } from '../components/bar-chart.js';
import { FunnelTable } from '../components/funnel-table.js';
import { Notice, TableWrap } from '../components/form.js';
import { LoadError } from '../components/load-error.js';
import { Page, useReady } from '../components/page.js';
import { useRegionName } from '../components/region-picker.js';
import { formatNumber, formatPercent, useI18n } from '../i18n/index.js';
import { problemTitle } from '../lib/errors.js';
import { Link } from '../lib/router.js';

const POLL_MS = 1500;
const PAGE = 25;

/**
 * One campaign: a progress bar while it runs (GET /campaigns/{id}, polled), then its results page
 * by page, the match rate per target group, what the matched people did next (the placements
 * funnel of GET /campaigns/{id}), and the CSV download (the link needs the bearer token,
 * so the file is fetched and handed to the browser as a download).
 */
export function CampaignPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const regionName = useRegionName();
  const [status, setStatus] = useState<CampaignStatus>();
  const [statusError, setStatusError] = useState<unknown>();
  const [results, setResults] = useState<CampaignResults>();
  const [resultsError, setResultsError] = useState<unknown>();
  const [page, setPage] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string>();
  const [round, setRound] = useState(0);

  useEffect(() => {
    let timer: number | undefined;
    const ctrl = new AbortController();
    const tick = async () => {
      try {
        const s = await campaignStatus(id, ctrl.signal);
        setStatus(s);
        setStatusError(undefined);
        if (!TERMINAL.has(s.status)) timer = window.setTimeout(tick, POLL_MS);
      } catch (err) {
        if ((err as Error).name === 'AbortError') return;
        setStatusError(err);
      }
    };
    void tick();
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [id, round]);

  const done = status?.status === 'completed';
  useEffect(() => {
    if (!done) return;
    const ctrl = new AbortController();
    campaignResults(id, ctrl.signal)
      .then(setResults)
      .catch((err: unknown) => (err as Error).name !== 'AbortError' && setResultsError(err));
    return () => ctrl.abort();
  }, [id, done]);
  useReady('campaign', !!status && (!done || !!results || !!resultsError));

  const download = async () => {
    setDownloading(true);
    setDownloadError(undefined);
    try {
      const csv = await campaignCsv(id);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `campaign-${id}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 5000);
    } catch (err) {
      setDownloadError(problemTitle(t, err));
    } finally {
      setDownloading(false);
    }
  };

  const title = status?.name ? t.campaignTitleNamed(status.name) : t.campaignTitle;
  const p = status?.progress ?? { done: 0, total: 0, failed: 0 };
  const rates = groupRates(results?.summary);
  const items = results?.items ?? [];
  const pages = Math.max(1, Math.ceil(items.length / PAGE));
  const shown = items.slice(page * PAGE, page * PAGE + PAGE);

  return (
    <Page title={title}>
      <p>
        <Link href="/bureau/dashboard">{t.backToDashboard}</Link>
      </p>
      {statusError ? <LoadError error={statusError} retry={() => setRound((n) => n + 1)} /> : null}
      {status ? (
        <section class="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading" style="margin-top:0">
            {t.campaignProgress}
          </h2>
          <p class="status-line" role="status" aria-live="polite">
            {t.campaignStatus[status.status]}
            {p.total > 0 ? `${t.dot}${t.campaignDone(p.done, p.total)}` : ''}
            {p.failed > 0 ? `${t.dot}${t.campaignFailedN(p.failed)}` : ''}
          </p>
          <label class="visually-hidden" for="campaign-progress">
            {t.campaignProgress}
          </label>
          <progress id="campaign-progress" class="progress" max={Math.max(1, p.total)} value={status.status === 'completed' && p.total === 0 ? 1 : p.done} />
          {status.region ? <p class="muted">{t.campaignRegionIs(regionName(status.region))}</p> : null}
        </section>
      ) : !statusError ? (
        <p class="muted">{t.loading}</p>
      ) : null}

      {status && TERMINAL.has(status.status) && status.status !== 'completed' ? <Notice kind="error">{t.campaignEndedBadly}</Notice> : null}

      {done ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t.campaignResults}</h2>
          <div class="actions" style="margin-bottom:1rem">
            <button type="button" class="primary" onClick={() => void download()} disabled={downloading}>
              {downloading ? t.downloading : t.downloadCsv}
            </button>
          </div>
          {downloadError ? <Notice kind="error">{downloadError}</Notice> : null}
          {resultsError ? <LoadError error={resultsError} /> : null}
          {results ? (
            <>
              {rates.length > 0 ? (
                <BarChart
                  id="group-rates"
                  title={t.chartGroupTitle}
                  description={t.chartGroupDesc}
                  categories={rates.map((r) => (t.groups as Record<string, string>)[r.group] ?? r.group)}
                  series={[{ label: t.matchRate, values: rates.map((r) => Math.round(r.rate * 1000) / 10), color: '#0b5cad' }]}
                  digits={1}
                />
              ) : null}
              {status?.placements ? (
                <section aria-labelledby="campaign-funnel-heading">
                  <h3 id="campaign-funnel-heading">{t.funnelCampaignTitle}</h3>
                  <p class="muted">{t.funnelCampaignIntro}</p>
                  <FunnelTable id="campaign-funnel" funnel={status.placements} caption={t.funnelCampaignCaption} />
                </section>
              ) : null}
              {items.length === 0 ? (
                <Notice>{t.campaignNoResults}</Notice>
              ) : (
                <>
                  <TableWrap label={t.campaignResultsCaption(items.length)}>
                    <table>
                      <caption>{t.campaignResultsCaption(items.length)}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t.learnerRef}</th>
                          <th scope="col" class="num">
                            {t.matchesCount}
                          </th>
                          <th scope="col">{t.bestMatch}</th>
                          <th scope="col" class="num">
                            {t.coursesCount}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {shown.map((item) => {
                          const best = item.matches?.[0];
                          const d = best ? readDemandSide(best) : undefined;
                          return (
                            <tr key={item.learner.id}>
                              <td>{item.learner.ref}</td>
                              <td class="num">{formatNumber(item.matches?.length ?? 0, lang)}</td>
                              <td>{best ? `${d?.title ?? best.ref} (${formatPercent(best.score, lang)})` : t.none}</td>
                              <td class="num">{formatNumber(item.recommendations?.length ?? 0, lang)}</td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </TableWrap>
                  {pages > 1 ? (
                    <nav class="actions" aria-label={t.pagination}>
                      <button type="button" onClick={() => setPage((n) => Math.max(0, n - 1))} disabled={page === 0}>
                        {t.prevPage}
                      </button>
                      <span>{t.pageOf(page + 1, pages)}</span>
                      <button type="button" onClick={() => setPage((n) => Math.min(pages - 1, n + 1))} disabled={page >= pages - 1}>
                        {t.nextPage}
                      </button>
                    </nav>
                  ) : null}
                </>
              )}
            </>
          ) : !resultsError ? (
            <p class="muted">{t.loading}</p>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
