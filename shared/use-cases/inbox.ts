import { createHash } from 'node:crypto';
import { NotFoundError } from '../domain/errors.js';
import type { Caller } from '../domain/caller.js';
import type { Clock } from '../ports/clock.js';
import type { InboxEvent, InboxEventType, InboxPage, InboxStore, Notifier } from '../ports/inbox.js';

export interface InboxDeps {
  readonly inbox: InboxStore;
  readonly notifier: Notifier;
  readonly clock: Clock;
}

/** What an event is about. */
export interface EventSubject {
  readonly demandId?: string;
  readonly engagementId?: string;
  readonly title?: string;
}

const MESSAGES: Record<InboxEventType, (title: string) => string> = {
  invited: (t) => `招聘方邀请您应聘「${t}」。`,
  invitation_accepted: (t) => `求职者接受了您对「${t}」的邀请，现在可以看到其联系方式。`,
  invitation_declined: (t) => `求职者谢绝了您对「${t}」的邀请。`,
  application_received: (t) => `「${t}」收到一份新的申请。`,
  application_viewed: (t) => `招聘方查看了您对「${t}」的申请。`,
  application_accepted: (t) => `招聘方接受了您对「${t}」的申请。`,
  application_declined: (t) => `招聘方未通过您对「${t}」的申请。`,
  application_withdrawn: (t) => `求职者撤回了对「${t}」的申请。`,
  hired: (t) => `「${t}」已登记录用。`,
  new_matching_job: (t) => `您所在地区有一个与您技能相符的新岗位：「${t}」。`,
  campaign_finished: (t) => `就业服务活动「${t}」已完成。`,
};

/**
 * Puts an event in a user's inbox and hands it to the notifier. The id starts with the time (so
 * the inbox sorts by it) and ends with a digest of what triggered it; a notifier failure never
 * fails the action that caused the event.
 */
export function makeNotify({ inbox, notifier, clock }: InboxDeps) {
  return async (sub: string, type: InboxEventType, about: EventSubject, trigger: string): Promise<void> => {
    const now = clock.now();
    const digest = createHash('sha256').update(`${sub}\u0000${type}\u0000${trigger}`).digest('hex').slice(0, 10);
    const event: InboxEvent = {
      id: `e_${now.getTime().toString(36).padStart(9, '0')}_${digest}`,
      type,
      at: now.toISOString(),
      read: false,
      message: MESSAGES[type](about.title ?? ''),
      ...about,
    };
    if (await inbox.add(sub, event)) await notifier.notify(sub, event).catch(() => undefined);
  };
}

/** The caller's events, newest first, with the unread count. */
export const makeListInbox =
  ({ inbox }: Pick<InboxDeps, 'inbox'>) =>
  (caller: Caller, page: { limit: number; nextToken?: string | undefined }): Promise<InboxPage> =>
    inbox.list(caller.sub, page);

/** Marks one of the caller's events read (again: no change); 404 for any other id. */
export const makeMarkRead =
  ({ inbox }: Pick<InboxDeps, 'inbox'>) =>
  async (caller: Caller, eventId: string): Promise<void> => {
    if (!/^e_[0-9a-z]{9,}_[0-9a-f]{10}$/.test(eventId) || !(await inbox.markRead(caller.sub, eventId))) throw new NotFoundError(`No event ${eventId}.`);
  };
