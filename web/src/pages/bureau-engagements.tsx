import { useEffect, useState } from 'preact/hooks';
import { ENGAGEMENT_STATUSES, listRegionEngagements, type Engagement, type EngagementStatus } from '../api/action.js';
import { StatusBadge, StatusTimeline } from '../components/engagement-status.js';
import { Notice, SelectField } from '../components/form.js';
import { LoadError, LoadMore } from '../components/load-error.js';
import { Page, useReady } from '../components/page.js';
import { RegionPicker, useRegionName, useRegions } from '../components/region-picker.js';
import { useSession } from '../auth/context.js';
import { useI18n } from '../i18n/index.js';
import { Link } from '../lib/router.js';

type Kind = 'application' | 'invitation';

/** Items a page shows at a time. */
export const PAGE_SIZE = 10;
/** Server pages read at most for one screenful under a status filter, so a rare status never reads a region's whole list in one click. */
const READS_PER_SCREEN = 10;

type Listing =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'done'; items: Engagement[]; nextToken: string | undefined; more: 'idle' | 'loading' | { error: unknown } };

/**
 * Reads server pages from `nextToken` until `want` items of the status asked for have come (or the
 * list ends, or {@link READS_PER_SCREEN} reads were made): with a status filter a page is still
 * full, and the next click carries on exactly where this one stopped, so nothing is skipped.
 */
async function screenful(kind: Kind, region: string | undefined, status: EngagementStatus | '', nextToken: string | undefined, signal?: AbortSignal) {
  const items: Engagement[] = [];
  let token = nextToken;
  for (let reads = 0; reads < READS_PER_SCREEN; reads++) {
    const page = await listRegionEngagements(kind, region, token, status ? 100 : PAGE_SIZE, signal);
    items.push(...page.items.filter((e) => !status || e.status === status));
    token = page.nextToken;
    if (!token || items.length >= PAGE_SIZE) break;
  }
  return { items, nextToken: token };
}

/** One application or invitation as bureau staff see it: the job, where, its status and when each step happened; never the person's contact details or note. */
function EngagementRow({ item }: { item: Engagement }) {
  const { t } = useI18n();
  const regionName = useRegionName();
  return (
    <li class="result" data-engagement={item.id}>
      <h3>{item.title}</h3>
      <p class="meta">{[item.employer, regionName(item.region)].filter(Boolean).join(t.dot)}</p>
      <p>
        {t.statusLabel}
        {t.colon}
        <StatusBadge engagement={item} />
      </p>
      <StatusTimeline engagement={item} />
    </li>
  );
}

/**
 * 申请与邀请 (bureau): the applications or invitations of the bureau's region (GET /applications,
 * GET /invitations with `region`), each with its status and the time of every step, filtered by
 * status, ten at a time with 加载更多. The API gives bureau staff no contact details; the page
 * leaves out the seeker's note as well.
 */
export function BureauEngagementsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const regions = useRegions();
  const regionName = useRegionName();
  const own = session!.region ?? 'national';
  const [region, setRegion] = useState(own);
  const [kind, setKind] = useState<Kind>('application');
  const [status, setStatus] = useState<EngagementStatus | ''>('');
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setListing({ state: 'loading' });
    screenful(kind, region, status, undefined, ctrl.signal)
      .then((page) => !ctrl.signal.aborted && setListing({ state: 'done', ...page, more: 'idle' }))
      .catch((error: unknown) => !ctrl.signal.aborted && setListing({ state: 'error', error }));
    return () => ctrl.abort();
  }, [kind, region, status, round]);

  const more = async () => {
    if (listing.state !== 'done' || !listing.nextToken) return;
    const from = listing.nextToken;
    setListing({ ...listing, more: 'loading' });
    try {
      const page = await screenful(kind, region, status, from);
      setListing((l) => (l.state === 'done' ? { state: 'done', items: [...l.items, ...page.items], nextToken: page.nextToken, more: 'idle' } : l));
    } catch (error) {
      setListing((l) => (l.state === 'done' ? { ...l, more: { error } } : l));
    }
  };
  useReady('bureau-engagements', listing.state !== 'loading');

  const hasChildren = own === 'national' || (regions?.byCode(own)?.children.length ?? 0) > 0;
  const kinds: ReadonlyArray<{ value: Kind; label: string }> = [
    { value: 'application', label: t.regionApplications },
    { value: 'invitation', label: t.regionInvitations },
  ];
  const statuses: ReadonlyArray<{ value: EngagementStatus | 'all'; label: string }> = [{ value: 'all', label: t.regionAllStatuses }, ...ENGAGEMENT_STATUSES.map((s) => ({ value: s, label: t.engagementStatus[s] }))];

  return (
    <Page title={t.regionEngagementsTitle} intro={t.regionEngagementsIntro(regionName(own))}>
      <p>
        <Link href="/bureau/dashboard">{t.backToDashboard}</Link>
      </p>
      <form class="card filters" aria-label={t.searchFilters} onSubmit={(e) => e.preventDefault()}>
        <SelectField id="engagement-kind" label={t.regionEngagementKind} value={kind} onValue={setKind} options={kinds} />
        <SelectField id="engagement-status" label={t.statusLabel} value={status || 'all'} onValue={(v) => setStatus(v === 'all' ? '' : v)} options={statuses} />
        {hasChildren ? (
          <RegionPicker id="engagement-region" label={t.dashboardRegion} value={region} onValue={(r) => setRegion(r || own)} pointer="/region" allowNational={own === 'national'} within={own} atLeast="province" />
        ) : null}
      </form>

      <section aria-labelledby="engagements-heading">
        <h2 id="engagements-heading">{kind === 'application' ? t.regionApplications : t.regionInvitations}</h2>
        {listing.state === 'error' ? (
          <LoadError error={listing.error} retry={() => setRound((n) => n + 1)} detail />
        ) : listing.state === 'loading' ? (
          <p class="muted">{t.loading}</p>
        ) : listing.items.length === 0 && !listing.nextToken ? (
          <Notice>{t.regionEngagementsNone}</Notice>
        ) : (
          <>
            <p class="muted" role="status">
              {t.regionEngagementsShown(listing.items.length, listing.nextToken !== undefined)}
            </p>
            <ul class="results two" id="region-engagements">
              {listing.items.map((item) => (
                <EngagementRow key={item.id} item={item} />
              ))}
            </ul>
            <LoadMore more={listing.more} hasMore={!!listing.nextToken} onMore={() => void more()} />
          </>
        )}
      </section>
    </Page>
  );
}
