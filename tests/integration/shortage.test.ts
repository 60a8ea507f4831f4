import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as updateShortage, makeStreamHandler } from '#functions/update-shortage.js';
import { DynamoRecordStore } from '#shared/adapters/dynamodb/record-store.js';
import { DynamoShortageStore } from '#shared/adapters/dynamodb/shortage-store.js';
import type { AnyRecord } from '#shared/domain/records.js';
import { ShortageTally, tallyShortage, withoutExpired, type ShortageCounter } from '#shared/domain/shortage.js';
import { systemClock } from '#shared/ports/clock.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import type { Level } from '#shared/taxonomy/levels.js';
import { makeRebuildShortage } from '#shared/use-cases/rebuild-shortage.js';
import { createStreamPoller, type StreamPoller } from '../../local/stream-poller.js';
import { demandRecord, learnerRecord, skill } from '../fixtures/shortage-records.js';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';
import { freshTable } from './table.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';

const context = { functionName: 'update-shortage', awsRequestId: 'test' } as Context;

type Table = Awaited<ReturnType<typeof freshTable>>;

/** Every counter item of a table, as the model sees it: expired and zero cells left out. */
async function liveCounters(table: Table): Promise<ShortageCounter[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await table.client.send(new ScanCommand({ TableName: table.tableName, FilterExpression: 'entity = :e', ExpressionAttributeValues: { ':e': 'SHORTAGE' }, ExclusiveStartKey: startKey }));
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  const counters = items.map(({ pk: _p, sk: _s, entity: _e, region, skillId, ...cells }) => ({ region: region as string, skillId: skillId as string, cells: cells as Record<string, number> }));
  return new ShortageTally().add(withoutExpired(counters, systemClock.now())).counters();
}

/** Taxonomy skill ids that are not deprecated, for records that name many skills. */
const manySkillIds = (n: number) => [...loadTaxonomy().skills.values()].filter((s) => !s.deprecated).slice(0, n).map((s) => s.id);

describe('shortage index', () => {
  let api: Api;
  let poller: StreamPoller;
  let shortage: DynamoShortageStore;
  /** Every event the poller delivered, to deliver again. */
  const delivered: DynamoDBStreamEvent[] = [];
  let employer: string;
  let bureauYanqing: string;
  let bureauBeijing: string;
  let jobseeker: string;

  beforeAll(async () => {
    api = await startApi({ stream: true });
    shortage = new DynamoShortageStore(api.table.client, api.table.tableName, systemClock);
    poller = createStreamPoller({
      endpoint: api.table.endpoint,
      tableName: api.table.tableName,
      handler: (event, ctx) => {
        delivered.push(event);
        return updateShortage(event, ctx);
      },
    });
    employer = await api.token('employer', 'emp-shortage');
    bureauYanqing = await api.token('bureau', 'bur-yq', '110119');
    bureauBeijing = await api.token('bureau', 'bur-bj', '110000');
    jobseeker = await api.token('jobseeker', 'js-shortage');
  });
  afterAll(async () => {
    await poller.stop();
    await api.close();
  });

  it('counts demands and learners written through the API for the district, its city, province and the nation', async () => {
    // Prepare
    const demand = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'SH-ROLLUP', region: '110119', headcount: 3 }) });
    await api.call('POST', '/learners', { token: jobseeker, body: learnerBody({ ref: 'SH-ROLLUP', region: '110119' }) });
    const required = (demand.body.requiredSkills as Array<{ skillId: string; level: number | null }>).filter((s) => s.skillId);
    const preferred = (demand.body.preferredSkills as Array<{ skillId: string }>).filter((s) => s.skillId);

    // Act
    await poller.processUntilIdle();

    // Assess
    for (const region of ['110119', '110100', '110000', 'national']) {
      const entries = await shortage.forRegion(region);
      for (const s of required) expect(entries.get(s.skillId)?.demand).toBe(3);
      for (const s of preferred) expect(entries.get(s.skillId)?.demand).toBe(1.5);
    }
    expect((await shortage.forRegion('310000')).size).toBe(0);
  });

  it('follows a demand through update, move, close and delete', async () => {
    // Prepare
    const created = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'SH-LIFE', region: '110105', headcount: 2, requiredSkills: ['uav-maintenance'], preferredSkills: [] }) });
    const id = created.body.id as string;
    const at = async (region: string) => (await shortage.forRegion(region, ['uav-maintenance'])).get('uav-maintenance')?.demand ?? 0;
    await poller.processUntilIdle();
    const startShanghai = await at('310115');
    const startChaoyang = await at('110105');

    // Act and assess, step by step
    await api.call('PATCH', `/demands/${id}`, { token: employer, body: { headcount: 5 } });
    await poller.processUntilIdle();
    expect(await at('110105')).toBe(startChaoyang + 3);

    await api.call('PATCH', `/demands/${id}`, { token: employer, body: { region: '310115' } });
    await poller.processUntilIdle();
    expect(await at('110105')).toBe(startChaoyang - 2);
    expect(await at('310115')).toBe(startShanghai + 5);

    await api.call('PATCH', `/demands/${id}`, { token: employer, body: { status: 'closed' } });
    await poller.processUntilIdle();
    expect(await at('310115')).toBe(startShanghai);

    await api.call('PATCH', `/demands/${id}`, { token: employer, body: { status: 'open', expiresAt: '2020-01-01T00:00:00+08:00' } });
    await poller.processUntilIdle();
    expect(await at('310115')).toBe(startShanghai);

    await api.call('PATCH', `/demands/${id}`, { token: employer, body: { expiresAt: null } });
    await poller.processUntilIdle();
    expect(await at('310115')).toBe(startShanghai + 5);

    await api.call('DELETE', `/demands/${id}`, { token: employer });
    await poller.processUntilIdle();
    expect(await at('310115')).toBe(startShanghai);
  });

  it('counts learner supply at or above the level demand needs', async () => {
    // Prepare: a Chongqing district of its own, so other tests do not add to it.
    const region = '500101';
    await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'SH-LEVEL', region, headcount: 4, requiredSkills: [{ skill: 'uav-flight-controller', level: 3 }], preferredSkills: [] }) });
    for (const [ref, level] of [['a', 1], ['b', 3], ['c', 5]] as const) {
      await api.call('POST', '/learners', { token: await api.token('jobseeker', `js-level-${ref}`), body: learnerBody({ ref, region, skills: [{ skill: 'uav-flight-controller', level }] }) });
    }

    // Act
    await poller.processUntilIdle();
    const entry = (await shortage.forRegion(region)).get('uav-flight-controller');

    // Assess
    expect(entry).toMatchObject({ demand: 4, supply: 2 });
    expect(entry?.index).toBeCloseTo((4 + 2) / (2 + 2));
  });

  it('counts a redelivered stream record once', async () => {
    // Prepare
    await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'SH-REDELIVER', region: '440305', headcount: 7 }) });
    await poller.processUntilIdle();
    const table = api.table;
    const before = await liveCounters(table);
    expect(delivered.length).toBeGreaterThan(0);

    // Act: every event delivered so far, delivered again, then the whole stream read again from its start.
    for (const event of delivered) {
      const result = await updateShortage(event, context);
      expect(result.batchItemFailures).toEqual([]);
    }
    const rereader = createStreamPoller({ endpoint: table.endpoint, tableName: table.tableName });
    const reread = await rereader.processUntilIdle();
    await rereader.stop();

    // Assess
    expect(reread).toBeGreaterThan(0);
    expect(await liveCounters(table)).toEqual(before);
  });

  it('applies a record touching more than 99 counters in chunks, each once', async () => {
    // Prepare: 30 skills in 4 regions are 120 counters, two transactions.
    const ids = manySkillIds(30);
    await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'SH-WIDE', region: '120101', headcount: 1, requiredSkills: ids, preferredSkills: [] }) });
    const seen = delivered.length;

    // Act
    await poller.processUntilIdle();
    const first = delivered.slice(seen);
    for (const event of first) await updateShortage(event, context);

    // Assess
    const entries = await shortage.forRegion('120101');
    expect(ids.every((id) => entries.get(id)?.demand === 1)).toBe(true);
    const markers = (await api.allItems()).filter((i) => i.entity === 'SHORTAGE_EVENT' && first.some((e) => e.Records.some((r) => i.pk === `SHORTAGE_EVENT#${r.eventID}`)));
    expect(markers.map((m) => m.sk).sort()).toEqual(['CHUNK#0', 'CHUNK#1']);
    expect(markers.every((m) => typeof m.ttl === 'number' && (m.ttl as number) > Date.now() / 1000)).toBe(true);
  });

  it('finishes a record whose first chunk was applied before a crash, without applying that chunk again', async () => {
    // Prepare
    const wide = learnerRecord({ id: 'l_wwwwwwwwwwwwwwwwwwww', region: '130102', skills: manySkillIds(30).map((id) => skill(id, 2)) });
    const delta = tallyShortage([wide]);
    await shortage.applyOnce('ev-crashed', delta.slice(0, 99));

    // Act
    const result = await shortage.applyOnce('ev-crashed', delta);
    const again = await shortage.applyOnce('ev-crashed', delta);

    // Assess
    expect(result).toEqual({ applied: 1, duplicates: 1 });
    expect(again).toEqual({ applied: 0, duplicates: 2 });
    const counters = await shortage.countersForRegion('130102');
    expect(counters).toHaveLength(30);
    expect(counters.every((c) => c.cells['s:2'] === 1)).toBe(true);
  });

  it('answers employers for any region, national by default, ranked by index with labels', async () => {
    // Act
    const national = await api.call('GET', '/insights/shortage', { token: employer });
    const beijing = await api.call('GET', '/insights/shortage?region=北京市&limit=3', { token: employer });

    // Assess
    expect(national.status).toBe(200);
    expect(national.body.region).toBe('national');
    const indexes = (national.body.items as Array<{ index: number }>).map((i) => i.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
    expect(national.body.items[0]).toMatchObject({ skillId: expect.any(String), label: { zh: expect.any(String), en: expect.any(String) }, demand: expect.any(Number), supply: expect.any(Number) });
    expect(beijing.body.region).toBe('110000');
    expect(beijing.body.items).toHaveLength(3);
  });

  it('answers bureau staff for their region by default and only inside it', async () => {
    // Act
    const own = await api.call('GET', '/insights/shortage', { token: bureauYanqing });
    const inside = await api.call('GET', '/insights/shortage?region=110119', { token: bureauBeijing });
    const outside = await api.call('GET', '/insights/shortage?region=310000', { token: bureauBeijing });
    const wider = await api.call('GET', '/insights/shortage?region=national', { token: bureauYanqing });

    // Assess
    expect(own.status).toBe(200);
    expect(own.body.region).toBe('110119');
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(inside.body).toEqual(own.body);
    expect(outside.status).toBe(403);
    expect(wider.status).toBe(403);
  });

  it('refuses job seekers and names a bad region', async () => {
    // Act
    const seeker = await api.call('GET', '/insights/shortage', { token: jobseeker });
    const bad = await api.call('GET', '/insights/shortage?region=Atlantis', { token: employer });

    // Assess
    expect(seeker.status).toBe(403);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('/region');
  });
});

describe('shortage index rebuild', () => {
  let table: Table;
  let records: DynamoRecordStore;
  let shortage: DynamoShortageStore;
  let poller: StreamPoller;

  beforeAll(async () => {
    table = await freshTable({ stream: true });
    records = new DynamoRecordStore(table.client, table.tableName, systemClock, { index: recordIndex });
    shortage = new DynamoShortageStore(table.client, table.tableName, systemClock);
    poller = createStreamPoller({ endpoint: table.endpoint, tableName: table.tableName, handler: makeStreamHandler(() => ({ shortage })) });
  });
  afterAll(async () => {
    await poller.stop();
    await table.drop();
  });

  const rebuild = () => makeRebuildShortage({ shortage, clock: systemClock })();

  it('gives after any sequence of writes the same counters as a full rebuild', async () => {
    const ids = { demand: ['d_aaaaaaaaaaaaaaaaaaaa', 'd_bbbbbbbbbbbbbbbbbbbb', 'd_cccccccccccccccccccc'], learner: ['l_aaaaaaaaaaaaaaaaaaaa', 'l_bbbbbbbbbbbbbbbbbbbb'] };
    const level = fc.option(fc.constantFrom<Level>(1, 2, 3, 4, 5), { nil: null });
    const skills = fc
      .uniqueArray(fc.record({ id: fc.constantFrom('uav-multirotor-piloting', 'uav-maintenance', 'uav-aerial-photography', 'python-programming'), level }), { selector: (s) => s.id, minLength: 1, maxLength: 3 })
      .map((list) => list.map((s) => skill(s.id, s.level)));
    const region = fc.constantFrom('110119', '110105', '110000', '310115', 'national');
    const demand = fc.record({
      id: fc.constantFrom(...ids.demand),
      region,
      headcount: fc.integer({ min: 1, max: 9 }),
      status: fc.constantFrom('open' as const, 'closed' as const),
      requiredSkills: skills,
      preferredSkills: skills,
      expiresAt: fc.option(fc.constantFrom('2020-01-01T00:00:00+08:00', '2099-01-01T12:00:00+08:00'), { nil: undefined }),
    });
    const learner = fc.record({ id: fc.constantFrom(...ids.learner), region, skills });
    const write = fc.oneof(
      fc.record({ demand }),
      fc.record({ learner }),
      fc.record({ remove: fc.constantFrom(...ids.demand, ...ids.learner) }),
    );
    const stored = new Map<string, AnyRecord>();
    let compared = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 15 }), async (writes) => {
        // Prepare: nothing; each run continues from the state the last one left, a rebuild included.

        // Act
        for (const w of writes) {
          const id = 'remove' in w ? w.remove : 'demand' in w ? w.demand.id : w.learner.id;
          const previous = stored.get(id);
          if ('remove' in w) {
            if (previous === undefined) continue;
            await records.remove(previous);
            stored.delete(id);
            continue;
          }
          const version = (previous?.version ?? 0) + 1;
          const next = 'demand' in w ? demandRecord({ ...w.demand, version }) : learnerRecord({ ...w.learner, version });
          await records.save(next, previous);
          stored.set(id, next);
        }
        await poller.processUntilIdle();
        const incremental = await liveCounters(table);
        await rebuild();
        const rebuilt = await liveCounters(table);

        // Assess
        expect(incremental).toEqual(rebuilt);
        expect(rebuilt).toEqual(withoutExpired(tallyShortage(stored.values()), systemClock.now()));
        compared += rebuilt.length;
      }),
      { numRuns: 6 },
    );
    expect(compared).toBeGreaterThan(0);
  });

  it('deletes counters that nothing counts for any more', async () => {
    // Prepare: a counter no record stands behind, as a lost or mis-applied stream record would leave.
    await shortage.applyOnce('ev-stray', [{ region: '650102', skillId: 'uav-maintenance', cells: { 'd:never:1': 3 } }]);

    // Act
    const summary = await rebuild();

    // Assess
    expect(summary.deleted).toBeGreaterThan(0);
    expect(await shortage.countersForRegion('650102')).toEqual([]);
  });
});
