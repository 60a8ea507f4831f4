import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '#shared/domain/errors.js';
import type { AnyRecord, Kind } from '#shared/domain/records.js';
import type { Page, PageRequest, RecordStore } from '#shared/ports/record-store.js';
import { demandRecord, learnerRecord, skill } from '../../fixtures/shortage-records.js';

/** The instant the stores under test take as now (records carry no expiry before it). */
export const CONTRACT_NOW = new Date('2026-03-01T00:00:00Z');

/** A store under test, fresh for each test, and how to throw it away. */
export interface RecordStoreUnderTest {
  readonly store: RecordStore;
  readonly dispose?: () => Promise<void>;
}

/** A record id of the right shape for its kind, from a number. */
const idOf = (kind: Kind, n: number) => `${kind[0]}_${String(n).padStart(20, '0').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;

const demand = (n: number, over: Parameters<typeof demandRecord>[0] = {}) => demandRecord({ id: idOf('demand', n), ref: `D-${n}`, ...over });
const learner = (n: number, over: Parameters<typeof learnerRecord>[0] = {}) => learnerRecord({ id: idOf('learner', n), ref: `L-${n}`, owner: `js-${n}`, ...over });

/** Every item of a list, following `nextToken` page by page; fails on a page over the limit. */
async function everyPage(list: (page: PageRequest) => Promise<Page<AnyRecord>>, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await list({ limit, nextToken });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((r) => r.id));
    nextToken = page.nextToken;
    if (nextToken === undefined) return ids;
  }
  throw new Error('More than 100 pages: the list does not end.');
}

const sorted = (ids: readonly string[]) => [...ids].sort();

/**
 * The {@link RecordStore} port's contract: what every implementation (the DynamoDB adapter, the
 * in-memory fake the unit tests use) must do alike. Run once per implementation.
 */
export function recordStoreContract(name: string, make: () => Promise<RecordStoreUnderTest>): void {
  describe(`RecordStore contract: ${name}`, () => {
    let underTest: RecordStoreUnderTest;
    let store: RecordStore;
    beforeEach(async () => {
      underTest = await make();
      store = underTest.store;
    });
    afterEach(async () => {
      await underTest.dispose?.();
    });

    it('reads back a saved record by kind and id, and nothing for another kind or an unknown id', async () => {
      // Prepare
      const d = demand(1);
      await store.save(d, undefined);

      // Act
      const [found, asLearner, missing] = await Promise.all([store.get('demand', d.id), store.get('learner', d.id), store.get('demand', idOf('demand', 2))]);

      // Assess
      expect(found).toEqual(d);
      expect(asLearner).toBeUndefined();
      expect(missing).toBeUndefined();
    });

    it('reads many records at once, leaving out ids it does not hold', async () => {
      // Prepare
      const a = learner(1);
      const b = learner(2);
      await store.save(a, undefined);
      await store.save(b, undefined);

      // Act
      const found = await store.getMany('learner', [a.id, idOf('learner', 3), b.id]);

      // Assess
      expect(sorted([...found.keys()])).toEqual(sorted([a.id, b.id]));
      expect(found.get(b.id)).toEqual(b);
    });

    it('refuses to create a record whose id exists, and keeps the stored one', async () => {
      // Prepare
      const first = demand(1, { title: 'first' });
      await store.save(first, undefined);

      // Act
      const outcome = await store.save({ ...first, title: 'second' }, undefined).then(
        () => 'saved',
        (err: unknown) => err,
      );

      // Assess
      expect(outcome).toBeInstanceOf(ConflictError);
      expect(await store.get('demand', first.id)).toEqual(first);
    });

    it('replaces a record only over the version it was read at', async () => {
      // Prepare
      const v1 = demand(1);
      await store.save(v1, undefined);
      const v2 = { ...v1, title: 'v2', version: 2 };
      await store.save(v2, v1);

      // Act
      const stale = await store.save({ ...v1, title: 'stale', version: 2 }, v1).then(
        () => 'saved',
        (err: unknown) => err,
      );

      // Assess
      expect(stale).toBeInstanceOf(ConflictError);
      expect(await store.get('demand', v1.id)).toEqual(v2);
    });

    it('deletes a record, but not from a copy older than the stored one', async () => {
      // Prepare
      const v1 = learner(1);
      const other = learner(2);
      await store.save(v1, undefined);
      await store.save(other, undefined);
      const v2 = { ...v1, summary: 'changed', version: 2 };
      await store.save(v2, v1);

      // Act
      const stale = await store.remove(v1).then(
        () => 'removed',
        (err: unknown) => err,
      );
      await store.remove(other);

      // Assess
      expect(stale).toBeInstanceOf(ConflictError);
      expect(await store.get('learner', v1.id)).toEqual(v2);
      expect(await store.get('learner', other.id)).toBeUndefined();
    });

    it('writes in bulk idempotently: the same changes twice leave one copy of each', async () => {
      // Prepare
      const changes = [1, 2, 3].map((n) => ({ next: demand(n, { owner: 'bulk-owner' }) }));

      // Act
      await store.saveMany(changes);
      await store.saveMany(changes);

      // Assess
      expect(sorted(await everyPage((page) => store.listByOwner('demand', 'bulk-owner', page), 10))).toEqual(sorted(changes.map((c) => c.next.id)));
    });

    it('lists an owner’s records of one kind, every one once across pages', async () => {
      // Prepare
      const mine = [1, 2, 3, 4, 5].map((n) => demand(n, { owner: 'emp-a', region: n % 2 ? '110119' : '310104' }));
      await store.saveMany([...mine, demand(6, { owner: 'emp-b' })].map((next) => ({ next })));
      await store.save(learner(7, { owner: 'emp-a' }), undefined);

      // Act
      const listed = await everyPage((page) => store.listByOwner('demand', 'emp-a', page), 2);

      // Assess
      expect(sorted(listed)).toEqual(sorted(mine.map((d) => d.id)));
    });

    it('lists the records of a region and of every region inside it, every one once across pages', async () => {
      // Prepare
      const yanqing = [1, 2, 3].map((n) => learner(n, { region: '110119' }));
      const haidian = learner(4, { region: '110108' });
      const shanghai = learner(5, { region: '310104' });
      await store.saveMany([...yanqing, haidian, shanghai].map((next) => ({ next })));

      // Act
      const [district, beijing, national] = await Promise.all([
        everyPage((page) => store.listByRegion('learner', '110119', page), 2),
        everyPage((page) => store.listByRegion('learner', '110000', page), 2),
        everyPage((page) => store.listByRegion('learner', 'national', page), 2),
      ]);

      // Assess
      expect(sorted(district)).toEqual(sorted(yanqing.map((l) => l.id)));
      expect(sorted(beijing)).toEqual(sorted([...yanqing, haidian].map((l) => l.id)));
      expect(sorted(national)).toEqual(sorted([...yanqing, haidian, shanghai].map((l) => l.id)));
    });

    it('lists the records indexed under a skill, anywhere or within a region, every one once across pages', async () => {
      // Prepare
      const pilots = [1, 2, 3].map((n) => demand(n, { region: '110119', requiredSkills: [skill('uav-multirotor-piloting', 2)], preferredSkills: [] }));
      const farPilot = demand(4, { region: '310104', requiredSkills: [skill('uav-multirotor-piloting', 2)], preferredSkills: [] });
      const welder = demand(5, { region: '110119', requiredSkills: [skill('welding', 2)], preferredSkills: [] });
      await store.saveMany([...pilots, farPilot, welder].map((next) => ({ next })));

      // Act
      const [anywhere, beijing] = await Promise.all([
        everyPage((page) => store.listBySkill('demand', 'uav-multirotor-piloting', page), 2),
        everyPage((page) => store.listBySkillWithin('demand', 'uav-multirotor-piloting', '110000', page), 2),
      ]);

      // Assess
      expect(sorted(anywhere)).toEqual(sorted([...pilots, farPilot].map((d) => d.id)));
      expect(sorted(beijing)).toEqual(sorted(pilots.map((d) => d.id)));
    });

    it('keeps a record’s skill index in step when it is replaced or deleted', async () => {
      // Prepare
      const v1 = demand(1, { requiredSkills: [skill('uav-multirotor-piloting', 2)], preferredSkills: [] });
      const gone = demand(2, { requiredSkills: [skill('uav-multirotor-piloting', 2)], preferredSkills: [] });
      await store.save(v1, undefined);
      await store.save(gone, undefined);

      // Act
      await store.save({ ...v1, requiredSkills: [skill('welding', 2)], version: 2 }, v1);
      await store.remove(gone);

      // Assess
      expect(await everyPage((page) => store.listBySkill('demand', 'uav-multirotor-piloting', page), 10)).toEqual([]);
      expect(await everyPage((page) => store.listBySkill('demand', 'welding', page), 10)).toEqual([v1.id]);
    });
  });
}
