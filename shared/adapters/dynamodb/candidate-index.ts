import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Candidate, CandidateIndex, CandidateQuery, CandidateResult } from '../../ports/candidate-index.js';
import { translateDynamoError } from './errors.js';
import { keys, regionPrefix } from './keys.js';
import { decodeSkillVector } from './skill-vector.js';
import { mapPooled } from '../../async/pool.js';
import type { IndexedSkill } from '../../domain/records.js';
import { IndexPresence } from './index-presence.js';

export interface CandidateIndexOptions {
  /** Partitions read at once. @default 16 */
  readonly concurrency?: number;
  /** Items a request asks for (Query `Limit`); absent: DynamoDB's 1 MB pages. Tests set it to see paging. */
  readonly pageSize?: number;
}

type Item = Record<string, unknown>;

/**
 * Attributes a candidate needs. The sort key says the region and the record id (`keys.skillIndex`),
 * so the entry's own `region` and `recordId` are not read again: a match call decodes thousands of
 * entries, and the SDK's work grows with the attributes of each.
 */
const PROJECTION = ['sk', 'ref', 'skillVector', 'consentToShare', 'title', 'employer', 'headcount', 'minLevel', 'expiresAt'];

/**
 * Decoded skill vectors by their text. Decoding is pure, and the same records turn up in call after
 * call (a popular skill's partition is read for many subjects): decoding each vector once saves a
 * large share of a match call's CPU and garbage. Bounded: cleared when full.
 */
const decoded = new Map<string, readonly IndexedSkill[]>();
const DECODED_MAX = 20_000;

function skillsOf(vector: string): readonly IndexedSkill[] {
  let skills = decoded.get(vector);
  if (skills === undefined) {
    if (decoded.size >= DECODED_MAX) decoded.clear();
    decoded.set(vector, (skills = decodeSkillVector(vector)));
  }
  return skills;
}

function toCandidate(kind: Candidate['kind'], item: Item, entry: { region: string; recordId: string }): Candidate | undefined {
  if (typeof item.skillVector !== 'string') return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const title = str(item.title);
  const employer = str(item.employer);
  const expiresAt = str(item.expiresAt);
  return {
    kind,
    id: entry.recordId,
    ref: str(item.ref) ?? '',
    region: entry.region,
    skills: skillsOf(item.skillVector),
    ...(typeof item.consentToShare === 'boolean' ? { consentToShare: item.consentToShare } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(employer !== undefined ? { employer } : {}),
    ...(typeof item.headcount === 'number' ? { headcount: item.headcount } : {}),
    ...(typeof item.minLevel === 'number' ? { minLevel: item.minLevel as NonNullable<Candidate['minLevel']> } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

/**
 * {@link CandidateIndex} on the skill index of the single table (`IDX#<KIND>#<skillId>`, sorted by
 * `<regionCode>#<recordId>`). Every partition asked for is read whole, page after page (never a
 * scan), narrowed by a region key prefix when asked (records outside a region: the whole
 * partition, less the entries whose key starts with its prefix); partitions are read in parallel.
 * Reading whole partitions is what keeps matching exact: every record that could score is among
 * the candidates.
 */
export class DynamoCandidateIndex implements CandidateIndex {
  private readonly concurrency: number;
  private readonly pageSize: number | undefined;
  private readonly where: IndexPresence;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: CandidateIndexOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 16;
    this.pageSize = options.pageSize;
    this.where = new IndexPresence(client, tableName);
  }

  /** One BatchGetItem per 100 partitions: see index-presence.ts. */
  presence(kind: Candidate['kind'], partitions: readonly string[]): Promise<ReadonlyMap<string, ReadonlySet<string>> | undefined> {
    return this.where.read(kind, partitions);
  }

  async find(query: CandidateQuery): Promise<CandidateResult> {
    if (query.within !== undefined && query.outside !== undefined) throw new Error('A candidate query takes within or outside, not both.');
    // Outside a region: the whole partition, its entries inside the region left out. One request
    // per page, where the two key ranges on either side of the region would take two per partition
    // (requests cost more than the region's entries read again). `national` holds every region.
    const excluded = query.outside === undefined ? undefined : regionPrefix(query.outside);
    if (excluded === '') return { candidates: [], truncated: false, requests: 0, readUnits: 0 };
    const prefix = query.within === undefined ? '' : regionPrefix(query.within);
    const skillIds = [...new Set(query.skillIds)];
    const consent = query.kind === 'learner' && query.consentedOnly === true;
    const found = new Map<string, Candidate>();
    let readUnits = 0;
    let requests = 0;
    await mapPooled(skillIds, this.concurrency, async (skillId) => {
      let start: Record<string, unknown> | undefined;
      do {
        const out = await this.send({ ...this.input(query.kind, skillId, prefix, consent), ...(start ? { ExclusiveStartKey: start } : {}) });
        requests += 1;
        readUnits += out.ConsumedCapacity?.CapacityUnits ?? 0;
        for (const item of out.Items ?? []) {
          if (typeof item.sk !== 'string' || (excluded !== undefined && item.sk.startsWith(excluded))) continue;
          const entry = keys.skillIndexEntryOf(item.sk);
          // A record found in another partition already is not decoded again (its entries are alike).
          if (entry === undefined || found.has(entry.recordId)) continue;
          const candidate = toCandidate(query.kind, item, entry);
          // Defence in depth: an entry without the consent flag is never shown to employers.
          if (candidate && (!consent || candidate.consentToShare === true)) found.set(candidate.id, candidate);
        }
        start = out.LastEvaluatedKey;
      } while (start !== undefined);
    });
    return { candidates: [...found.values()], truncated: false, requests, readUnits };
  }

  /** The Query of one skill partition, inside a region key prefix when one is given. */
  private input(kind: Candidate['kind'], skillId: string, prefix: string, consent: boolean): QueryCommandInput {
    const names = Object.fromEntries(PROJECTION.map((a, i) => [`#a${i}`, a]));
    return {
      TableName: this.tableName,
      KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      // The filter runs after the read, so it saves transfer, not capacity; consent is still enforced here.
      ...(consent ? { FilterExpression: '#consent = :yes' } : {}),
      ProjectionExpression: Object.keys(names).join(', '),
      ExpressionAttributeNames: { ...names, ...(consent ? { '#consent': 'consentToShare' } : {}) },
      ExpressionAttributeValues: {
        ':pk': keys.skillIndexPartition(kind, skillId),
        ...(prefix ? { ':prefix': prefix } : {}),
        ...(consent ? { ':yes': true } : {}),
      },
      ReturnConsumedCapacity: 'TOTAL',
      ...(this.pageSize !== undefined ? { Limit: this.pageSize } : {}),
    };
  }

  private async send(input: QueryCommandInput): Promise<QueryCommandOutput> {
    try {
      return await this.client.send(new QueryCommand(input));
    } catch (err) {
      throw translateDynamoError(err, 'Finding match candidates');
    }
  }
}
