import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Course } from '../../domain/records.js';
import type { Clock } from '../../ports/clock.js';
import type { CourseCatalogue } from '../../ports/course-catalogue.js';
import { translateDynamoError } from './errors.js';
import { keys, PROVINCES } from './keys.js';
import { toRecord } from './items.js';
import { pointReads } from './point-reads.js';
import { queryAll } from './query-all.js';
import { mapPooled } from '../../async/pool.js';

export interface DynamoCourseCatalogueOptions {
  /**
   * A cached catalogue is reloaded after this long even when its version item says nothing
   * changed: the bound on staleness should a writer die between a course write and raising the
   * version. @default 300_000 (5 minutes)
   */
  readonly maxAgeMs?: number;
  /** How long GSI2 may lag a course write: a copy loaded sooner after one is read again once this has passed. @default 5_000 */
  readonly settleMs?: number;
  /** Province partitions read at once when (re)loading. @default 8 */
  readonly concurrency?: number;
}

interface Version {
  readonly version: number;
  /** When the last course write raised it (ms since the epoch; 0 if never). */
  readonly changedAt: number;
}

interface Loaded {
  readonly version: number;
  /** Served until then (ms since the epoch), while the version stays the same. */
  readonly freshUntil: number;
  readonly courses: readonly Course[];
}

/**
 * The course catalogue held in memory for as long as it is current: one strongly consistent
 * GetItem of the catalogue's version item per call (the record store raises it on every course
 * write), and a full reload (one Query per province partition of GSI2, in parallel, paged) only
 * when the version moved or the copy is older than `maxAgeMs`. Calls that arrive during a reload
 * share it.
 *
 * GSI2 is eventually consistent: a reload just after a write may miss it. A copy loaded within
 * `settleMs` of the last change is therefore read once more when that window has passed.
 *
 * Holding every course suits a catalogue of thousands (about 1 KB each in memory); one of hundreds
 * of thousands would want the skill-partition reads back.
 */
export class DynamoCourseCatalogue implements CourseCatalogue {
  private loaded: Loaded | undefined;
  private loading: { readonly version: number; readonly promise: Promise<Loaded> } | undefined;
  private readonly maxAgeMs: number;
  private readonly settleMs: number;
  private readonly concurrency: number;
  /** Full reloads so far (benchmarks report them). */
  reloads = 0;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
    options: DynamoCourseCatalogueOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 300_000;
    this.settleMs = options.settleMs ?? 5_000;
    this.concurrency = options.concurrency ?? 8;
  }

  async courses(): Promise<readonly Course[]> {
    const current = await this.version();
    const cached = this.loaded;
    if (cached && cached.version === current.version && this.clock.now().getTime() < cached.freshUntil) return cached.courses;
    // A reload already under way serves this call only if it began at this version or later.
    if (!this.loading || this.loading.version < current.version) {
      const promise = this.load(current);
      const clear = () => {
        if (this.loading?.promise === promise) this.loading = undefined;
      };
      promise.then(clear, clear);
      this.loading = { version: current.version, promise };
    }
    return (await this.loading.promise).courses;
  }

  private async version(): Promise<Version> {
    try {
      // Coalesced with the learner read beside it into one BatchGetItem.
      const item = await pointReads(this.client, this.tableName).get(keys.courseCatalogue());
      const version = typeof item?.version === 'number' ? item.version : 0;
      const changedAt = typeof item?.changedAt === 'string' ? Date.parse(item.changedAt) : 0;
      return { version, changedAt: Number.isNaN(changedAt) ? 0 : changedAt };
    } catch (err) {
      throw translateDynamoError(err, 'Reading the course catalogue');
    }
  }

  /** Every course, read after the version it is filed under (so never older than that version). */
  private async load({ version, changedAt }: Version): Promise<Loaded> {
    const courses: Course[] = [];
    await mapPooled(PROVINCES, this.concurrency, async (province) => {
      const query = { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': keys.byRegionPartition('course', province) } };
      for (const item of await queryAll(this.client, this.tableName, query, 'Reading the course catalogue')) courses.push(toRecord(item) as Course);
    });
    // Partitions finish in any order: keep one order so that rankings never depend on timing.
    courses.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.reloads += 1;
    const now = this.clock.now().getTime();
    const settled = now - changedAt >= this.settleMs;
    const loaded = { version, freshUntil: settled ? now + this.maxAgeMs : changedAt + this.settleMs, courses };
    if (!this.loaded || this.loaded.version <= version) this.loaded = loaded;
    return loaded;
  }
}
