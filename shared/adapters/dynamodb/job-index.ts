import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ALL_TERM, demandTerms } from '../../domain/jobs/terms.js';
import { regionChain } from '../../regions/regions.js';
import type { Demand, IndexedSkill } from '../../domain/records.js';
import type { JobCard, JobEntry, JobHits, JobIndex, JobLookup } from '../../ports/job-index.js';
import { batchGetAll } from './batch-get.js';
import { translateDynamoError } from './errors.js';
import { toRecord, type Item, type Key } from './items.js';
import { keys, PROVINCES, provinceOf, regionPrefix } from './keys.js';
import { decodeSkillVector, encodeSkillVector } from './skill-vector.js';

/** Entity of a job-search index item. */
export const JOB_ENTITY = 'JOB';

/**
 * Entries read from each term partition in the first round of a word search, all terms in
 * parallel. Most searches end there: one term's partitions are read to their end.
 */
export const FIRST_ROUND = 100;

/**
 * What a term entry read past the first round brings back: what a search filters, ranks and
 * intersects by, not the card (title, employer, the skills as posted). A common word's long read
 * is hundreds of entries of which a page shows 20; their cards are read for the page alone
 * (`cards`). Parsing and decoding the cards of every entry was most of the Node side of such a
 * search (docs/jobs.md, "Where the time goes").
 */
const RANKING_PROJECTION = {
  ProjectionExpression: ['pk', 'sk', 'recordId', 'region', 'skillVector', 'createdAt', 'salaryMin', 'salaryMax', 'minLevel', 'expiresAt', 'remote', 'terms'].map((_, i) => `#p${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(['pk', 'sk', 'recordId', 'region', 'skillVector', 'createdAt', 'salaryMin', 'salaryMax', 'minLevel', 'expiresAt', 'remote', 'terms'].map((name, i) => [`#p${i}`, name])),
};

/**
 * Entries of a term read with their cards; a longer term's further entries come without
 * ({@link RANKING_PROJECTION}). Up to here the cards cost less to parse than the request that
 * reads the page's cards apart, and most searches end before it. With the search's default cap
 * (400 entries a term) nothing is read slim; a larger cap reads its long terms slim.
 */
export const SLIM_FROM = 400;

/** The regions whose browse lists hold a demand: its own and each containing it, up to national. */
const browseScopes = (demand: Demand): string[] => {
  const chain = regionChain(demand.region);
  return chain.length > 0 ? chain : [demand.region];
};

/** The keys of a demand's job-search entries (whether or not it is active now). */
export const jobTermKeys = (demand: Demand): Key[] => [
  ...demandTerms(demand).map((t) => keys.jobTerm(t, demand.region, demand.id)),
  ...browseScopes(demand).map((scope) => keys.jobBrowse(scope, demand.createdAt, demand.id)),
];

/**
 * A demand's job-search entries: one per search term, and one in the browse list of its region and
 * of each region containing it (newest last). Each carries what a search filters and ranks by
 * (region, pay, remote, expiry, the compact skill vector, creation time) and the card a result
 * shows, so a search reads no records. A term entry also lists all the demand's terms
 * (space-separated), so a search reads one term's partition and checks the others on the entries
 * it read. The record store writes them in the demand's own transaction, while the demand is
 * active (open, unexpired), as it does the skill index. `skills` is the demand's skill vector (the
 * one its skill-index items carry), computed outside the adapter.
 */
export function jobTermItems(demand: Demand, skills: readonly IndexedSkill[]): Item[] {
  const entry = {
    entity: JOB_ENTITY,
    recordId: demand.id,
    region: demand.region,
    skillVector: encodeSkillVector(skills),
    createdAt: demand.createdAt,
    ...(demand.salaryMin !== undefined ? { salaryMin: demand.salaryMin } : {}),
    ...(demand.salaryMax !== undefined ? { salaryMax: demand.salaryMax } : {}),
    ...(demand.minLevel !== undefined ? { minLevel: demand.minLevel } : {}),
    ...(demand.expiresAt !== undefined ? { expiresAt: demand.expiresAt } : {}),
    ...(demand.remote !== undefined ? { remote: demand.remote } : {}),
  };
  const { id: _id, region: _r, createdAt: _c, salaryMin: _smin, salaryMax: _smax, expiresAt: _e, remote: _rem, ...shown } = toCard(demand);
  const terms = demandTerms(demand);
  const all = terms.join(' ');
  return [
    ...terms.map((term) => ({ ...keys.jobTerm(term, demand.region, demand.id), term, terms: all, ...entry, ...shown })),
    ...browseScopes(demand).map((scope) => ({ ...keys.jobBrowse(scope, demand.createdAt, demand.id), term: ALL_TERM, ...entry, ...shown })),
  ];
}

const toEntry = (item: Item): JobEntry => ({
  id: item.recordId as string,
  region: item.region as string,
  createdAt: item.createdAt as string,
  skillVector: decodeSkillVector(String(item.skillVector ?? '')),
  ...(item.salaryMin !== undefined ? { salaryMin: item.salaryMin as number } : {}),
  ...(item.salaryMax !== undefined ? { salaryMax: item.salaryMax as number } : {}),
  ...(item.minLevel !== undefined ? { minLevel: item.minLevel as NonNullable<JobEntry['minLevel']> } : {}),
  ...(item.expiresAt !== undefined ? { expiresAt: item.expiresAt as string } : {}),
  ...(item.remote !== undefined ? { remote: item.remote as boolean } : {}),
});

/** An entry with the card it carries (every entry written since cards rode on them again does; before, every entry did). */
const toCardEntry = (item: Item): JobEntry => {
  const entry = toEntry(item);
  if (typeof item.title !== 'string') return entry;
  const { skillVector: _v, minLevel: _m, ...rest } = entry;
  return { ...entry, card: { ...rest, ref: item.ref as string, title: item.title as string, employer: item.employer as string, headcount: item.headcount as number, skills: item.skills as JobCard['skills'] } };
};

const toCard = (demand: Demand): JobCard => ({
  id: demand.id,
  ref: demand.ref,
  title: demand.title,
  employer: demand.employer,
  region: demand.region,
  headcount: demand.headcount,
  skills: [
    ...demand.requiredSkills.map((s) => ({ text: s.text, skillId: s.skillId, level: s.level, role: 'required' as const })),
    ...demand.preferredSkills.map((s) => ({ text: s.text, skillId: s.skillId, level: s.level, role: 'preferred' as const })),
  ],
  createdAt: demand.createdAt,
  ...(demand.salaryMin !== undefined ? { salaryMin: demand.salaryMin } : {}),
  ...(demand.salaryMax !== undefined ? { salaryMax: demand.salaryMax } : {}),
  ...(demand.expiresAt !== undefined ? { expiresAt: demand.expiresAt } : {}),
  ...(demand.remote !== undefined ? { remote: demand.remote } : {}),
});

/**
 * How far into its key space (from 0 to 1) a term partition's sort key lies, after the prefix all
 * its keys share (the region's, or the province's): its next characters read as a fraction (ids
 * are hashes, so they spread evenly). Only used to compare partitions, so a rough scale is enough.
 */
const position = (sk: string, shared: string): number => {
  let x = 0;
  let scale = 1;
  for (const ch of sk.slice(shared.length, shared.length + 8)) {
    scale /= 80;
    x += Math.min(Math.max(ch.charCodeAt(0) - 47, 0), 79) * scale;
  }
  return Math.max(x, 1e-9);
};

/**
 * About how many entries a term's partitions hold, from what a first round read: a partition read
 * to its end holds what it gave; one that stopped at key position p after n entries, about n / p.
 * Only chooses which term to read first: the results are exact whichever term is read.
 */
const estimate = (parts: readonly PartitionRead[]): number =>
  parts.reduce((n, r) => {
    const last = r.items.at(-1)?.sk;
    return n + (r.ended || typeof last !== 'string' ? r.items.length : r.items.length / position(last, r.shared));
  }, 0);

/** One partition read in step with the others: what it has given so far and where it stopped. */
interface PartitionRead {
  readonly pk: string;
  /** The sort-key prefix all its entries in the region share: the region's, or its province's. */
  readonly shared: string;
  readonly items: Item[];
  start?: Record<string, unknown> | undefined;
  /** Read to its end (within the region prefix). */
  ended: boolean;
}

/**
 * DynamoDB implementation of {@link JobIndex}. A word search reads the first entries of every
 * term's partitions (in parallel); unless one term ends there, the term that looks rarest (its
 * first entries reach furthest into the key space) is read alone to its end. Its entries are the
 * candidates, and each entry's own term list decides whether it holds every other term: the
 * results are those of intersecting every term's partition, while reading about one.
 */
export class DynamoJobIndex implements JobIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: { readonly slimFrom?: number } = {},
  ) {}

  async find({ terms, region, perPartition, prefer }: JobLookup): Promise<JobHits> {
    // No words, no skill: the region's browse list, newest first.
    if (terms.length === 1 && terms[0] === ALL_TERM) {
      const read: PartitionRead = { pk: keys.jobBrowsePartition(region), shared: '', items: [], ended: false };
      await this.read(read, '', perPartition, true);
      return { entries: read.items.map(toCardEntry), truncated: false };
    }
    if (terms.length === 0) return { entries: [], truncated: false };
    const prefix = regionPrefix(region);
    const provinces = region === 'national' ? PROVINCES : [provinceOf(region)];
    const reads = terms.map((term) => provinces.map((p): PartitionRead => ({ pk: keys.jobTermPartition(p, term), shared: prefix.length >= p.length ? prefix : p, items: [], ended: false })));
    const size = (parts: readonly PartitionRead[]) => parts.reduce((n, r) => n + r.items.length, 0);
    const ended = (parts: readonly PartitionRead[]) => parts.every((r) => r.ended);

    const readAll = (terms: ReadonlyArray<readonly PartitionRead[]>, until: number, slim: boolean) =>
      Promise.all(terms.flat().map((r) => (r.ended || r.items.length >= until ? undefined : this.read(r, prefix, until, false, slim))));
    // A first round of each term, with cards: most searches end here (one term's partitions end).
    // A single term has nothing to compare with: its first round goes as far as cards are read.
    const slimFrom = this.options.slimFrom ?? SLIM_FROM;
    await readAll(reads, Math.min(reads.length === 1 ? Math.max(slimFrom, FIRST_ROUND) : FIRST_ROUND, perPartition), false);
    let guess = -1;
    let preferred: Item[] = [];
    if (!reads.some(ended)) {
      // Every term has more entries: the one that looks rarest is read alone, to its end or the cap;
      // past SLIM_FROM entries without cards (the page's cards are then read apart: one more request).
      guess = reads.reduce((best, parts, i) => (estimate(parts) < estimate(reads[best]!) ? i : best), 0);
      const parts = reads[guess]!;
      await readAll([parts], Math.min(slimFrom, perPartition), false);
      await readAll([parts], perPartition, true);
      // Past the cap: the preferred region's entries as well, so a capped search still ranks the
      // demands nearest the seeker.
      const near = !ended(parts) && parts.length === 1 ? await prefer : undefined;
      const nearPrefix = near === undefined ? '' : regionPrefix(near);
      if (nearPrefix.length > prefix.length && nearPrefix.startsWith(prefix)) {
        const own: PartitionRead = { pk: parts[0]!.pk, shared: nearPrefix, items: [], ended: false };
        await this.read(own, nearPrefix, perPartition, false, perPartition > slimFrom);
        preferred = own.items;
      }
    }
    // The term read to its end with the fewest entries; failing that (the rarest-looking term is
    // past the cap), that term's entries read: the answer is then truncated.
    const whole = reads.map((parts, i) => ({ parts, i })).filter(({ parts }) => ended(parts));
    const chosen = whole.length > 0 ? whole.reduce((best, next) => (size(next.parts) < size(best.parts) ? next : best)) : { parts: reads[guess]!, i: guess };
    const others = terms.filter((_, i) => i !== chosen.i);
    const read = chosen.parts.flatMap((r) => r.items);
    const nearKeys = new Set(preferred.map((i) => i.sk));
    const items = whole.length > 0 ? read : [...preferred, ...read.filter((i) => !nearKeys.has(i.sk))].slice(0, Math.max(perPartition, read.length));
    const entries = await this.holdingAll(items, others);
    return { entries: entries.map(toCardEntry), truncated: whole.length === 0 };
  }

  /**
   * The entries (of one term) whose demand is also indexed under every one of `others`: by the
   * entry's own term list, or for an entry written before entries carried one, by reading the
   * `(term, demand)` keys.
   */
  private async holdingAll(items: readonly Item[], others: readonly string[]): Promise<Item[]> {
    if (others.length === 0) return [...items];
    const listed = items.filter((i) => typeof i.terms === 'string');
    const legacy = items.filter((i) => typeof i.terms !== 'string');
    // Terms hold no space: a term is in the list when ` term ` is in ` list `.
    const wanted = others.map((t) => ` ${t} `);
    const kept = listed.filter((i) => {
      const list = ` ${i.terms as string} `;
      return wanted.every((t) => list.includes(t));
    });
    if (legacy.length === 0) return kept;
    const legacyKeys = legacy.flatMap((i) => others.map((t) => keys.jobTerm(t, i.region as string, i.recordId as string)));
    const found = await batchGetAll(this.client, this.tableName, legacyKeys, { projection: 'pk, sk', what: 'Searching jobs' });
    const present = new Set(found.map((k) => `${k.pk as string}\u0000${k.sk as string}`));
    return [
      ...kept,
      ...legacy.filter((i) =>
        others.every((t) => {
          const k = keys.jobTerm(t, i.region as string, i.recordId as string);
          return present.has(`${k.pk}\u0000${k.sk}`);
        }),
      ),
    ];
  }

  async cards(ids: readonly string[]): Promise<Map<string, JobCard>> {
    const wanted = [...new Set(ids)].map((id) => keys.record('demand', id));
    const out = new Map<string, JobCard>();
    if (wanted.length === 0) return out;
    for (const item of await batchGetAll(this.client, this.tableName, wanted, { what: 'Reading jobs' })) {
      const demand = toRecord(item);
      if (demand.kind === 'demand' && demand.status === 'open') out.set(demand.id, toCard(demand));
    }
    return out;
  }

  /** Reads a partition on from where it stopped until it holds `until` entries or ends; `slim`: without the cards. */
  private async read(r: PartitionRead, prefix: string, until: number, newestFirst: boolean, slim = false): Promise<void> {
    do {
      try {
        const page = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
            ExpressionAttributeValues: { ':pk': r.pk, ...(prefix ? { ':prefix': prefix } : {}) },
            Limit: until - r.items.length,
            ExclusiveStartKey: r.start,
            ...(newestFirst ? { ScanIndexForward: false } : {}),
            ...(slim ? RANKING_PROJECTION : {}),
          }),
        );
        r.items.push(...(page.Items ?? []));
        r.start = page.LastEvaluatedKey;
      } catch (err) {
        throw translateDynamoError(err, 'Searching jobs');
      }
      if (!r.start) r.ended = true;
    } while (r.start && r.items.length < until);
  }
}
