import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Level } from '../../taxonomy/levels.js';
import type { Candidate, CandidateIndex, CandidateQuery, CandidateResult } from '../../ports/candidate-index.js';
import { translateDynamoError } from './errors.js';
import { keys, regionPrefix } from './keys.js';
import { decodeSkillVector } from './skill-vector.js';

export interface CandidateIndexOptions {
  /**
   * Items read from one skill partition per call (the Query `Limit`): bounds the read capacity a
   * match call can spend on a popular skill. @default 200
   */
  readonly perPartitionLimit?: number;
  /**
   * Items read from one skill partition across every region in a `near` query, whose province
   * must be among them: large enough that a partition of a pilot's size (a few hundred entries) is
   * read whole in one request, so that no second round is needed. @default 400
   */
  readonly acrossRegionsLimit?: number;
}

type Item = Record<string, unknown>;

/** Attributes a candidate needs; the index items hold nothing else of interest. */
const PROJECTION = ['recordId', 'ref', 'region', 'skillVector', 'consentToShare', 'title', 'employer', 'headcount', 'minLevel', 'expiresAt'];

function toCandidate(kind: Candidate['kind'], item: Item): Candidate | undefined {
  if (typeof item.recordId !== 'string' || typeof item.skillVector !== 'string') return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const title = str(item.title);
  const employer = str(item.employer);
  const expiresAt = str(item.expiresAt);
  return {
    kind,
    id: item.recordId,
    ref: str(item.ref) ?? '',
    region: str(item.region) ?? 'national',
    skills: decodeSkillVector(item.skillVector),
    ...(typeof item.consentToShare === 'boolean' ? { consentToShare: item.consentToShare } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(employer !== undefined ? { employer } : {}),
    ...(typeof item.headcount === 'number' ? { headcount: item.headcount } : {}),
    ...(typeof item.minLevel === 'number' ? { minLevel: item.minLevel as Level } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

/**
 * {@link CandidateIndex} on the skill index of the single table (`IDX#<KIND>#<skillId>`, sorted by
 * `<regionCode>#<recordId>`). One Query per skill partition, all in parallel, each a key condition
 * (never a scan), narrowed by a region key prefix when asked and bounded by a per-partition Limit.
 *
 * With `near`, each partition is first read across every region. A partition that holds more than
 * one read returns was read only up to some region code, because entries sort by region; where
 * that stops short of the end of `near`'s range, the partition is read again inside `near` (from
 * where the first read stopped, if it stopped inside), in a second round. At pilot scale most
 * partitions fit in one read, so a call costs one round.
 */
export class DynamoCandidateIndex implements CandidateIndex {
  private readonly perPartitionLimit: number;
  private readonly acrossRegionsLimit: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: CandidateIndexOptions = {},
  ) {
    this.perPartitionLimit = options.perPartitionLimit ?? 200;
    this.acrossRegionsLimit = options.acrossRegionsLimit ?? 400;
  }

  async find(query: CandidateQuery): Promise<CandidateResult> {
    const within = query.within === undefined ? '' : regionPrefix(query.within);
    const near = query.within === undefined && query.near !== undefined ? regionPrefix(query.near) : '';
    const skillIds = [...new Set(query.skillIds)];
    const consent = query.kind === 'learner' && query.consentedOnly === true;
    const limit = near !== '' ? this.acrossRegionsLimit : this.perPartitionLimit;
    const first = await this.readAll(skillIds.map((skillId) => ({ ...this.input(query.kind, skillId, within, consent), Limit: limit })));
    const outputs = [...first];
    // A bounded read across regions that stopped before the end of `near`'s range: read on inside it.
    if (near !== '') {
      const again = first.flatMap((out, i) => {
        const stoppedAt = out.LastEvaluatedKey?.sk;
        if (typeof stoppedAt !== 'string' || stoppedAt.slice(0, near.length) > near) return [];
        const from = stoppedAt.startsWith(near) ? { ExclusiveStartKey: out.LastEvaluatedKey } : {};
        return [{ ...this.input(query.kind, skillIds[i]!, near, consent), ...from }];
      });
      if (again.length > 0) outputs.push(...(await this.readAll(again)));
    }
    const found = new Map<string, Candidate>();
    for (const out of outputs) {
      for (const item of out.Items ?? []) {
        const candidate = toCandidate(query.kind, item);
        // Defence in depth: an entry without the consent flag is never shown to employers.
        if (candidate && (!consent || candidate.consentToShare === true)) found.set(candidate.id, candidate);
      }
    }
    return { candidates: [...found.values()], truncated: first.some((o) => o.LastEvaluatedKey !== undefined) };
  }

  /** The Query of one skill partition, inside a region key prefix when one is given. */
  private input(kind: Candidate['kind'], skillId: string, prefix: string, consent: boolean): QueryCommandInput {
    const names = Object.fromEntries(PROJECTION.map((a, i) => [`#a${i}`, a]));
    return {
      TableName: this.tableName,
      KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      // The filter runs after Limit, so it saves transfer, not capacity; consent is still enforced here.
      ...(consent ? { FilterExpression: '#consent = :yes' } : {}),
      ProjectionExpression: Object.keys(names).join(', '),
      ExpressionAttributeNames: { ...names, ...(consent ? { '#consent': 'consentToShare' } : {}) },
      ExpressionAttributeValues: {
        ':pk': keys.skillIndexPartition(kind, skillId),
        ...(prefix ? { ':prefix': prefix } : {}),
        ...(consent ? { ':yes': true } : {}),
      },
      Limit: this.perPartitionLimit,
    };
  }

  /** Sends the Queries in parallel. */
  private async readAll(inputs: readonly QueryCommandInput[]): Promise<QueryCommandOutput[]> {
    try {
      return await Promise.all(inputs.map((input) => this.client.send(new QueryCommand(input))));
    } catch (err) {
      throw translateDynamoError(err, 'Finding match candidates');
    }
  }
}
