/** What happened, for the inbox and for the senders behind the {@link Notifier}. */
export const INBOX_EVENT_TYPES = [
  'invited',
  'invitation_accepted',
  'invitation_declined',
  'application_received',
  'application_viewed',
  'application_accepted',
  'application_declined',
  'application_withdrawn',
  'hired',
  'new_matching_job',
  'campaign_finished',
] as const;
export type InboxEventType = (typeof INBOX_EVENT_TYPES)[number];

export interface InboxEvent {
  /** Sorts by time: a newer event has a greater id. */
  readonly id: string;
  readonly type: InboxEventType;
  readonly at: string;
  readonly read: boolean;
  /** One line for people, in Chinese. */
  readonly message: string;
  readonly demandId?: string;
  readonly engagementId?: string;
  readonly title?: string;
}

export interface InboxPage {
  readonly items: InboxEvent[];
  readonly unread: number;
  readonly nextToken?: string;
}

/** Each user's events with an unread count. */
export interface InboxStore {
  /** Adds the event unless one with its id is there already (a retried trigger adds nothing). */
  add(sub: string, event: InboxEvent): Promise<boolean>;
  /** Newest first. */
  list(sub: string, page: { limit: number; nextToken?: string | undefined }): Promise<InboxPage>;
  /** @returns false when there is no such event; marking a read event again changes nothing */
  markRead(sub: string, eventId: string): Promise<boolean>;
  /** Deletes a user's events about these engagements (an erased learner's), lowering the unread count for unread ones. @returns how many */
  removeAbout(sub: string, engagementIds: ReadonlySet<string>): Promise<number>;
}

/** Sends an event beyond the page (SMS, WeChat, e-mail); locally a logging adapter. */
export interface Notifier {
  notify(sub: string, event: InboxEvent): Promise<void>;
}
