import { get, patch, post, qs, request, seg, type ApiAnswer } from './client.js';
import { ApiError } from './problem.js';
import type { Learner, Page } from './records.js';

/**
 * The action loop's routes (docs/action-loop.md, docs/jobs.md): my own profile, job search,
 * applications, invitations and the inbox. Shapes hold only the fields the pages show.
 */

export interface Contact {
  readonly phone?: string;
  readonly email?: string;
}

/** Who decided `consentToShare`, when, and under which privacy notice. */
export interface ConsentRecord {
  readonly given: boolean;
  readonly by: 'self' | 'bureau';
  readonly subject: string;
  readonly at: string;
  readonly noticeVersion: string;
}

/** The caller's own learner profile (GET /me/profile). */
export interface MyProfile extends Learner {
  readonly contact?: Contact;
  readonly consent?: ConsentRecord;
}

/** The caller's profile with its ETag, or undefined when the account has none yet (404). */
export async function getMyProfile(signal?: AbortSignal): Promise<ApiAnswer<MyProfile> | undefined> {
  try {
    return await get<MyProfile>('/me/profile', signal ? { signal } : {});
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && !err.problem?.detail?.startsWith('No route')) return undefined;
    throw err;
  }
}

/** A merge patch of the caller's profile (a whole profile the first time: 201). */
export const patchMyProfile = (body: Record<string, unknown>, etag: string | undefined) => patch<MyProfile>('/me/profile', body, etag ? { headers: { 'if-match': etag } } : {});

export interface JobSkill {
  readonly text: string;
  readonly skillId: string | null;
  readonly level: number | null;
  readonly role: 'required' | 'preferred';
}

export interface JobMatch {
  readonly score: number;
  readonly requiredMet: number;
  readonly requiredTotal: number;
  readonly explanation: {
    readonly summary: string;
    readonly matched: ReadonlyArray<{ readonly skillId: string; readonly label: { readonly zh: string; readonly en: string }; readonly role: string; readonly credit: number }>;
    readonly partial: ReadonlyArray<{ readonly skillId: string; readonly label: { readonly zh: string; readonly en: string }; readonly role: string; readonly credit: number }>;
    readonly missing: ReadonlyArray<{ readonly skillId: string; readonly label: { readonly zh: string; readonly en: string }; readonly role: string; readonly credit: number }>;
    readonly region: string;
  };
}

/** One open job as GET /jobs lists it: no employer contact details. */
export interface Job {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly employer: string;
  readonly region: string;
  readonly salaryMin?: number;
  readonly salaryMax?: number;
  readonly headcount: number;
  readonly skills: readonly JobSkill[];
  readonly remote?: boolean;
  readonly createdAt: string;
  readonly expiresAt?: string;
  readonly match?: JobMatch;
}

export interface JobQuery {
  readonly q?: string;
  readonly region?: string;
  readonly skill?: string;
  readonly salaryMin?: string;
  readonly remote?: boolean;
}

/** A page of job search: `truncated` when a very common word was answered from part of the jobs holding it. */
export interface JobPage extends Page<Job> {
  readonly truncated?: true;
}

export const searchJobs = (query: JobQuery, nextToken: string | undefined, signal?: AbortSignal) =>
  get<JobPage>(
    `/jobs${qs({ q: query.q?.trim(), region: query.region, skill: query.skill?.trim(), salaryMin: query.salaryMin?.trim(), remote: query.remote ? 'true' : undefined, limit: 10, nextToken })}`,
    signal ? { signal } : {},
  ).then((r) => r.data);

export const ENGAGEMENT_STATUSES = ['sent', 'viewed', 'accepted', 'declined', 'withdrawn', 'hired'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

/** An application or an invitation: one shape, with a status and when each status was reached. */
export interface Engagement {
  readonly id: string;
  readonly kind: 'application' | 'invitation';
  readonly demandId: string;
  readonly demandRef: string;
  readonly title: string;
  readonly employer: string;
  readonly region: string;
  readonly learnerId: string;
  readonly learnerRef: string;
  readonly note?: string;
  readonly status: EngagementStatus;
  readonly timestamps: { readonly [status: string]: string };
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  /** Only to the employer, after the seeker applied or accepted. */
  readonly contact?: Contact;
}

/** Every page of a list (a person's own applications are few; a cap keeps a runaway list bounded). */
async function all<T>(path: string, signal?: AbortSignal, query: Record<string, string | undefined> = {}, cap = 10): Promise<T[]> {
  const out: T[] = [];
  let nextToken: string | undefined;
  for (let i = 0; i < cap; i++) {
    const { data } = await get<Page<T>>(`${path}${qs({ ...query, limit: 100, nextToken })}`, signal ? { signal } : {});
    out.push(...data.items);
    nextToken = data.nextToken;
    if (!nextToken) break;
  }
  return out;
}

/** The caller's applications; with `demandId` (its employer, bureau staff) only those to that demand, which the server reads from the demand's own list. */
export const listApplications = (signal?: AbortSignal, demandId?: string) => all<Engagement>('/applications', signal, { demandId });
/** The caller's invitations; with `demandId` only those for that demand. */
export const listInvitations = (signal?: AbortSignal, demandId?: string) => all<Engagement>('/invitations', signal, { demandId });

export const apply = (demandId: string, note: string) => post<Engagement>('/applications', { demandId, ...(note.trim() ? { note: note.trim() } : {}) }).then((r) => r.data);
export const setApplicationStatus = (id: string, status: 'viewed' | 'accepted' | 'declined' | 'hired' | 'withdrawn') => patch<Engagement>(`/applications/${seg(id)}`, { status }).then((r) => r.data);
export const invite = (demandId: string, learnerId: string, note = '') => post<Engagement>('/invitations', { demandId, learnerId, ...(note.trim() ? { note: note.trim() } : {}) }).then((r) => r.data);
export const answerInvitation = (id: string, answer: 'accept' | 'decline') => request<Engagement>('POST', `/invitations/${seg(id)}/${answer}`).then((r) => r.data);
export const setInvitationStatus = (id: string, status: 'withdrawn' | 'hired') => patch<Engagement>(`/invitations/${seg(id)}`, { status }).then((r) => r.data);

export const INBOX_TYPES = [
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
export type InboxType = (typeof INBOX_TYPES)[number];

export interface InboxEvent {
  readonly id: string;
  readonly type: InboxType;
  readonly at: string;
  readonly read: boolean;
  readonly message: string;
  readonly demandId?: string;
  readonly engagementId?: string;
  readonly title?: string;
}

export interface InboxPage extends Page<InboxEvent> {
  readonly unread: number;
}

export const readInbox = (nextToken: string | undefined, signal?: AbortSignal, limit = 20) => get<InboxPage>(`/inbox${qs({ limit, nextToken })}`, signal ? { signal } : {}).then((r) => r.data);
export const markRead = (id: string) => request<unknown>('POST', `/inbox/${seg(id)}/read`);

/** Told to the header's badge whenever a page changes what is unread. */
export const INBOX_CHANGED = 'sb:inbox-changed';
export const inboxChanged = (): void => {
  window.dispatchEvent(new Event(INBOX_CHANGED));
};

/** One server page of a bureau region's applications or invitations (GET /applications|/invitations?region=). */
export const listRegionEngagements = (kind: 'application' | 'invitation', region: string | undefined, nextToken: string | undefined, limit: number, signal?: AbortSignal) =>
  get<Page<Engagement>>(`/${kind === 'application' ? 'applications' : 'invitations'}${qs({ region, limit, nextToken })}`, signal ? { signal } : {}).then((r) => r.data);
