import type { z } from 'zod';
import { assertMayCreate } from '../domain/access.js';
import type { Caller } from '../domain/caller.js';
import { DomainError, ForbiddenError, type FieldIssue } from '../domain/errors.js';
import { recordId, type AnyRecord, type Kind } from '../domain/records.js';
import { recordFromInput, withConsent } from './records.js';
import type { Clock } from '../ports/clock.js';
import type { RecordChange, RecordStore } from '../ports/record-store.js';
import { csvRowToRecord } from '../import/csv-fields.js';
import type { ImportFormat, RawRow } from '../import/read-rows.js';
import { CourseInputSchema } from '../schemas/course.js';
import { DemandInputSchema } from '../schemas/demand.js';
import { toFieldIssues } from '../schemas/issues.js';
import { inspectJson } from '../schemas/json-guard.js';
import { LearnerInputSchema } from '../schemas/learner.js';

const SCHEMAS: Record<Kind, z.ZodType<{ ref: string; region: string }>> = {
  demand: DemandInputSchema,
  learner: LearnerInputSchema,
  course: CourseInputSchema,
};

/** A row that did not land, with every reason. */
export interface RejectedRow {
  readonly line: number;
  readonly ref?: string;
  readonly errors: readonly FieldIssue[];
}

export interface ImportSummary {
  readonly kind: Kind;
  /** Rows read from the file. */
  readonly rows: number;
  /** Valid rows whose record was created or changed. */
  readonly written: number;
  /** Valid rows identical to what is stored: nothing was written for them. */
  readonly unchanged: number;
  readonly rejected: readonly RejectedRow[];
}

export interface ImportOptions {
  readonly format: ImportFormat;
  /** Called after each chunk with the number of rows handled so far. */
  readonly onProgress?: (rowsDone: number) => void;
  /** Valid rows read and written together (one BatchGet per 100, BatchWrites of 25). @default 500 */
  readonly chunkSize?: number;
}

interface ValidRow {
  readonly line: number;
  readonly input: { ref: string; region: string } & Record<string, unknown>;
}

/**
 * Bulk import: every row is validated on its own; valid rows land even when others are
 * rejected; a row identical to the stored record writes nothing, so re-running a file changes
 * nothing. Writes go through the store's batch path (BatchWriteItem).
 */
export function makeImportRecords(kind: Kind, { store, clock }: { store: RecordStore; clock: Clock }) {
  const schema = SCHEMAS[kind];

  const flush = async (caller: Caller, rows: ValidRow[]): Promise<{ written: number; unchanged: number; refused: RejectedRow[] }> => {
    const ids = rows.map((r) => recordId(kind, caller.sub, r.input.ref));
    const existing = await store.getMany(kind, ids);
    const now = clock.now();
    const changes: RecordChange[] = [];
    const refused: RejectedRow[] = [];
    rows.forEach(({ input, line }, i) => {
      const previous = existing.get(ids[i]!);
      let decided: typeof input;
      try {
        // A learner row may not give consent on someone else's behalf (shared/domain/consent.ts).
        decided = withConsent(kind, caller, caller.sub, input as never, previous as never, now);
      } catch (err) {
        if (!(err instanceof ForbiddenError)) throw err;
        refused.push({ line, ref: input.ref, errors: err.errors });
        return;
      }
      const next = recordFromInput(kind, caller.sub, decided as never, previous as never, now) as AnyRecord;
      if (previous?.contentHash !== next.contentHash) changes.push({ next, previous });
    });
    if (changes.length > 0) await store.saveMany(changes);
    return { written: changes.length, unchanged: rows.length - changes.length - refused.length, refused };
  };

  return async (caller: Caller, rows: AsyncIterable<RawRow>, options: ImportOptions): Promise<ImportSummary> => {
    const chunkSize = options.chunkSize ?? 500;
    const rejected: RejectedRow[] = [];
    const seenRefs = new Map<string, number>();
    let pending: ValidRow[] = [];
    let total = 0;
    let written = 0;
    let unchanged = 0;
    const reject = (line: number, errors: FieldIssue[], ref?: string) => rejected.push(ref === undefined ? { line, errors } : { line, ref, errors });
    // One chunk is written while the next is read and checked: at most two chunks in memory.
    let writing: Promise<void> = Promise.resolve();
    const write = async (chunk: ValidRow[], rowsSoFar: number) => {
      await writing;
      writing = flush(caller, chunk).then((done) => {
        written += done.written;
        unchanged += done.unchanged;
        rejected.push(...done.refused);
        options.onProgress?.(rowsSoFar);
      });
      // A failure is thrown where `writing` is next awaited, not reported as unhandled meanwhile.
      writing.catch(() => undefined);
    };

    for await (const row of rows) {
      total++;
      if ('error' in row) {
        reject(row.line, [{ path: '/', message: row.error }]);
        continue;
      }
      // Spreadsheet cells are all text: lists, numbers and yes/no are read from it; JSON Lines are typed already.
      const value = options.format === 'jsonl' ? row.value : csvRowToRecord(kind, row.value);
      const ref = typeof value.ref === 'string' ? value.ref : undefined;
      const unsafe = inspectJson(value);
      if (unsafe.length > 0) {
        reject(row.line, unsafe, ref);
        continue;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        reject(row.line, toFieldIssues(parsed.error), ref);
        continue;
      }
      const input = parsed.data as ValidRow['input'];
      const firstLine = seenRefs.get(input.ref);
      if (firstLine !== undefined) {
        reject(row.line, [{ path: '/ref', message: `The ref "${input.ref}" is already on line ${firstLine} of this file.` }], input.ref);
        continue;
      }
      try {
        assertMayCreate(caller, kind, input.region);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        reject(row.line, [{ path: '/region', message: err.message }], input.ref);
        continue;
      }
      seenRefs.set(input.ref, row.line);
      pending.push({ line: row.line, input });
      if (pending.length >= chunkSize) {
        await write(pending, total);
        pending = [];
      }
    }
    if (pending.length > 0) await write(pending, total);
    await writing;
    options.onProgress?.(total);
    rejected.sort((a, b) => a.line - b.line);
    return { kind, rows: total, written, unchanged, rejected };
  };
}
