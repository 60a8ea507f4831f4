import type { AnyRecord, IndexedSkill, Kind, RecordOf } from '../domain/records.js';

/** One page of a list; `nextToken` is opaque and present only when more may follow. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly nextToken?: string | undefined;
}

/** A change to write in bulk: the record as it should be, and what was stored before, if anything. */
export interface RecordChange {
  readonly next: AnyRecord;
  readonly previous?: AnyRecord | undefined;
}

/**
 * What the skill index holds for a record: the skills matching counts for it (the skill vector
 * every index item carries) and the partitions it is filed under. Computed outside the store (the
 * evidence and extraction code lives in the domain), so the store only encodes and writes it.
 */
export interface RecordIndex {
  readonly skills: readonly IndexedSkill[];
  readonly partitions: readonly string[];
}

/** A record's skill-index entry; the composition root hands one to the record store. */
export type RecordIndexer = (record: AnyRecord) => RecordIndex;

/** What deleting a record took with it besides the record. */
export interface Removal {
  /**
   * Campaigns that held a result of the deleted learner, now taken off them: their stored
   * summaries are out of date until recomputed (the runner's `finalise` does it).
   */
  readonly campaigns: readonly string[];
}

/** Storage of demands, learners and courses together with their skill index. */
export interface RecordStore {
  get<K extends Kind>(kind: K, id: string): Promise<RecordOf<K> | undefined>;
  /** Reads many records by id; missing ids are absent from the map. */
  getMany(kind: Kind, ids: readonly string[]): Promise<Map<string, AnyRecord>>;
  /**
   * Creates (`previous` undefined: fails with ConflictError if it exists) or replaces (fails with
   * ConflictError unless the stored version is still `previous.version`), and keeps the skill
   * index in step in the same transaction.
   */
  save(next: AnyRecord, previous: AnyRecord | undefined): Promise<void>;
  /** Deletes a record and its index entries; ConflictError if it changed since it was read. */
  remove(record: AnyRecord): Promise<Removal>;
  /** Bulk writes for imports: many records at once, unconditional, idempotent. */
  saveMany(changes: readonly RecordChange[]): Promise<void>;
  listByOwner(kind: Kind, owner: string, page: PageRequest): Promise<Page<AnyRecord>>;
  /** Records in a region and everything inside it (`national`: all regions). */
  listByRegion(kind: Kind, region: string, page: PageRequest): Promise<Page<AnyRecord>>;
  /** Records indexed under a taxonomy skill. */
  listBySkill(kind: Kind, skillId: string, page: PageRequest): Promise<Page<AnyRecord>>;
  /**
   * Records indexed under a taxonomy skill in a region and everything inside it (`national`: as
   * `listBySkill`): the same partition, narrowed by the region's key prefix, so records nearby are
   * found however many the skill has elsewhere.
   */
  listBySkillWithin(kind: Kind, skillId: string, region: string, page: PageRequest): Promise<Page<AnyRecord>>;
}
