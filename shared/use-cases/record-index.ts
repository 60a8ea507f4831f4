import { matchingSkills } from '../domain/matching/evidence.js';
import { partitionsOf } from '../domain/matching/lexical.js';
import type { AnyRecord } from '../domain/records.js';
import type { RecordIndex, RecordIndexer } from '../ports/record-store.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

/**
 * The skill-index entry of a record: every skill matching counts for it (certificate skills and
 * lexical entries included) as its skill vector, and every partition retrieval must find it under
 * (`partitionsOf` those skills), so that retrieval finds whatever the score credits. The record
 * store writes exactly this; it does no text work itself.
 *
 * @param taxonomy the taxonomy certificates are read with; @default the bundled one
 */
export const makeRecordIndexer =
  (taxonomy?: Taxonomy): RecordIndexer =>
  (record: AnyRecord): RecordIndex => {
    const skills = matchingSkills(record, taxonomy);
    return { skills, partitions: partitionsOf(skills) };
  };

/** {@link makeRecordIndexer} over the bundled taxonomy: what the deployed functions write. */
export const recordIndex: RecordIndexer = makeRecordIndexer();
