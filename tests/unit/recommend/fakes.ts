/**
 * In-memory port fakes for recommendation tests and the offline evaluation: a record store with
 * the same skill and region index semantics as the DynamoDB one, the matching candidate index and
 * the course catalogue over it, and a fixed shortage reader. Every read is counted.
 */
import { ConflictError } from '#shared/domain/errors.js';
import { indexedSkills, isActive, type AnyRecord, type Course, type Demand, type IndexedSkill, type Kind, type Learner, type RecordOf } from '#shared/domain/records.js';
import type { Candidate, CandidateIndex, CandidateQuery, CandidateResult } from '#shared/ports/candidate-index.js';
import type { CourseCatalogue } from '#shared/ports/course-catalogue.js';
import type { Page, PageRequest, RecordChange, RecordStore, Removal } from '#shared/ports/record-store.js';
import type { ShortageEntry, ShortageReader } from '#shared/ports/shortage.js';
import { regionContains } from '#shared/regions/regions.js';
import type { Level } from '#shared/taxonomy/levels.js';

const regionKey = (code: string) => (code === 'national' ? '000000' : code);
const byRegionThenId = (a: AnyRecord, b: AnyRecord) => `${regionKey(a.region)}#${a.id}`.localeCompare(`${regionKey(b.region)}#${b.id}`);

/** Like the table: at most `page.limit` items, with a `nextToken` (an offset) when more follow. */
function pageOf<T>(all: readonly T[], page: PageRequest): Page<T> {
  const from = page.nextToken === undefined ? 0 : Number(page.nextToken);
  const items = all.slice(from, from + page.limit);
  return from + page.limit < all.length ? { items, nextToken: String(from + page.limit) } : { items };
}

/**
 * A {@link RecordStore} over maps; lists are sorted as the table's keys sort them. Held to the
 * port's contract beside the DynamoDB adapter (tests/support/contracts/record-store.ts).
 */
export class MemoryRecordStore implements RecordStore {
  readonly records = new Map<string, AnyRecord>();
  calls = 0;

  constructor(
    records: readonly AnyRecord[] = [],
    private readonly now: () => Date = () => new Date('2026-03-01T00:00:00Z'),
  ) {
    for (const r of records) this.records.set(r.id, r);
  }

  async get<K extends Kind>(kind: K, id: string): Promise<RecordOf<K> | undefined> {
    this.calls++;
    const r = this.records.get(id);
    return r?.kind === kind ? (r as RecordOf<K>) : undefined;
  }

  async getMany(kind: Kind, ids: readonly string[]): Promise<Map<string, AnyRecord>> {
    this.calls++;
    return new Map(ids.flatMap((id) => (this.records.get(id)?.kind === kind ? [[id, this.records.get(id)!] as const] : [])));
  }

  /** Like the table: creates only a new id, replaces only over the version stored (ConflictError otherwise). */
  async save(next: AnyRecord, previous: AnyRecord | undefined): Promise<void> {
    const stored = this.records.get(next.id);
    if (previous === undefined ? stored !== undefined : stored?.version !== previous.version) throw new ConflictError(`${next.kind} ${next.id} changed meanwhile`);
    this.records.set(next.id, next);
  }

  async remove(record: AnyRecord): Promise<Removal> {
    if (this.records.get(record.id)?.version !== record.version) throw new ConflictError(`${record.kind} ${record.id} changed meanwhile`);
    this.records.delete(record.id);
    return { campaigns: [] };
  }

  async saveMany(changes: readonly RecordChange[]): Promise<void> {
    for (const { next } of changes) this.records.set(next.id, next);
  }

  async listByOwner(kind: Kind, owner: string, page: PageRequest): Promise<Page<AnyRecord>> {
    this.calls++;
    return pageOf(this.of(kind).filter((r) => r.owner === owner), page);
  }

  async listByRegion(kind: Kind, region: string, page: PageRequest): Promise<Page<AnyRecord>> {
    this.calls++;
    return pageOf(this.of(kind).filter((r) => regionContains(region, r.region)), page);
  }

  async listBySkill(kind: Kind, skillId: string, page: PageRequest): Promise<Page<AnyRecord>> {
    return this.listBySkillWithin(kind, skillId, 'national', page);
  }

  /** Like the table: in key order, paged. */
  async listBySkillWithin(kind: Kind, skillId: string, region: string, page: PageRequest): Promise<Page<AnyRecord>> {
    this.calls++;
    const now = this.now();
    return pageOf(
      this.of(kind).filter((r) => isActive(r, now) && indexedSkills(r).some((s) => s.skillId === skillId) && regionContains(region, r.region)),
      page,
    );
  }

  private of(kind: Kind): AnyRecord[] {
    return [...this.records.values()].filter((r) => r.kind === kind).sort(byRegionThenId);
  }
}

/** The course catalogue of a memory store, read afresh on every call (tests change the store directly). */
export class MemoryCourseCatalogue implements CourseCatalogue {
  calls = 0;
  constructor(private readonly store: MemoryRecordStore) {}

  async courses(): Promise<readonly Course[]> {
    this.calls++;
    return [...this.store.records.values()].filter((r): r is Course => r.kind === 'course').sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}

/**
 * The matching candidate index over a memory store's demands and learners. Each record's skill
 * vector is `skillsOf` it: its indexed skills by default; the evaluation passes `matchingSkills`,
 * what the DynamoDB index stores (record-index.ts).
 */
export class MemoryCandidateIndex implements CandidateIndex {
  calls = 0;
  constructor(
    private readonly store: MemoryRecordStore,
    private readonly now: () => Date = () => new Date('2026-03-01T00:00:00Z'),
    private readonly skillsOf: (record: AnyRecord) => IndexedSkill[] = indexedSkills,
  ) {}

  async find(query: CandidateQuery): Promise<CandidateResult> {
    this.calls++;
    const skills = new Set(query.skillIds);
    const candidates: Candidate[] = [];
    for (const record of this.store.records.values()) {
      if (record.kind !== query.kind || !isActive(record, this.now())) continue;
      if (query.within !== undefined && !regionContains(query.within, record.region)) continue;
      if (query.outside !== undefined && regionContains(query.outside, record.region)) continue;
      const indexed = this.skillsOf(record);
      if (!indexed.some((s) => skills.has(s.skillId))) continue;
      if (record.kind === 'learner' && query.consentedOnly && !record.consentToShare) continue;
      candidates.push(
        record.kind === 'demand'
          ? {
              kind: 'demand',
              id: record.id,
              ref: record.ref,
              region: record.region,
              skills: indexed,
              title: record.title,
              employer: record.employer,
              headcount: record.headcount,
              ...(record.minLevel ? { minLevel: record.minLevel } : {}),
              ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}),
            }
          : { kind: 'learner', id: record.id, ref: record.ref, region: record.region, skills: indexed, consentToShare: (record as Learner).consentToShare },
      );
    }
    return { candidates, truncated: false };
  }
}

/** A shortage reader answering fixed indices per skill (1 for every other skill). */
export class FixedShortage implements ShortageReader {
  calls = 0;
  readonly regions: string[] = [];
  constructor(private readonly indices: Readonly<Record<string, number>> = {}) {}

  async forRegion(region: string, skillIds?: readonly string[]): Promise<Map<string, ShortageEntry>> {
    this.calls++;
    this.regions.push(region);
    const ids = skillIds ?? Object.keys(this.indices);
    return new Map(ids.flatMap((skillId) => (this.indices[skillId] === undefined ? [] : [[skillId, { skillId, region, demand: 0, supply: 0, index: this.indices[skillId]! }] as const])));
  }
}

const meta = (kind: Kind, id: string, ref: string, owner: string) => ({
  kind,
  id,
  ref,
  owner,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  contentHash: 'h',
});

/** A stored skill as normalisation leaves it. */
export const skill = (skillId: string, level: Level | null = null) => ({ text: skillId, skillId, level, confidence: 1 });

let seq = 0;
/** A record id of the right shape for its kind. */
export const idFor = (kind: Kind): string => `${{ demand: 'd', learner: 'l', course: 'c' }[kind]}_${String(++seq).padStart(20, 'a').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;

/** A stored course; override any field. */
export const course = (over: Partial<Course> & { ref: string }): Course =>
  ({
    ...meta('course', idFor('course'), over.ref, 'bureau-1'),
    title: over.ref,
    description: '',
    skillsTaught: [skill('data-annotation')],
    level: 1,
    hours: 40,
    mode: 'offline',
    provider: 'P',
    region: '310000',
    ...over,
  }) as Course;

/** A stored open demand; override any field. */
export const demand = (over: Partial<Demand> & { ref: string }): Demand =>
  ({
    ...meta('demand', idFor('demand'), over.ref, 'emp-1'),
    employer: 'E',
    title: over.ref,
    description: '',
    requiredSkills: [skill('data-annotation', 2)],
    preferredSkills: [],
    region: '310104',
    headcount: 1,
    status: 'open',
    ...over,
  }) as Demand;

/** A stored learner; override any field. */
export const learner = (over: Partial<Learner> & { ref: string }): Learner =>
  ({
    ...meta('learner', idFor('learner'), over.ref, `js-${over.ref}`),
    summary: '',
    skills: [skill('spreadsheets', 2)],
    certificates: [],
    region: '310104',
    group: 'other',
    consentToShare: true,
    ...over,
  }) as Learner;
