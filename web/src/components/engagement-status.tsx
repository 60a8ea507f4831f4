import { Fragment } from 'preact';
import { ENGAGEMENT_STATUSES, type Engagement } from '../api/action.js';
import { formatDateTime, useI18n } from '../i18n/index.js';

/** An application's or invitation's status as a badge a colour-blind reader can tell apart by its words. */
export function StatusBadge({ engagement }: { engagement: Pick<Engagement, 'status'> }) {
  const { t } = useI18n();
  return <span class={`badge status-${engagement.status}`}>{t.engagementStatus[engagement.status]}</span>;
}

/** When each status was reached, oldest first. */
export function StatusTimeline({ engagement }: { engagement: Pick<Engagement, 'timestamps'> }) {
  const { t, lang } = useI18n();
  const steps = ENGAGEMENT_STATUSES.filter((s) => engagement.timestamps[s]).sort((a, b) => engagement.timestamps[a]!.localeCompare(engagement.timestamps[b]!));
  if (steps.length === 0) return null;
  return (
    <dl class="facts timeline">
      {steps.map((s) => (
        <Fragment key={s}>
          <dt>{t.engagementStatus[s]}</dt>
          <dd>
            <time dateTime={engagement.timestamps[s]}>{formatDateTime(engagement.timestamps[s]!, lang)}</time>
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * An application's or invitation's status, the time of each step and its note, under the label
 * the reader knows it by (the seeker's "my note", the employer's "applicant's note").
 */
export function EngagementState({ engagement, noteLabel }: { engagement: Pick<Engagement, 'status' | 'timestamps' | 'note'>; noteLabel: string }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        {t.statusLabel}
        {t.colon}
        <StatusBadge engagement={engagement} />
      </p>
      <StatusTimeline engagement={engagement} />
      {engagement.note ? (
        <p>
          <strong>{noteLabel}</strong>
          {t.colon}
          {engagement.note}
        </p>
      ) : null}
    </>
  );
}

/** The seeker's contact details, exactly as the API gave them (only after applying or accepting). */
export function ContactDetails({ engagement }: { engagement: Pick<Engagement, 'contact'> }) {
  const { t } = useI18n();
  const c = engagement.contact;
  if (!c || (!c.phone && !c.email)) return null;
  return (
    <dl class="facts contact">
      {c.phone ? (
        <>
          <dt>{t.contactPhone}</dt>
          <dd>
            <a href={`tel:${c.phone.replace(/[\s-]/g, '')}`}>{c.phone}</a>
          </dd>
        </>
      ) : null}
      {c.email ? (
        <>
          <dt>{t.contactEmail}</dt>
          <dd>
            <a href={`mailto:${c.email}`}>{c.email}</a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
