import { regionContains } from '../regions/regions.js';
import type { Caller } from './caller.js';
import { ForbiddenError } from './errors.js';
import type { AnyRecord, Kind } from './records.js';

/** Whether a bureau caller serves the given region (its own region or anything inside it). */
export const bureauServes = (caller: Caller, region: string): boolean =>
  caller.role === 'bureau' && caller.region !== undefined && regionContains(caller.region, region);

/**
 * The region a bureau caller's list or report is about: the one asked for, else the caller's own;
 * 403 unless the caller serves it (a region outside the bureau's is refused, never narrowed).
 */
export function bureauRegion(caller: Caller, asked: string | undefined): string {
  const region = asked ?? caller.region;
  if (region === undefined || !bureauServes(caller, region)) {
    throw new ForbiddenError(`This bureau account serves ${caller.region ?? 'no region'}, not ${region ?? 'an unknown region'}.`);
  }
  return region;
}

const CREATORS: Record<Kind, readonly Caller['role'][]> = {
  demand: ['employer', 'bureau'],
  learner: ['jobseeker', 'bureau'],
  course: ['bureau'],
};

/** Whether the caller is the job seeker who claimed this (bureau-created) profile. */
const isSubject = (caller: Caller, record: AnyRecord): boolean => record.kind === 'learner' && caller.role === 'jobseeker' && record.subject === caller.sub;

/** Throws unless the caller may submit a record of this kind in this region. */
export function assertMayCreate(caller: Caller, kind: Kind, region: string): void {
  if (!CREATORS[kind].includes(caller.role)) {
    throw new ForbiddenError(`A ${caller.role} may not submit ${kind}s.`);
  }
  if (caller.role === 'bureau' && !bureauServes(caller, region)) {
    throw new ForbiddenError(`This bureau account serves ${caller.region ?? 'no region'} and may not submit records for region ${region}.`);
  }
}

/** Whether the caller may read the record. Records they may not read answer 404, never 403. */
export function maySee(caller: Caller, record: AnyRecord): boolean {
  if (record.owner === caller.sub || isSubject(caller, record)) return true;
  if (record.kind === 'course') return true;
  return bureauServes(caller, record.region);
}

/** Whether the caller may change or delete a record they can see. */
export function mayChange(caller: Caller, record: AnyRecord): boolean {
  return record.owner === caller.sub || isSubject(caller, record) || bureauServes(caller, record.region);
}

/** Throws unless the caller may list records of this kind. */
export function assertMayList(caller: Caller, kind: Kind): void {
  if (kind === 'learner' && caller.role !== 'bureau') throw new ForbiddenError('Only bureau staff may list job seekers.');
  if (kind === 'demand' && caller.role === 'jobseeker') throw new ForbiddenError('Job seekers see demands through their matches.');
}
