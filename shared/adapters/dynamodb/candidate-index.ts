import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
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
 */
export class DynamoCandidateIndex implements CandidateIndex {
  private readonly perPartitionLimit: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: CandidateIndexOptions = {},
  ) {
    this.perPartitionLimit = options.perPartitionLimit ?? 200;
  }

  async find(query: CandidateQuery): Promise<CandidateResult> {
    const prefix = query.within === undefined ? '' : regionPrefix(query.within);
    const consent = query.kind === 'learner' && query.consentedOnly === true;
    const names = Object.fromEntries(PROJECTION.map((a, i) => [`#a${i}`, a]));
    const inputs: QueryCommandInput[] = [...new Set(query.skillIds)].map((skillId) => ({
      TableName: this.tableName,
      KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      // The filter runs after Limit, so it saves transfer, not capacity; consent is still enforced here.
      ...(consent ? { FilterExpression: '#consent = :yes' } : {}),
      ProjectionExpression: Object.keys(names).join(', '),
      ExpressionAttributeNames: { ...names, ...(consent ? { '#consent': 'consentToShare' } : {}) },
      ExpressionAttributeValues: {
        ':pk': keys.skillIndexPartition(query.kind, skillId),
        ...(prefix ? { ':prefix': prefix } : {}),
        ...(consent ? { ':yes': true } : {}),
      },
      Limit: this.perPartitionLimit,
    }));
    let outputs;
    try {
      outputs = await Promise.all(inputs.map((input) => this.client.send(new QueryCommand(input))));
    } catch (err) {
      throw translateDynamoError(err, 'Finding match candidates');
    }
    const found = new Map<string, Candidate>();
    for (const out of outputs) {
      for (const item of out.Items ?? []) {
        const candidate = toCandidate(query.kind, item);
        // Defence in depth: an entry without the consent flag is never shown to employers.
        if (candidate && (!consent || candidate.consentToShare === true)) found.set(candidate.id, candidate);
      }
    }
    return { candidates: [...found.values()], truncated: outputs.some((o) => o.LastEvaluatedKey !== undefined) };
  }
}
