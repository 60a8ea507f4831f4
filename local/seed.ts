import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getContainer } from '#functions/container.js';
import type { Caller } from '#shared/domain/caller.js';
import type { Kind } from '#shared/domain/records.js';
import { readRows } from '#shared/import/read-rows.js';
import { makeImportRecords } from '#shared/use-cases/import-records.js';

/** The built-in catalogue's owner: a national bureau account that exists only locally. */
export const SEED_OWNER: Caller = { sub: 'seed-catalogue', role: 'bureau', region: 'national' };

/**
 * The sample learners are fictional people whose profiles read as if they had written them
 * themselves, consent included: they are imported under the same subject (so their ids do not
 * change) with a job seeker's role, since a bureau may never give consent on someone's behalf.
 */
const SEED_LEARNERS_OWNER: Caller = { sub: SEED_OWNER.sub, role: 'jobseeker' };

const FILES: ReadonlyArray<[Kind, string]> = [
  ['course', 'courses.jsonl'],
  ['demand', 'demands.jsonl'],
  ['learner', 'learners.jsonl'],
];

/**
 * Loads the sample catalogue (courses, demands, learners) through the same importer as the
 * CLI. Idempotent: a second start writes nothing.
 */
export async function seedCatalogue(): Promise<string> {
  const container = getContainer();
  const parts: string[] = [];
  for (const [kind, file] of FILES) {
    const path = fileURLToPath(new URL(`./seed/${file}`, import.meta.url));
    if (!existsSync(path)) continue;
    const summary = await makeImportRecords(kind, container)(kind === 'learner' ? SEED_LEARNERS_OWNER : SEED_OWNER, readRows(createReadStream(path), 'jsonl', kind), { format: 'jsonl' });
    if (summary.rejected.length > 0) {
      const first = summary.rejected[0]!;
      throw new Error(`Seed file ${file} has ${summary.rejected.length} bad rows; first: line ${first.line} ${first.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    }
    parts.push(`${summary.rows} ${kind}s (${summary.written} new or changed)`);
  }
  return parts.length > 0 ? parts.join(', ') : 'no seed files';
}
