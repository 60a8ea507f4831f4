import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoJobIndex } from '../../shared/adapters/dynamodb/job-index.js';
import { keys } from '../../shared/adapters/dynamodb/keys.js';
import { DynamoProfileLinks } from '../../shared/adapters/dynamodb/profile-links.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import { ALL_TERM, demandTerms, queryTerms } from '../../shared/domain/jobs/terms.js';
import type { Demand } from '../../shared/domain/records.js';
import type { Clock } from '../../shared/ports/clock.js';
import { JobsQuerySchema } from '../../shared/schemas/action.js';
import { loadTaxonomy } from '../../shared/taxonomy/taxonomy.js';
import { makeSearchJobs } from '../../shared/use-cases/jobs.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';
import { recordFromInput } from '../../shared/use-cases/records.js';
import { freshTable, recordCommands } from './table.js';

/**
 * The job index's word search on DynamoDB Local: every term read in step until one term's
 * partitions end, the candidates checked against the other terms by their own term lists (or, for
 * entries written before entries carried one, by their `(term, demand)` keys).
 */

const NOW = new Date('2026-12-01T08:00:00Z');
const clock: Clock = { now: () => NOW };
const taxonomy = loadTaxonomy();

let table: Awaited<ReturnType<typeof freshTable>>;
let store: DynamoRecordStore;
let index: DynamoJobIndex;
let commands: string[];
const demands: Demand[] = [];

const demand = (i: number, title: string, region: string): Demand =>
  recordFromInput(
    'demand',
    'emp-index',
    { ref: `IDX-${i}`, employer: '北京某科技有限公司', title, description: '负责日常工作。', requiredSkills: [], preferredSkills: [], region, headcount: 1 + (i % 3), salaryMin: 5000 } as never,
    undefined,
    new Date(NOW.getTime() - i * 60_000),
  );

/** The ids of the demands whose title holds every one of these words, in the region prefix. */
const expected = (words: readonly string[], regionPrefix: string) =>
  demands
    .filter((d) => d.region.startsWith(regionPrefix) && words.every((w) => d.title.includes(w)))
    .map((d) => d.id)
    .sort();

const ids = (entries: ReadonlyArray<{ id: string }>) => entries.map((e) => e.id).sort();

beforeAll(async () => {
  table = await freshTable();
  store = new DynamoRecordStore(table.client, table.tableName, clock, { index: recordIndex });
  index = new DynamoJobIndex(table.client, table.tableName);
  commands = recordCommands(table.client, 'job-index-commands');
  // 240 common titles in two Beijing districts, 3 rare ones beside them, the rare title in
  // Shanghai, and a title sharing only the rare word.
  for (let i = 0; i < 240; i++) demands.push(demand(i, i % 2 === 0 ? '数据工程师' : '数据分析工程师', i % 3 === 0 ? '110101' : '110108'));
  for (let i = 240; i < 243; i++) demands.push(demand(i, '无人机工程师', '110108'));
  demands.push(demand(243, '无人机工程师', '310115'), demand(244, '无人机驾驶员', '110101'));
  await store.saveMany(demands.map((next) => ({ next })));
});
afterAll(() => table.drop());

describe('job index word search', () => {
  it('finds the demands holding every word after one round when a rare word ends first', async () => {
    // Prepare
    commands.length = 0;

    // Act
    const hits = await index.find({ terms: queryTerms('无人机工程'), region: '110000', perPartition: 2000 });

    // Assess: 无人 人机 机工 工程, one Query each; the common 工程 partition (243 entries) is not read to its end.
    expect(ids(hits.entries)).toEqual(expected(['无人机工程'], '11'));
    expect(hits.entries).toHaveLength(3);
    expect(hits.truncated).toBe(false);
    expect(commands).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand']);
  });

  it('reads common words round after round until one ends, and finds every demand holding them all', async () => {
    // Prepare
    commands.length = 0;

    // Act
    const hits = await index.find({ terms: queryTerms('数据分析工程'), region: '110000', perPartition: 2000 });

    // Assess: each partition holds more than the first round's 100 entries.
    expect(ids(hits.entries)).toEqual(expected(['数据分析工程'], '11'));
    expect(hits.entries).toHaveLength(120);
    expect(hits.truncated).toBe(false);
    expect(commands.length).toBeGreaterThan(queryTerms('数据分析工程').length);
  });

  it('keeps to the region asked for, or reads every province for national', async () => {
    // Act
    const district = await index.find({ terms: queryTerms('无人机'), region: '110101', perPartition: 2000 });
    const shanghai = await index.find({ terms: queryTerms('无人机工程'), region: '310000', perPartition: 2000 });
    const national = await index.find({ terms: queryTerms('无人机工程'), region: 'national', perPartition: 2000 });
    const commonNationally = await index.find({ terms: queryTerms('数据分析'), region: 'national', perPartition: 2000 });

    // Assess
    expect(ids(district.entries)).toEqual(expected(['无人机'], '110101'));
    expect(ids(shanghai.entries)).toEqual(expected(['无人机工程'], '31'));
    expect(shanghai.entries).toHaveLength(1);
    expect(ids(national.entries)).toEqual(expected(['无人机工程'], ''));
    expect(national.entries).toHaveLength(4);
    expect(ids(commonNationally.entries)).toEqual(expected(['数据分析'], ''));
  });

  it('says so when every word passes the cap, and then finds only demands holding them all', async () => {
    // Act
    const hits = await index.find({ terms: queryTerms('数据工程'), region: '110000', perPartition: 50 });

    // Assess
    expect(hits.truncated).toBe(true);
    expect(hits.entries.length).toBeGreaterThan(0);
    expect(hits.entries.length).toBeLessThanOrEqual(50);
    expect(ids(hits.entries).every((id) => expected(['数据工程'], '11').includes(id))).toBe(true);
  });

  it("reads the seeker's own region first when a word is too common for the cap, and only there", async () => {
    // Act: 数据 is in all 240 common titles, 80 in 110101 (first by key) and 160 in 110108.
    const plain = await index.find({ terms: queryTerms('数据'), region: '110000', perPartition: 100 });
    const near = await index.find({ terms: queryTerms('数据'), region: '110000', perPartition: 100, prefer: Promise.resolve('110108') });
    const elsewhere = await index.find({ terms: queryTerms('数据'), region: '110000', perPartition: 100, prefer: Promise.resolve('310115') });
    const wide = await index.find({ terms: queryTerms('数据'), region: '110000', perPartition: 2000, prefer: Promise.resolve('110108') });

    // Assess
    expect(plain.truncated).toBe(true);
    expect(plain.entries.filter((e) => e.region === '110101')).toHaveLength(80);
    expect(near.truncated).toBe(true);
    expect(near.entries).toHaveLength(100);
    expect(near.entries.every((e) => e.region === '110108' && expected(['数据'], '110108').includes(e.id))).toBe(true);
    expect(ids(elsewhere.entries)).toEqual(ids(plain.entries));
    expect(wide.truncated).toBe(false);
    expect(ids(wide.entries)).toEqual(expected(['数据'], '11'));
  });

  it('checks entries written without a term list by their (term, demand) keys', async () => {
    // Prepare: every entry of a match and of a demand holding only some of the words loses its term list.
    const match = demands[240]!;
    const partial = demands[244]!;
    for (const d of [match, partial]) {
      for (const term of demandTerms(d)) {
        await table.client.send(new UpdateCommand({ TableName: table.tableName, Key: keys.jobTerm(term, d.region, d.id), UpdateExpression: 'REMOVE #t', ExpressionAttributeNames: { '#t': 'terms' } }));
      }
    }
    commands.length = 0;

    // Act: 机工 and 机驾 are the rarest words, so the old entries are the candidates.
    const both = await index.find({ terms: queryTerms('无人机工程'), region: '110000', perPartition: 2000 });
    const held = await index.find({ terms: queryTerms('机驾 无人'), region: '110000', perPartition: 2000 });
    const missing = await index.find({ terms: queryTerms('机驾 工程'), region: '110000', perPartition: 2000 });

    // Assess
    expect(ids(both.entries)).toEqual(expected(['无人机工程'], '11'));
    expect(ids(held.entries)).toEqual([partial.id]);
    expect(missing.entries).toEqual([]);
    expect(commands).toContain('BatchGetItemCommand');
  });

  it('reads the cards of open demands only, with what a result shows and no description', async () => {
    // Prepare
    const closing = demands[241]!;
    await store.save({ ...closing, status: 'closed', version: closing.version + 1 }, closing);

    // Act
    const cards = await index.cards([demands[0]!.id, closing.id, 'd_unknown']);

    // Assess
    expect([...cards.keys()]).toEqual([demands[0]!.id]);
    expect(cards.get(demands[0]!.id)).toEqual({
      id: demands[0]!.id,
      ref: 'IDX-0',
      title: '数据工程师',
      employer: '北京某科技有限公司',
      region: '110101',
      headcount: 1,
      skills: [],
      salaryMin: 5000,
      createdAt: demands[0]!.createdAt,
    });
  });
  it('reads browse entries newest first with the card they carry, the same as the demand shows', async () => {
    // Prepare
    commands.length = 0;

    // Act
    const hits = await index.find({ terms: [ALL_TERM], region: '110101', perPartition: 5 });
    const cards = await index.cards(hits.entries.map((e) => e.id));

    // Assess
    const newest = demands
      .filter((d) => d.region === '110101')
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .slice(0, 5)
      .map((d) => d.id);
    expect(hits.entries.map((e) => e.id)).toEqual(newest);
    expect(hits.entries.map((e) => e.card)).toEqual(newest.map((id) => cards.get(id)));
    expect(commands[0]).toBe('QueryCommand');
  });
});

describe('job search over the term index', () => {
  it('shows the page with its cards, in the same order and pages as before, and flags a capped search', async () => {
    // Prepare
    const search = makeSearchJobs({ jobs: index, store, links: new DynamoProfileLinks(table.client, table.tableName), clock, taxonomy, perPartition: 50 });
    const caller = { sub: 'nobody', role: 'employer' } as const;
    const all = [...demands].filter((d) => d.region.startsWith('11') && d.title.includes('无人机') && d.status === 'open');

    // Act
    const first = await search(caller, JobsQuerySchema.parse({ q: '无人机', region: '110000', limit: '2' }), 'zh');
    const second = await search(caller, JobsQuerySchema.parse({ q: '无人机', region: '110000', limit: '2', nextToken: first.nextToken }), 'zh');
    const capped = await search(caller, JobsQuerySchema.parse({ q: '数据工程', region: '110000' }), 'zh');

    // Assess: newest first (no profile), the closed demand gone, and nothing lost between pages.
    const stored = await store.getMany('demand', all.map((d) => d.id));
    const open = all.filter((d) => stored.get(d.id)?.kind === 'demand' && (stored.get(d.id) as Demand).status === 'open');
    const newest = [...open].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map((d) => d.id);
    expect([...first.items, ...second.items].map((j) => j.id)).toEqual(newest);
    expect(first.items[0]).toMatchObject({ title: open.find((d) => d.id === newest[0])!.title, employer: '北京某科技有限公司', region: expect.any(String) });
    expect(first.items[0]).not.toHaveProperty('description');
    expect(first.truncated).toBeUndefined();
    expect(capped.truncated).toBe(true);
    expect(capped.items.length).toBeGreaterThan(0);
  });

  it('shows the same pages when a long term is read without its cards (the page\'s cards read apart)', async () => {
    // Prepare: the same search over an index that reads past the first round without cards.
    const deps = { store, links: new DynamoProfileLinks(table.client, table.tableName), clock, taxonomy, perPartition: 2000 };
    const full = makeSearchJobs({ ...deps, jobs: index });
    const slim = makeSearchJobs({ ...deps, jobs: new DynamoJobIndex(table.client, table.tableName, { slimFrom: 0 }) });
    const caller = { sub: 'nobody', role: 'employer' } as const;
    const query = (nextToken?: string) => JobsQuerySchema.parse({ q: '数据分析工程', region: '110000', limit: '50', ...(nextToken ? { nextToken } : {}) });

    // Act
    const pages = [];
    for (const search of [full, slim]) {
      const first = await search(caller, query(), 'zh');
      commands.length = 0;
      const second = await search(caller, query(first.nextToken), 'zh');
      pages.push({ items: [...first.items, ...second.items], commands: [...commands] });
    }

    // Assess: every one of the 120 demands, in the same order with the same cards; the slim read asked for the page's cards once more.
    expect(pages[0]!.items).toHaveLength(100);
    expect(pages[1]!.items).toEqual(pages[0]!.items);
    const batchGets = (list: readonly string[]) => list.filter((c) => c === 'BatchGetItemCommand').length;
    expect(batchGets(pages[1]!.commands)).toBe(batchGets(pages[0]!.commands) + 1);
  });
});
