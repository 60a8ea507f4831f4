import { bureauServes } from '../domain/access.js';
import type { Caller } from '../domain/caller.js';
import { ConflictError, ForbiddenError } from '../domain/errors.js';
import { contentHash, type Learner } from '../domain/records.js';
import type { SubsidyRecord, SubsidyRecordInput } from '../schemas/subsidy.js';
import type { RecordDeps } from './records.js';
import { makeGetRecord } from './records.js';

/** Attempts at a write that lost a race to a concurrent writer before giving up with 409. */
const ATTEMPTS = 4;

/** The fields of a learner record (everything but its meta), as its content hash covers them. */
function fieldsOf(learner: Learner): Record<string, unknown> {
  const { id: _i, ref: _r, owner: _o, version: _v, createdAt: _c, updatedAt: _u, contentHash: _h, kind: _k, ...fields } = learner;
  return fields;
}

/** Whether two entries say the same (who recorded them and when aside). */
const sameEntry = (a: SubsidyRecord, b: Omit<SubsidyRecord, 'recordedBy' | 'recordedAt'>): boolean =>
  a.kind === b.kind && a.occupation === b.occupation && a.level === b.level && a.amountYuan === b.amountYuan && a.paidAt === b.paidAt && a.payerRegion === b.payerRegion && a.note === b.note;

/**
 * Records a subsidy a learner received, on the learner's record, where recommendations read it
 * ("once a year", "once per occupation and level") and the learner sees it. Bureau staff of the
 * learner's region only (the learner and other bureaus: 403 or 404, as for the record). The entry's
 * `ref` is the bureau's own reference: recording it again replaces that entry, and an identical
 * repeat changes nothing, so retries never duplicate.
 *
 * @returns the learner after the write and whether the entry is new
 */
export function makeRecordSubsidy(deps: RecordDeps) {
  const get = makeGetRecord('learner', deps);
  return async (caller: Caller, learnerId: string, input: SubsidyRecordInput): Promise<{ learner: Learner; created: boolean }> => {
    for (let attempt = 1; ; attempt++) {
      const current = await get(caller, learnerId);
      if (!bureauServes(caller, current.region)) throw new ForbiddenError('Only bureau staff of the learner’s region may record subsidies.');
      const history = current.subsidyHistory ?? [];
      const { ref, kind, occupation, level, amountYuan, paidAt, payerRegion, note } = input;
      const entry = { ref, kind, amountYuan, paidAt, payerRegion, ...(occupation !== undefined ? { occupation } : {}), ...(level !== undefined ? { level } : {}), ...(note !== undefined ? { note } : {}) };
      const previous = history.find((h) => h.ref === ref);
      if (previous && sameEntry(previous, entry)) return { learner: current, created: false };
      const recorded: SubsidyRecord = { ...entry, recordedBy: caller.sub, recordedAt: deps.clock.now().toISOString() };
      const subsidyHistory = previous ? history.map((h) => (h.ref === ref ? recorded : h)) : [...history, recorded];
      const fields = { ...fieldsOf(current), subsidyHistory };
      const next: Learner = { ...current, subsidyHistory, version: current.version + 1, updatedAt: recorded.recordedAt, contentHash: contentHash(fields) };
      try {
        await deps.store.save(next, current);
        return { learner: next, created: previous === undefined };
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= ATTEMPTS) throw err;
      }
    }
  };
}
