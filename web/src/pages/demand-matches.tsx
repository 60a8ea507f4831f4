import { useState } from 'preact/hooks';
import { get, qs, seg } from '../api/client.js';
import { invite, listApplications, listInvitations, setApplicationStatus, setInvitationStatus, type Engagement } from '../api/action.js';
import { ApiError } from '../api/problem.js';
import { readLearnerSide, type Ranked, type RankedItem } from '../api/ranked.js';
import type { Demand } from '../api/records.js';
import { ContactDetails, EngagementState, StatusBadge } from '../components/engagement-status.js';
import { Notice, SendOrCancel, TextArea } from '../components/form.js';
import { LoadError, ProblemDetail } from '../components/load-error.js';
import { MatchExplanation } from '../components/match-explain.js';
import { Page, useReady } from '../components/page.js';
import { useRegionName } from '../components/region-picker.js';
import { useI18n } from '../i18n/index.js';
import { problemTitle } from '../lib/errors.js';
import { Link } from '../lib/router.js';
import { useFocusWhen } from '../lib/use-focus.js';
import { useLoad } from '../lib/use-load.js';

type EmployerMove = 'viewed' | 'accepted' | 'declined' | 'hired' | 'withdrawn';

/** An error of an action, in words: a 429 on inviting is the daily limit, said as such. */
function ActionError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Notice kind="error">
      {error instanceof ApiError && error.status === 429 ? t.inviteLimit : problemTitle(t, error)}
      <ProblemDetail error={error} />
    </Notice>
  );
}

/** The moves an employer may make on an application or invitation in its current status. */
function movesOf(e: Engagement): EmployerMove[] {
  if (e.kind === 'application') {
    if (e.status === 'sent') return ['viewed', 'accepted', 'declined'];
    if (e.status === 'viewed') return ['accepted', 'declined'];
    if (e.status === 'accepted') return ['hired'];
    return [];
  }
  if (e.status === 'sent' || e.status === 'viewed') return ['withdrawn'];
  if (e.status === 'accepted') return ['hired'];
  return [];
}

/** One application or invitation of this demand: who, status with times, contact once the API gives it, next moves. */
function EngagementRow({ item, onChanged }: { item: Engagement; onChanged: (next: Engagement) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<EmployerMove>();
  const [error, setError] = useState<unknown>();
  const move = async (to: EmployerMove) => {
    setBusy(to);
    setError(undefined);
    try {
      onChanged(item.kind === 'application' ? await setApplicationStatus(item.id, to) : await setInvitationStatus(item.id, to as 'withdrawn' | 'hired'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const moves = movesOf(item);
  return (
    <li class="result" data-engagement={item.id} data-learner={item.learnerId}>
      <h3>{t.candidateRef(item.learnerId)}</h3>
      <EngagementState engagement={item} noteLabel={item.kind === 'application' ? t.applicantNote : t.yourNote} />
      {item.contact ? (
        <div class="contact-box">
          <strong>{t.contactShared}</strong>
          <ContactDetails engagement={item} />
        </div>
      ) : (
        <p class="muted">{item.kind === 'invitation' ? t.contactAfterAccept : t.contactNone}</p>
      )}
      <ActionError error={error} />
      {moves.length ? (
        <div class="actions">
          {moves.map((to) => (
            <button key={to} type="button" class={to === 'accepted' || to === 'hired' ? 'primary' : undefined} disabled={busy !== undefined} onClick={() => void move(to)}>
              {busy === to ? t.sending : t.employerMove[to]}
            </button>
          ))}
        </div>
      ) : null}
    </li>
  );
}

/** A match with its invite button, or the invitation already sent to them. */
function MatchRow({ item, n, demandId, invitation, onInvited }: { item: RankedItem; n: number; demandId: string; invitation: Engagement | undefined; onInvited: (e: Engagement) => void }) {
  const { t } = useI18n();
  const regionName = useRegionName();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const l = readLearnerSide(item);
  const noteId = `invite-note-${item.id}`;
  useFocusWhen(noteId, open);
  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onInvited(await invite(demandId, item.id, note));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="result" data-learner={item.id}>
      <h3>{t.candidateN(n)}</h3>
      <p class="muted">{t.candidateId(item.id)}</p>
      <p class="meta">
        {[l.region ? regionName(l.region) : undefined, l.group ? (t.groups as Record<string, string>)[l.group] : undefined, l.yearsExperience !== undefined ? t.yearsN(l.yearsExperience) : undefined]
          .filter(Boolean)
          .join(t.dot)}
      </p>
      <MatchExplanation item={item} />
      <ActionError error={error} />
      {invitation ? (
        <p class="status-line">
          {t.invitedAlready}
          {t.colon}
          <StatusBadge engagement={invitation} />
        </p>
      ) : open ? (
        <form onSubmit={send} noValidate aria-label={t.inviteCandidate(n)}>
          <TextArea id={noteId} label={t.inviteNote} hint={t.inviteNoteHint} optional rows={3} maxLength={1000} value={note} onValue={setNote} pointer="/note" errors={error instanceof ApiError ? error.fieldErrors : undefined} />
          <SendOrCancel busy={busy} send={t.sendInvitation} busyLabel={t.sending} onCancel={() => setOpen(false)} cancelLabel={t.cancel} />
        </form>
      ) : (
        <div class="actions">
          <button type="button" class="primary" aria-label={t.inviteCandidate(n)} onClick={() => setOpen(true)}>
            {t.invite}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * 候选人 for one demand: the applications to it (mark viewed, accept, decline, hired), the
 * invitations sent (withdraw, hired), and the consenting job seekers who match it
 * (GET /demands/{id}/matches) with an invite button. Contact details appear only where the API
 * returns them: on an application, or on an invitation the seeker accepted.
 */
export function DemandMatchesPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [demand] = useLoad(id, (signal) => get<Demand>(`/demands/${seg(id)}`, { signal }).then((r) => r.data));
  const [engagements, retryEngagements] = useLoad(`engagements:${id}`, async (signal) => {
    const [applications, invitations] = await Promise.all([listApplications(signal, id), listInvitations(signal, id)]);
    return { applications, invitations };
  });
  const [matches, retry] = useLoad(`${id}:${lang}`, (signal) => get<Ranked>(`/demands/${seg(id)}/matches${qs({ limit: 20 })}`, { signal }).then((r) => r.data));
  const [changed, setChanged] = useState<ReadonlyMap<string, Engagement>>(new Map());
  const [added, setAdded] = useState<readonly Engagement[]>([]);
  useReady('demand-matches', (matches.state === 'done' || matches.state === 'error') && (engagements.state === 'done' || engagements.state === 'error'));

  const onChanged = (next: Engagement) => setChanged((m) => new Map([...m, [next.id, next]]));
  const current = (list: readonly Engagement[]) => list.map((e) => changed.get(e.id) ?? e);
  const applications = engagements.state === 'done' ? current(engagements.data.applications) : [];
  const invitations = engagements.state === 'done' ? current([...added.filter((a) => !engagements.data.invitations.some((i) => i.id === a.id)), ...engagements.data.invitations]) : [];
  const invitationOf = (learnerId: string) => invitations.find((i) => i.learnerId === learnerId);

  const title = demand.state === 'done' ? t.candidatesFor(demand.data.title) : t.candidatesTitle;
  return (
    <Page title={title}>
      <p>
        <Link href="/employer/demands">{t.backToDemands}</Link>
      </p>
      {demand.state === 'error' ? <LoadError error={demand.error} /> : null}
      <Notice>{t.matchesPrivacy}</Notice>

      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t.applicationsReceived(applications.length)}</h2>
        {engagements.state === 'error' ? (
          <LoadError error={engagements.error} retry={retryEngagements} detail />
        ) : engagements.state !== 'done' ? (
          <p class="muted">{t.loading}</p>
        ) : applications.length === 0 ? (
          <p class="muted">{t.noApplicationsYet}</p>
        ) : (
          <ul class="results two" id="applications">
            {applications.map((a) => (
              <EngagementRow key={a.id} item={a} onChanged={onChanged} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t.invitationsSent(invitations.length)}</h2>
        {engagements.state !== 'done' ? null : invitations.length === 0 ? (
          <p class="muted">{t.noInvitationsYet}</p>
        ) : (
          <ul class="results two" id="invitations">
            {invitations.map((i) => (
              <EngagementRow key={i.id} item={i} onChanged={onChanged} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">{t.matchesTitle}</h2>
        {matches.state === 'error' ? (
          <LoadError error={matches.error} retry={retry} detail />
        ) : matches.state !== 'done' ? (
          <p class="muted">{t.loading}</p>
        ) : matches.data.items.length === 0 ? (
          <Notice>{t.matchesNone}</Notice>
        ) : (
          <ol class="results two">
            {matches.data.items.map((item, i) => (
              <MatchRow key={item.id} item={item} n={i + 1} demandId={id} invitation={invitationOf(item.id)} onInvited={(e) => setAdded((list) => [e, ...list.filter((x) => x.id !== e.id)])} />
            ))}
          </ol>
        )}
      </section>
    </Page>
  );
}
