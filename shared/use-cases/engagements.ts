import type { Caller } from '../domain/caller.js';
import { bureauRegion, bureauServes, mayChange, maySee } from '../domain/access.js';
import { regionContains } from '../regions/regions.js';
import { engagementId, isOpen, mayMove, moved, revealsContact, sideOf, type Engagement, type EngagementKind, type EngagementStatus } from '../domain/engagement.js';
import { chinaDay as funnelDay, countsOnce, stageOf, type FunnelStep } from '../domain/funnel.js';
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from '../domain/errors.js';
import { matchingSkills } from '../domain/matching/evidence.js';
import { havesOf, needsOf, scoreMatch } from '../domain/matching/score.js';
import { isActive, type Learner } from '../domain/records.js';
import type { Clock } from '../ports/clock.js';
import type { Audience, EngagementStore } from '../ports/engagements.js';
import type { InboxEventType, InboxStore } from '../ports/inbox.js';
import type { Page, RecordStore } from '../ports/record-store.js';
import { groupsOf } from '../domain/vocabulary.js';
import type { Contact } from '../schemas/learner.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { EventSubject } from './inbox.js';
import type { ProfileLinks } from '../ports/profile-links.js';
import { resolveProfile } from './profile.js';

/** Sends an inbox event (see makeNotify). */
export type Notify = (sub: string, type: InboxEventType, about: EventSubject, trigger: string) => Promise<void>;

export interface EngagementDeps {
  readonly store: RecordStore;
  readonly engagements: EngagementStore;
  readonly links: ProfileLinks;
  readonly clock: Clock;
  readonly notify: Notify;
}

/** An engagement as the API shows it; `contact` only to the employer, only while revealed. */
export type EngagementView = Omit<Engagement, 'learnerSub' | 'employerSub' | 'learnerRegion' | 'groups'> & { readonly contact?: Contact };

// The learner's region and groups are for the funnel's counters only: an employer never learns a target group.
const view = (e: Engagement, contact?: Contact): EngagementView => {
  const { learnerSub: _l, employerSub: _e, learnerRegion: _r, groups: _g, ...rest } = e;
  return contact ? { ...rest, contact } : rest;
};

/**
 * The placements funnel step of moving `e` (as it was before) to `to` at `at`, if it counts: a
 * stage reached for the first time (docs/placements.md). Engagements stored before the funnel
 * count in the demand's region, in the total only.
 */
function funnelStep(e: Pick<Engagement, 'kind' | 'learnerId' | 'region' | 'learnerRegion' | 'groups'>, timestamps: Engagement['timestamps'], to: EngagementStatus, at: Date): FunnelStep | undefined {
  const stage = stageOf(e.kind, to);
  if (!stage || !countsOnce(timestamps, to)) return undefined;
  return { stage, learnerId: e.learnerId, region: e.learnerRegion ?? e.region, groups: e.groups ?? [], day: funnelDay(at) };
}

/** The learner's account: the claimant of a bureau-created profile, else its owner. */
const learnerSubOf = (learner: Learner): string => learner.subject ?? learner.owner;

/** `YYYY-MM-DD` in China Standard Time, and the seconds until that day ends. */
function chinaDay(now: Date): { day: string; secondsLeft: number } {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  const day = shifted.toISOString().slice(0, 10);
  const end = Date.parse(`${day}T00:00:00+08:00`) + 86_400_000;
  return { day, secondsLeft: Math.max(1, Math.ceil((end - now.getTime()) / 1000)) };
}

/** The open demand an engagement is about; anything else is "not found". */
async function openDemand(deps: Pick<EngagementDeps, 'store' | 'clock'>, demandId: string) {
  const demand = await deps.store.get('demand', demandId);
  if (!demand || !isActive(demand, deps.clock.now())) throw new NotFoundError(`No open demand ${demandId}.`);
  return demand;
}

function fresh(kind: EngagementKind, demand: { id: string; ref: string; title: string; employer: string; owner: string; region: string }, learner: Learner, note: string | undefined, at: string): Engagement {
  return {
    id: engagementId(kind, demand.id, learner.id),
    kind,
    demandId: demand.id,
    demandRef: demand.ref,
    title: demand.title,
    employer: demand.employer,
    employerSub: demand.owner,
    region: demand.region,
    learnerId: learner.id,
    learnerRef: learner.ref,
    learnerSub: learnerSubOf(learner),
    learnerRegion: learner.region,
    groups: groupsOf(learner),
    ...(note ? { note } : {}),
    status: 'sent',
    timestamps: { sent: at },
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/**
 * A job seeker applies to an open demand with their own profile (`/me/profile`). Applying twice
 * answers the same application; applying again after withdrawing sends it anew.
 */
export function makeApply(deps: EngagementDeps) {
  return async (caller: Caller, input: { demandId: string; note?: string | undefined }): Promise<{ engagement: EngagementView; created: boolean }> => {
    if (caller.role !== 'jobseeker') throw new ForbiddenError('Only job seekers apply.');
    const learner = await resolveProfile(deps, caller);
    if (!learner) throw new ValidationError('Create your profile first (PATCH /me/profile).', [{ path: '/demandId', message: 'You have no profile to apply with.' }]);
    const demand = await openDemand(deps, input.demandId);
    const now = deps.clock.now();
    const at = now.toISOString();
    const next = fresh('application', demand, learner, input.note, at);
    const outcome = await deps.engagements.create(next, undefined, funnelStep(next, {}, 'sent', now));
    if (outcome === 'exists') {
      const current = (await deps.engagements.get(next.id))!;
      if (current.status !== 'withdrawn') return { engagement: view(current), created: false };
      const reopened: Engagement = { ...moved(current, 'sent', at), ...(input.note ? { note: input.note } : {}) };
      await deps.engagements.update(reopened, current.version, funnelStep(current, current.timestamps, 'sent', now));
      await deps.notify(reopened.employerSub, 'application_received', { demandId: demand.id, engagementId: reopened.id, title: demand.title }, `${reopened.id}:${reopened.version}`);
      return { engagement: view(reopened), created: false };
    }
    await deps.notify(next.employerSub, 'application_received', { demandId: demand.id, engagementId: next.id, title: demand.title }, `${next.id}:1`);
    return { engagement: view(next), created: true };
  };
}

/**
 * An employer invites a learner to one of its open demands: only a learner who consented to be
 * shown to employers and who matches the demand (a positive score from the matcher), at most
 * `perDay` invitations an employer a day (429 with Retry-After beyond that). Inviting the same
 * learner again answers the same invitation and counts nothing.
 */
export function makeInvite(deps: EngagementDeps & { readonly taxonomy: Taxonomy; readonly perDay: number }) {
  return async (caller: Caller, input: { demandId: string; learnerId: string; note?: string | undefined }): Promise<{ engagement: EngagementView; created: boolean }> => {
    const demand = await openDemand(deps, input.demandId);
    if (!mayChange(caller, demand)) throw new NotFoundError(`No open demand ${input.demandId}.`);
    if (caller.role !== 'employer' && demand.owner !== caller.sub) throw new ForbiddenError('Only the demand’s owner invites.');
    const learner = await deps.store.get('learner', input.learnerId);
    // A learner who did not consent is not shown to employers at all: "not found", as for no learner.
    if (!learner || !learner.consentToShare) throw new NotFoundError(`No learner ${input.learnerId} among this demand's candidates.`);
    // The demand's needs as its match list counts them (its words and title too), so that anyone
    // the list shows can be invited.
    const needs = needsOf(matchingSkills(demand, deps.taxonomy), demand.minLevel);
    const score = scoreMatch(needs, havesOf(matchingSkills(learner, deps.taxonomy)), { demandRegion: demand.region, learnerRegion: learner.region }, deps.taxonomy).score;
    if (score <= 0) throw new ValidationError('Invite people who match the demand.', [{ path: '/learnerId', message: 'This learner holds none of the skills the demand needs.' }]);
    const now = deps.clock.now();
    const next = fresh('invitation', demand, learner, input.note, now.toISOString());
    const existing = await deps.engagements.get(next.id);
    if (existing) return { engagement: view(existing), created: false };
    const { day, secondsLeft } = chinaDay(now);
    const outcome = await deps.engagements.create(next, { sub: caller.sub, day, limit: deps.perDay }, funnelStep(next, {}, 'sent', now));
    if (outcome === 'over-quota') throw new RateLimitedError(`At most ${deps.perDay} invitations a day; more can be sent tomorrow.`, secondsLeft);
    if (outcome === 'exists') return { engagement: view((await deps.engagements.get(next.id))!), created: false };
    await deps.notify(next.learnerSub, 'invited', { demandId: demand.id, engagementId: next.id, title: demand.title }, `${next.id}:1`);
    return { engagement: view(next), created: true };
  };
}

/** Events a status change sends, and to whom. */
const EVENTS: Partial<Record<`${EngagementKind}:${EngagementStatus}`, { type: InboxEventType; to: 'learner' | 'employer' }>> = {
  'application:viewed': { type: 'application_viewed', to: 'learner' },
  'application:accepted': { type: 'application_accepted', to: 'learner' },
  'application:declined': { type: 'application_declined', to: 'learner' },
  'application:withdrawn': { type: 'application_withdrawn', to: 'employer' },
  'application:hired': { type: 'hired', to: 'learner' },
  'invitation:accepted': { type: 'invitation_accepted', to: 'employer' },
  'invitation:declined': { type: 'invitation_declined', to: 'employer' },
  'invitation:hired': { type: 'hired', to: 'learner' },
};

async function move(deps: EngagementDeps, e: Engagement, to: EngagementStatus): Promise<Engagement> {
  const now = deps.clock.now();
  const next = moved(e, to, now.toISOString());
  await deps.engagements.update(next, e.version, funnelStep(e, e.timestamps, to, now));
  const event = EVENTS[`${e.kind}:${to}`];
  if (event) await deps.notify(event.to === 'learner' ? e.learnerSub : e.employerSub, event.type, { demandId: e.demandId, engagementId: e.id, title: e.title }, `${e.id}:${next.version}`);
  return next;
}

/**
 * Moves an engagement the caller is a party to (a seeker answering an invitation or withdrawing an
 * application; an employer answering an application or recording a hire). Moving to the status it
 * already has changes nothing; a move the state machine does not allow is 409.
 */
export function makeSetStatus(kind: EngagementKind, deps: EngagementDeps) {
  return async (caller: Caller, id: string, to: EngagementStatus): Promise<EngagementView> => {
    const e = await deps.engagements.get(id);
    const side = e && e.kind === kind ? sideOf(caller.role, caller.sub, e) : undefined;
    if (!e || e.kind !== kind || (!side && !(caller.role === 'bureau' && bureauServes(caller, e.region)))) throw new NotFoundError(`No ${kind} ${id}.`);
    if (!side) throw new ForbiddenError(`Bureau staff may read but not answer this ${kind}.`);
    if (e.status === to) return view(e);
    if (!mayMove(e, side, to)) throw new ConflictError(`A ${kind} that is ${e.status} cannot become ${to} by the ${side}.`);
    return view(await move(deps, e, to));
  };
}

/**
 * The audience of a list narrowed to one demand, on the demand's own terms: job seekers may not
 * read demands (403), an employer reads only its own and bureau staff those of their region (404
 * otherwise). With `region` too (bureau staff), a demand outside it lists nothing.
 */
async function demandAudience(deps: Pick<EngagementDeps, 'store'>, caller: Caller, demandId: string, region: string | undefined): Promise<Audience | undefined> {
  if (caller.role === 'jobseeker') throw new ForbiddenError('Job seekers list their own applications and invitations; a demand filter is for its employer and bureau staff.');
  const within = caller.role === 'bureau' && region !== undefined ? bureauRegion(caller, region) : undefined;
  const demand = await deps.store.get('demand', demandId);
  if (!demand || !maySee(caller, demand)) throw new NotFoundError(`No demand ${demandId}.`);
  if (within !== undefined && !regionContains(within, demand.region)) return undefined;
  return { demandId };
}

/**
 * Lists engagements: a job seeker's own (their profile's), an employer's (to its demands), bureau
 * staff's region's (`region` narrows); `demandId` narrows an employer's or bureau's list to one
 * demand, read from that demand's own list (no filtering of a larger read). Reading marks the other side's new items `viewed`; an
 * employer sees a learner's contact details where {@link revealsContact} allows and the learner
 * still has them, and each reveal is logged.
 */
export function makeListEngagements(kind: EngagementKind, deps: EngagementDeps) {
  return async (caller: Caller, query: { limit: number; nextToken?: string | undefined; region?: string | undefined; demandId?: string | undefined }): Promise<Page<EngagementView>> => {
    let audience: Audience;
    if (query.demandId !== undefined) {
      const narrowed = await demandAudience(deps, caller, query.demandId, query.region);
      if (!narrowed) return { items: [] };
      audience = narrowed;
    } else if (caller.role === 'jobseeker') {
      const learner = await resolveProfile(deps, caller);
      if (!learner) return { items: [] };
      audience = { learnerId: learner.id };
    } else if (caller.role === 'employer') {
      audience = { employerSub: caller.sub };
    } else {
      audience = { region: bureauRegion(caller, query.region) };
    }
    const page = await deps.engagements.list(kind, audience, { limit: query.limit, nextToken: query.nextToken });
    const viewer: 'seeker' | 'employer' | undefined = caller.role === 'jobseeker' ? 'seeker' : caller.role === 'employer' ? 'employer' : undefined;
    const items: Engagement[] = [];
    for (const e of page.items) {
      const side = sideOf(caller.role, caller.sub, e);
      items.push(viewer && side === viewer && e.status === 'sent' && mayMove(e, side, 'viewed') ? await move(deps, e, 'viewed').catch(() => e) : e);
    }
    let contacts = new Map<string, Contact>();
    if (caller.role === 'employer') {
      const shown = items.filter((e) => e.employerSub === caller.sub && revealsContact(e));
      const learners = await deps.store.getMany('learner', shown.map((e) => e.learnerId));
      const at = deps.clock.now().toISOString();
      contacts = new Map(
        shown.flatMap((e) => {
          const contact = (learners.get(e.learnerId) as Learner | undefined)?.contact;
          return contact && (contact.phone || contact.email) ? [[e.id, contact] as const] : [];
        }),
      );
      await Promise.all([...contacts.keys()].map((id) => {
        const e = items.find((x) => x.id === id)!;
        return deps.engagements.logReveal({ learnerId: e.learnerId, engagementId: e.id, viewer: caller.sub, at });
      }));
    }
    return { items: items.map((e) => view(e, contacts.get(e.id))), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  };
}

/**
 * Withdraws a learner's open applications and invitations at once (consent withdrawn, profile
 * deleted): their contact details stop being shown from this moment.
 */
export function makeWithdrawOpen(deps: EngagementDeps) {
  return async (learnerId: string): Promise<number> => {
    let count = 0;
    for (const kind of ['application', 'invitation'] as const) {
      let nextToken: string | undefined;
      do {
        const page = await deps.engagements.list(kind, { learnerId }, { limit: 100, nextToken });
        for (const e of page.items) {
          if (!isOpen(e)) continue;
          await move(deps, e, 'withdrawn');
          count += 1;
        }
        nextToken = page.nextToken;
      } while (nextToken);
    }
    return count;
  };
}

/**
 * Retention after a learner is erased (docs/action-loop.md, Retention): their engagements lose
 * everything that names them, their own list entries go, the contact-reveal audit keeps only who
 * saw what and when (under the tombstone's digest), and the inbox events about those engagements
 * of their accounts (`accounts`, and whichever account each engagement names) are deleted. Run
 * after the profile's deletion and the withdrawal of open engagements; running it again after it
 * was cut short finishes it. The inbox goes first: stripping an engagement removes the account it
 * names and its list entry, after which nothing would lead to those events.
 */
export function makeEraseLearnerTraces(deps: { readonly engagements: EngagementStore; readonly inbox: Pick<InboxStore, 'removeAbout'> }) {
  return async (learnerId: string, accounts: ReadonlyArray<string | undefined> = []): Promise<{ engagements: number; reveals: number; inboxEvents: number }> => {
    const ids = new Set<string>();
    const subs = new Set(accounts.filter((sub): sub is string => sub !== undefined && sub !== ''));
    for (const kind of ['application', 'invitation'] as const) {
      let nextToken: string | undefined;
      do {
        const page = await deps.engagements.list(kind, { learnerId }, { limit: 100, nextToken });
        for (const e of page.items) {
          ids.add(e.id);
          if (e.learnerSub) subs.add(e.learnerSub);
        }
        nextToken = page.nextToken;
      } while (nextToken);
    }
    let inboxEvents = 0;
    for (const sub of subs) inboxEvents += await deps.inbox.removeAbout(sub, ids);
    const { engagementIds, reveals } = await deps.engagements.eraseLearner(learnerId);
    return { engagements: engagementIds.length, reveals, inboxEvents };
  };
}
