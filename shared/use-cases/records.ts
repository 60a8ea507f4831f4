import { assertMayCreate, assertMayList, bureauRegion, bureauServes, mayChange, maySee } from '../domain/access.js';
import type { Caller } from '../domain/caller.js';
import { decideConsent, type ConsentState } from '../domain/consent.js';
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from '../domain/errors.js';
import { contentHash, kindOfId, recordId, type AnyRecord, type Kind, type RecordFields, type RecordOf } from '../domain/records.js';
import { regionContains } from '../regions/regions.js';
import type { Clock } from '../ports/clock.js';
import type { Page, RecordStore } from '../ports/record-store.js';
import type { DemandInput, DemandPatch } from '../schemas/demand.js';
import type { LearnerInput, LearnerPatch } from '../schemas/learner.js';
import type { CourseInput, CoursePatch } from '../schemas/course.js';
import { mapPooled } from '../async/pool.js';

export type InputOf<K extends Kind> = { demand: DemandInput; learner: LearnerInput; course: CourseInput }[K];
export type PatchOf<K extends Kind> = { demand: DemandPatch; learner: LearnerPatch; course: CoursePatch }[K];

export interface RecordDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
}


/** Attempts at an upsert that lost a race to a concurrent writer before giving up with 409. */
const UPSERT_ATTEMPTS = 4;

/** The ETag of a record's current version. */
export const etagOf = (record: AnyRecord): string => `"v${record.version}"`;

/** Whether an If-Match header value names the current version (`*` always does). */
const ifMatchHolds = (ifMatch: string, record: AnyRecord): boolean =>
  ifMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etagOf(record));

/**
 * Throws 412 unless an If-Match header, when given, names the record's current version: checked
 * before anything is written, so a stale request changes nothing.
 *
 * @throws PreconditionFailedError
 */
export function assertIfMatch(kind: Kind, ifMatch: string | undefined, record: AnyRecord): void {
  if (ifMatch !== undefined && !ifMatchHolds(ifMatch, record)) throw new PreconditionFailedError(`This ${kind} has changed since you read it (now ${etagOf(record)}).`);
}

/** Invariants that span fields, re-checked after a merge patch. */
function checkFields(kind: Kind, fields: Record<string, unknown>): void {
  if (kind === 'demand') {
    const { salaryMin, salaryMax } = fields as { salaryMin?: number; salaryMax?: number };
    if (salaryMin !== undefined && salaryMax !== undefined && salaryMin > salaryMax) {
      throw new ValidationError('The record is invalid.', [{ path: '/salaryMax', message: 'salaryMax must not be below salaryMin.' }]);
    }
  }
}

function build<K extends Kind>(kind: K, owner: string, ref: string, fields: RecordFields<K>, previous: RecordOf<K> | undefined, now: Date): RecordOf<K> {
  const at = now.toISOString();
  return {
    ...fields,
    kind,
    id: recordId(kind, owner, ref),
    ref,
    owner,
    version: (previous?.version ?? 0) + 1,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
    contentHash: contentHash(fields),
  } as RecordOf<K>;
}

/** A submitted record's own fields: the input minus `ref`, plus defaults the kind keeps. */
function fieldsOf<K extends Kind>(kind: K, input: InputOf<K>, previous: RecordOf<K> | undefined): RecordFields<K> {
  const { ref: _ref, ...rest } = input as InputOf<K> & { ref: string };
  if (kind === 'demand') return { ...rest, status: (previous as RecordOf<'demand'> | undefined)?.status ?? 'open' } as RecordFields<K>;
  // Bureau staff's records and the claiming account are not the submitter's: a resubmitted
  // profile keeps its subsidy history and stays claimed.
  const learnerBefore = kind === 'learner' ? (previous as RecordOf<'learner'> | undefined) : undefined;
  const kept = {
    ...(learnerBefore?.subsidyHistory ? { subsidyHistory: learnerBefore.subsidyHistory } : {}),
    ...(learnerBefore?.subject !== undefined ? { subject: learnerBefore.subject } : {}),
  };
  return { ...rest, ...kept } as unknown as RecordFields<K>;
}

/**
 * The record a submission by `owner` makes, given what is stored under its id (if anything).
 * Its `contentHash` equals the previous one exactly when nothing changed.
 */
export function recordFromInput<K extends Kind>(kind: K, owner: string, input: InputOf<K>, previous: RecordOf<K> | undefined, now: Date): RecordOf<K> {
  return build(kind, owner, input.ref, fieldsOf(kind, input, previous), previous, now);
}

/** The fields of a stored record (everything but its meta). */
function storedFields<K extends Kind>(record: RecordOf<K>): RecordFields<K> {
  const { id: _i, ref: _r, owner: _o, version: _v, createdAt: _c, updatedAt: _u, contentHash: _h, kind: _k, ...fields } = record;
  return fields as unknown as RecordFields<K>;
}

const GRANT_REFUSED = 'Only the learner may give consent to share their profile.';

/**
 * A learner submission with its consent decided (see shared/domain/consent.ts): the input with
 * `consentToShare` and its provenance `consent`, or ForbiddenError naming `consentToShare` when
 * someone other than the learner tries to give it. Other kinds pass through.
 */
export function withConsent<K extends Kind>(kind: K, caller: Caller, owner: string, input: InputOf<K>, previous: RecordOf<K> | undefined, now: Date, path = '/consentToShare'): InputOf<K> {
  if (kind !== 'learner') return input;
  const learner = input as LearnerInput;
  const outcome = decideConsent(caller, owner, previous as ConsentState | undefined, learner.consentToShare, now, path);
  if (!outcome.ok) throw new ForbiddenError(GRANT_REFUSED, [outcome.issue]);
  const { consent: _old, ...rest } = learner as LearnerInput & { consent?: unknown };
  return { ...rest, consentToShare: outcome.consentToShare, ...(outcome.consent ? { consent: outcome.consent } : {}) } as InputOf<K>;
}

/**
 * Creates or updates the caller's record with this `ref`. The same request repeated stores one
 * record and changes nothing after the first time; a lost race is retried from a fresh read.
 */
export function makeUpsertRecord<K extends Kind>(kind: K, { store, clock }: RecordDeps) {
  return async (caller: Caller, input: InputOf<K>): Promise<{ record: RecordOf<K>; created: boolean }> => {
    assertMayCreate(caller, kind, input.region);
    const id = recordId(kind, caller.sub, input.ref);
    for (let attempt = 1; ; attempt++) {
      const previous = await store.get(kind, id);
      const now = clock.now();
      const next = recordFromInput(kind, caller.sub, withConsent(kind, caller, caller.sub, input, previous, now), previous, now);
      if (previous && previous.contentHash === next.contentHash) return { record: previous, created: false };
      try {
        await store.save(next, previous);
        return { record: next, created: previous === undefined };
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= UPSERT_ATTEMPTS) throw err;
      }
    }
  };
}

/**
 * Upserts up to 100 records, already validated as a whole. Each record is written in its own
 * conditional transaction, a few at a time.
 */
export function makeUpsertBatch<K extends Kind>(kind: K, deps: RecordDeps) {
  const upsert = makeUpsertRecord(kind, deps);
  return async (caller: Caller, inputs: readonly InputOf<K>[]): Promise<RecordOf<K>[]> => {
    inputs.forEach((input) => assertMayCreate(caller, kind, input.region));
    const refs = new Map<string, number>();
    const dupes = inputs.flatMap((input, i) => {
      const first = refs.get(input.ref);
      refs.set(input.ref, first ?? i);
      return first === undefined ? [] : [{ path: `/${i}/ref`, message: `The ref "${input.ref}" is also used by record ${first}.` }];
    });
    if (dupes.length > 0) throw new ValidationError('Each record of a batch needs its own ref.', dupes);
    if (kind === 'learner') {
      // Consent is checked for the whole batch before anything is written: a refused grant stores nothing.
      const stored = await deps.store.getMany(kind, inputs.map((input) => recordId(kind, caller.sub, input.ref)));
      const now = deps.clock.now();
      const refused = inputs.flatMap((input, i) => {
        const previous = stored.get(recordId(kind, caller.sub, input.ref)) as ConsentState | undefined;
        const outcome = decideConsent(caller, caller.sub, previous, (input as LearnerInput).consentToShare, now, `/${i}/consentToShare`);
        return outcome.ok ? [] : [outcome.issue];
      });
      if (refused.length > 0) throw new ForbiddenError(GRANT_REFUSED, refused);
    }
    return mapPooled(inputs, 8, async (input) => (await upsert(caller, input)).record);
  };
}

/** Reads a record the caller may see; anything else is "not found". */
export function makeGetRecord<K extends Kind>(kind: K, { store }: Pick<RecordDeps, 'store'>) {
  return async (caller: Caller, id: string): Promise<RecordOf<K>> => {
    const record = kindOfId(id) === kind ? await store.get(kind, id) : undefined;
    if (!record || !maySee(caller, record)) throw new NotFoundError(`No ${kind} ${id}.`);
    return record;
  };
}

/** Applies a JSON merge patch (RFC 7396) to the caller's record, honouring If-Match. */
export function makePatchRecord<K extends Kind>(kind: K, deps: RecordDeps) {
  const get = makeGetRecord(kind, deps);
  return async (caller: Caller, id: string, patch: PatchOf<K>, ifMatch?: string): Promise<RecordOf<K>> => {
    const current = await get(caller, id);
    if (!mayChange(caller, current)) throw new ForbiddenError(`You may read but not change this ${kind}.`);
    assertIfMatch(kind, ifMatch, current);
    const fields: Record<string, unknown> = { ...storedFields(current) };
    for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
      if (value === null) delete fields[key];
      else if (value !== undefined) fields[key] = value;
    }
    checkFields(kind, fields);
    if (kind === 'learner') {
      const outcome = decideConsent(caller, current.owner, current as unknown as ConsentState, (patch as LearnerPatch).consentToShare, deps.clock.now());
      if (!outcome.ok) throw new ForbiddenError(GRANT_REFUSED, [outcome.issue]);
      fields.consentToShare = outcome.consentToShare;
      if (outcome.consent) fields.consent = outcome.consent;
      else delete fields.consent;
    }
    const region = fields.region as string;
    if (region !== current.region && caller.role === 'bureau' && !bureauServes(caller, region)) {
      throw new ForbiddenError(`This bureau account may not move records to region ${region}.`);
    }
    const next = build(kind, current.owner, current.ref, fields as RecordFields<K>, current, deps.clock.now());
    if (next.contentHash === current.contentHash) return current;
    await deps.store.save(next, current);
    return next;
  };
}

/**
 * A record with some of its own fields replaced, as the next version (for changes the service makes
 * itself, such as linking a claimed profile to its claimant); the caller saves it.
 */
export function withFields<K extends Kind>(record: RecordOf<K>, fields: Partial<RecordFields<K>>, now: Date): RecordOf<K> {
  return build(record.kind as K, record.owner, record.ref, { ...storedFields(record), ...fields } as RecordFields<K>, record, now);
}

/**
 * Told, after a learner's deletion, of the campaigns whose results lost that learner: their
 * summaries are recomputed (in this process, or on the campaign queue in AWS).
 */
export type CampaignsChanged = (campaignIds: readonly string[]) => Promise<void>;

/**
 * Deletes the caller's record and its index entries, honouring If-Match; campaigns that held a
 * deleted learner's result are handed to `campaignsChanged`, when given.
 */
export function makeDeleteRecord<K extends Kind>(kind: K, deps: RecordDeps & { readonly campaignsChanged?: CampaignsChanged | undefined }) {
  const get = makeGetRecord(kind, deps);
  return async (caller: Caller, id: string, ifMatch?: string): Promise<void> => {
    const current = await get(caller, id);
    if (!mayChange(caller, current)) throw new ForbiddenError(`You may read but not delete this ${kind}.`);
    assertIfMatch(kind, ifMatch, current);
    const removal = await deps.store.remove(current);
    if (removal.campaigns.length > 0) await deps.campaignsChanged?.(removal.campaigns);
  };
}

export interface ListQuery {
  readonly region?: string | undefined;
  readonly limit: number;
  readonly nextToken?: string | undefined;
}

/**
 * Lists records: bureau staff see their region (`region` narrows it), everyone else their own.
 */
export function makeListRecords<K extends Kind>(kind: K, { store }: Pick<RecordDeps, 'store'>) {
  return async (caller: Caller, query: ListQuery): Promise<Page<RecordOf<K>>> => {
    assertMayList(caller, kind);
    const page = { limit: query.limit, nextToken: query.nextToken };
    if (caller.role === 'bureau') return (await store.listByRegion(kind, bureauRegion(caller, query.region), page)) as Page<RecordOf<K>>;
    const own = (await store.listByOwner(kind, caller.sub, page)) as Page<RecordOf<K>>;
    if (query.region === undefined) return own;
    const region = query.region;
    return { ...own, items: own.items.filter((r) => regionContains(region, r.region)) };
  };
}

/** A record as the API shows it: everything but internal bookkeeping. */
export type PublicView<K extends Kind> = Omit<RecordOf<K>, 'contentHash' | 'kind'>;

/** A record as the API shows it (shared/schemas/views/records.ts describes it): everything but internal bookkeeping. */
export function publicView<K extends Kind>(record: RecordOf<K>): PublicView<K> {
  const { contentHash: _h, kind: _k, ...rest } = record;
  return rest;
}
