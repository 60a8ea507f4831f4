import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ERASURE_GRACE_MS, type ErasureJob, type ErasureJobs } from '../../ports/erasures.js';
import { removeLearnerCampaignResults } from './campaign-store.js';
import { run, translateDynamoError } from './errors.js';
import type { Item } from './items.js';
import { keys } from './keys.js';
import { TTL_ATTRIBUTE } from './table-schema.js';
import { cancellationCodes } from './toolkit/sdk-errors.js';

/** The job item a learner's deletion writes in its own transaction (see DynamoRecordStore.remove). */
export function erasureJobItem(job: ErasureJob): Item {
  // Expiry hands an unfinished job to the stream handler (TTL deletions reach the stream, marked as the service's own).
  const ttl = Math.ceil((Date.parse(job.deletedAt) + ERASURE_GRACE_MS) / 1000);
  return { ...keys.erasureJob(job.learnerId), entity: ERASURE_JOB, learnerId: job.learnerId, accounts: [...job.accounts], region: job.region, deletedAt: job.deletedAt, [TTL_ATTRIBUTE]: ttl };
}

/** The entity name of an erasure job item. */
export const ERASURE_JOB = 'ERASURE_JOB';

/**
 * The job a TTL deletion took off the table, from its stream record: only an expiry (the stream
 * marks it with DynamoDB's own principal) of an erasure job; a job the clean-up deleted is done.
 */
export function expiredErasureJob(record: { eventName?: string; userIdentity?: { type?: string; principalId?: string }; dynamodb?: { OldImage?: Record<string, unknown> } }): ErasureJob | undefined {
  if (record.eventName !== 'REMOVE' || record.userIdentity?.principalId !== 'dynamodb.amazonaws.com') return undefined;
  const old = record.dynamodb?.OldImage;
  if (!old) return undefined;
  const item = unmarshall(old as Record<string, AttributeValue>);
  return item.entity === ERASURE_JOB ? toJob(item) : undefined;
}

const toJob = (item: Item): ErasureJob => ({
  learnerId: item.learnerId as string,
  accounts: (item.accounts as string[] | undefined) ?? [],
  region: item.region as string,
  deletedAt: item.deletedAt as string,
});

/**
 * DynamoDB implementation of {@link ErasureJobs}: one item per unfinished clean-up in the
 * `ERASURES` partition, which holds only those (each goes when its clean-up ends), so the sweep's
 * Query stays small however large the table grows.
 */
export class DynamoErasureJobs implements ErasureJobs {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(learnerId: string): Promise<ErasureJob | undefined> {
    const out = await run(() => this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.erasureJob(learnerId), ConsistentRead: true })), 'Reading an erasure job');
    return out.Item ? toJob(out.Item) : undefined;
  }

  async due(before: Date, limit: number): Promise<ErasureJob[]> {
    const jobs: ErasureJob[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await run(
        () =>
          this.client.send(
            new QueryCommand({
              TableName: this.tableName,
              KeyConditionExpression: 'pk = :pk',
              // The partition holds only unfinished jobs: the filter drops the few younger than the grace period.
              FilterExpression: 'deletedAt < :before',
              ExpressionAttributeValues: { ':pk': keys.erasureJobsPartition, ':before': before.toISOString() },
              ConsistentRead: true,
              ExclusiveStartKey: start,
            }),
          ),
        'Reading erasure jobs',
      );
      jobs.push(...(out.Items ?? []).map(toJob));
      start = out.LastEvaluatedKey;
    } while (start && jobs.length < limit);
    return jobs.sort((a, b) => a.deletedAt.localeCompare(b.deletedAt)).slice(0, limit);
  }

  removeCampaignResults(learnerId: string): Promise<string[]> {
    return run(() => removeLearnerCampaignResults(this.client, this.tableName, learnerId), 'Deleting a deleted learner’s campaign results');
  }

  async complete(learnerId: string, unlink: readonly string[]): Promise<void> {
    let links = [...new Set(unlink)];
    for (;;) {
      try {
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Delete: { TableName: this.tableName, Key: keys.erasureJob(learnerId) } },
              ...links.map((sub) => ({
                Delete: {
                  TableName: this.tableName,
                  Key: keys.profileOf(sub),
                  ConditionExpression: 'attribute_not_exists(pk) OR learnerId = :id',
                  ExpressionAttributeValues: { ':id': learnerId },
                },
              })),
            ],
          }),
        );
        return;
      } catch (err) {
        // A link pointed elsewhere since it was read (the account made a new profile): leave it, end the job.
        const lost = cancellationCodes(err)
          .map((code, i) => (code === 'ConditionalCheckFailed' && i > 0 ? links[i - 1] : undefined))
          .filter((sub): sub is string => sub !== undefined);
        if (lost.length === 0) throw translateDynamoError(err, 'Completing an erasure');
        links = links.filter((sub) => !lost.includes(sub));
      }
    }
  }
}
