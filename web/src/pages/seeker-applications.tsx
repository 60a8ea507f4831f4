import { useState } from 'preact/hooks';
import { answerInvitation, listApplications, listInvitations, setApplicationStatus, type Engagement } from '../api/action.js';
import { EngagementState } from '../components/engagement-status.js';
import { Notice } from '../components/form.js';
import { LoadError, ProblemDetail } from '../components/load-error.js';
import { Page, useReady } from '../components/page.js';
import { useRegionName } from '../components/region-picker.js';
import { useI18n } from '../i18n/index.js';
import { problemTitle } from '../lib/errors.js';
import { Link } from '../lib/router.js';
import { useFocusWhen } from '../lib/use-focus.js';
import { useLoad } from '../lib/use-load.js';

type Action = 'withdraw' | 'accept' | 'decline';

/** One application or invitation with what the seeker may do to it next. */
function EngagementCard({ item, onChanged }: { item: Engagement; onChanged: (next: Engagement) => void }) {
  const { t } = useI18n();
  const regionName = useRegionName();
  const [busy, setBusy] = useState<Action>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<Action>();
  const doneId = `done-${item.id}`;
  useFocusWhen(doneId, done !== undefined);

  const act = async (action: Action) => {
    setBusy(action);
    setError(undefined);
    try {
      const next = action === 'withdraw' ? await setApplicationStatus(item.id, 'withdrawn') : await answerInvitation(item.id, action);
      setDone(action);
      onChanged(next);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  const open = item.status === 'sent' || item.status === 'viewed';
  const canWithdraw = item.kind === 'application' && (open || item.status === 'accepted');
  const canAnswer = item.kind === 'invitation' && open;
  return (
    <li class="result" data-engagement={item.id}>
      <h3>{item.title}</h3>
      <p class="meta">{[item.employer, regionName(item.region)].filter(Boolean).join(t.dot)}</p>
      <EngagementState engagement={item} noteLabel={item.kind === 'application' ? t.myNote : t.employerNote} />
      {done ? (
        <div id={doneId} tabIndex={-1}>
          {done === 'accept' ? <Notice kind="ok">{t.acceptedNotice}</Notice> : done === 'decline' ? <Notice>{t.declinedNotice}</Notice> : <Notice>{t.withdrawnNotice}</Notice>}
        </div>
      ) : null}
      {error ? (
        <Notice kind="error">
          {problemTitle(t, error)}
          <ProblemDetail error={error} />
        </Notice>
      ) : null}
      {canAnswer || canWithdraw ? (
        <div class="actions">
          {canAnswer ? (
            <>
              <button type="button" class="primary" disabled={busy !== undefined} aria-label={t.acceptInvitationFor(item.title)} onClick={() => void act('accept')}>
                {busy === 'accept' ? t.sending : t.acceptInvitation}
              </button>
              <button type="button" disabled={busy !== undefined} aria-label={t.declineInvitationFor(item.title)} onClick={() => void act('decline')}>
                {busy === 'decline' ? t.sending : t.declineInvitation}
              </button>
            </>
          ) : null}
          {canWithdraw ? (
            <button type="button" disabled={busy !== undefined} aria-label={t.withdrawApplicationFor(item.title)} onClick={() => void act('withdraw')}>
              {busy === 'withdraw' ? t.sending : t.withdrawApplication}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function EngagementList({ items, empty, onChanged }: { items: readonly Engagement[]; empty: preact.ComponentChildren; onChanged: (next: Engagement) => void }) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="results two">
      {items.map((item) => (
        <EngagementCard key={item.id} item={item} onChanged={onChanged} />
      ))}
    </ul>
  );
}

/**
 * 我的申请: the seeker's applications (GET /applications) and the invitations they received
 * (GET /invitations), with status and times; accept or decline an invitation, withdraw an application.
 */
export function SeekerApplicationsPage() {
  const { t } = useI18n();
  const [load, retry] = useLoad('mine', async (signal) => {
    const [applications, invitations] = await Promise.all([listApplications(signal), listInvitations(signal)]);
    return { applications, invitations };
  });
  const [changed, setChanged] = useState<ReadonlyMap<string, Engagement>>(new Map());
  useReady('seeker-applications', load.state === 'done' || load.state === 'error');
  const onChanged = (next: Engagement) => setChanged((m) => new Map([...m, [next.id, next]]));
  const current = (list: readonly Engagement[]) => list.map((e) => changed.get(e.id) ?? e);

  return (
    <Page title={t.applicationsTitle} intro={t.applicationsIntro}>
      {load.state === 'error' ? (
        <LoadError error={load.error} retry={retry} detail />
      ) : load.state !== 'done' ? (
        <p class="muted">{t.loading}</p>
      ) : (
        <>
          <section aria-labelledby="invitations-heading">
            <h2 id="invitations-heading">{t.invitationsReceived(load.data.invitations.length)}</h2>
            <EngagementList items={current(load.data.invitations)} empty={t.noInvitations} onChanged={onChanged} />
          </section>
          <section aria-labelledby="applications-heading">
            <h2 id="applications-heading">{t.applicationsSent(load.data.applications.length)}</h2>
            <EngagementList
              items={current(load.data.applications)}
              empty={
                <>
                  {t.noApplications} <Link href="/seeker/search">{t.navSearch}</Link>
                </>
              }
              onChanged={onChanged}
            />
          </section>
        </>
      )}
    </Page>
  );
}
