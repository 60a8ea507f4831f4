import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ALL_TERM, demandTerms } from '../../domain/jobs/terms.js';
import { regionChain } from '../../regions/regions.js';
import type { Demand, IndexedSkill } from '../../domain/records.js';
import type { JobCard, JobIndex, JobLookup } from '../../ports/job-index.js';
import { translateDynamoError } from './errors.js';
import type { Item, Key } from './items.js';
import { keys, PROVINCES, provinceOf, regionPrefix } from './keys.js';
import { decodeSkillVector, encodeSkillVector } from './skill-vector.js';

/** Entity of a job-search index item. */
export const JOB_ENTITY = 'JOB';

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
 * of each region containing it (newest last), each carrying the card a result shows, so a search
 * reads no records. The record store writes them in the demand's own transaction, while the
 * demand is active (open, unexpired), as it does the skill index. `skills` is the demand's skill
 * vector (the one its skill-index items carry), computed outside the adapter.
 */
export function jobTermItems(demand: Demand, skills: readonly IndexedSkill[]): Item[] {
  const card = {
    entity: JOB_ENTITY,
    recordId: demand.id,
    ref: demand.ref,
    title: demand.title,
    employer: demand.employer,
    region: demand.region,
    headcount: demand.headcount,
    skills: [
      ...demand.requiredSkills.map((s) => ({ text: s.text, skillId: s.skillId, level: s.level, role: 'required' })),
      ...demand.preferredSkills.map((s) => ({ text: s.text, skillId: s.skillId, level: s.level, role: 'preferred' })),
    ],
    skillVector: encodeSkillVector(skills),
    createdAt: demand.createdAt,
    ...(demand.salaryMin !== undefined ? { salaryMin: demand.salaryMin } : {}),
    ...(demand.salaryMax !== undefined ? { salaryMax: demand.salaryMax } : {}),
    ...(demand.minLevel !== undefined ? { minLevel: demand.minLevel } : {}),
    ...(demand.expiresAt !== undefined ? { expiresAt: demand.expiresAt } : {}),
    ...(demand.remote !== undefined ? { remote: demand.remote } : {}),
  };
  return [
    ...demandTerms(demand).map((term) => ({ ...keys.jobTerm(term, demand.region, demand.id), term, ...card })),
    ...browseScopes(demand).map((scope) => ({ ...keys.jobBrowse(scope, demand.createdAt, demand.id), term: ALL_TERM, ...card })),
  ];
}

const toCard = (item: Item): JobCard => {
  const { recordId, skillVector, pk: _pk, sk: _sk, entity: _e, term: _t, ...rest } = item;
  return { ...(rest as unknown as JobCard), id: recordId as string, skillVector: decodeSkillVector(String(skillVector ?? '')) };
};

/** DynamoDB implementation of {@link JobIndex}: one Query per term and province partition, in parallel. */
export class DynamoJobIndex implements JobIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find({ terms, region, perPartition }: JobLookup): Promise<JobCard[]> {
    // No words, no skill: the region's browse list, newest first.
    if (terms.length === 1 && terms[0] === ALL_TERM) return (await this.query(keys.jobBrowsePartition(region), '', perPartition, false, true)).map(toCard);
    const prefix = regionPrefix(region);
    const provinces = region === 'national' ? PROVINCES : [provinceOf(region)];
    // The first term's entries bring the cards; the others only their ids (a fraction of the bytes to read and parse).
    const perTerm = await Promise.all(
      terms.map(async (term, i) => {
        const lists = await Promise.all(provinces.map((p) => this.query(keys.jobTermPartition(p, term), prefix, perPartition, i > 0)));
        return lists.flat();
      }),
    );
    if (perTerm.length === 0) return [];
    // Intersect on the demand id, keeping the first term's cards.
    const [first, ...rest] = perTerm;
    const sets = rest.map((items) => new Set(items.map((i) => i.recordId as string)));
    return first!.filter((i) => sets.every((s) => s.has(i.recordId as string))).map(toCard);
  }

  private async query(pk: string, prefix: string, limit: number, idsOnly: boolean, newestFirst = false): Promise<Item[]> {
    const out: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      try {
        const page = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':prefix': prefix } : {}) },
            Limit: limit - out.length,
            ExclusiveStartKey: start,
            ...(idsOnly ? { ProjectionExpression: 'recordId' } : {}),
            ...(newestFirst ? { ScanIndexForward: false } : {}),
          }),
        );
        out.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } catch (err) {
        throw translateDynamoError(err, 'Searching jobs');
      }
    } while (start && out.length < limit);
    return out;
  }
}
