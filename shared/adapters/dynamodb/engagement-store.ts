import { PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Engagement, EngagementKind } from '../../domain/engagement.js';
import type { FunnelStep } from '../../domain/funnel.js';
import type { Audience, EngagementStore, Quota } from '../../ports/engagements.js';
import type { Page, PageRequest } from '../../ports/record-store.js';
import { batchGetAll } from './batch-get.js';
import { transactWithFunnel } from './funnel-store.js';
import { run, translateDynamoError } from './errors.js';
import type { Item, TransactItem } from './items.js';
import { pointReads } from './point-reads.js';
import { keys, learnerDigest, PROVINCES, regionPrefix } from './keys.js';
import { queryAll } from './query-all.js';
import { decodePartitionCursor, encodePageToken } from './toolkit/page-token.js';
import { cancellationCodes } from './toolkit/sdk-errors.js';

const ENTITY = 'ENGAGEMENT';

/**
 * How long the audit of an erased learner's contact reveals is kept after each reveal (TTL): three
 * years, the service's choice (docs/action-loop.md, Retention); no statute fixes one for this record.
 */
export const REVEAL_RETENTION_DAYS = 3 * 365;
const LIST_ENTITY = 'ENGAGEMENT_ENTRY';
/** Where the quota's update sits in a create's transaction (after the engagement and its four list entries). */
const QUOTA_AT = 5;

const toEngagement = (item: Item): Engagement => {
  const { pk: _p, sk: _s, entity: _e, ...rest } = item;
  return rest as unknown as Engagement;
};


/**
 * DynamoDB implementation of {@link EngagementStore}: the engagement's own item holds its state;
 * four small list entries (the learner's, the employer's, the region's, the demand's) are written with it in
 * one transaction and point at it, so a status change writes one item.
 */
export class DynamoEngagementStore implements EngagementStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(e: Engagement, quota?: Quota, step?: FunnelStep): Promise<'created' | 'exists' | 'over-quota'> {
    const entry = { entity: LIST_ENTITY, engagementId: e.id };
    const items = [
      { Put: { TableName: this.tableName, Item: { ...keys.engagement(e.id), entity: ENTITY, ...e }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.tableName, Item: { ...keys.engagementForLearner(e.kind, e.learnerId, e.createdAt, e.id), ...entry } } },
      { Put: { TableName: this.tableName, Item: { ...keys.engagementForEmployer(e.kind, e.employerSub, e.createdAt, e.id), ...entry } } },
      { Put: { TableName: this.tableName, Item: { ...keys.engagementInRegion(e.kind, e.region, e.id), ...entry } } },
      { Put: { TableName: this.tableName, Item: { ...keys.engagementForDemand(e.kind, e.demandId, e.createdAt, e.id), ...entry } } },
      ...(quota
        ? [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.inviteQuota(quota.sub, quota.day),
                UpdateExpression: 'ADD #n :one SET #t = if_not_exists(#t, :ttl)',
                ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
                ExpressionAttributeNames: { '#n': 'count', '#t': 'ttl' },
                ExpressionAttributeValues: { ':one': 1, ':limit': quota.limit, ':ttl': Math.floor(Date.parse(`${quota.day}T00:00:00+08:00`) / 1000) + 3 * 86_400 },
              },
            },
          ]
        : []),
    ];
    try {
      await transactWithFunnel(this.client, this.tableName, items, step);
      return 'created';
    } catch (err) {
      const codes = cancellationCodes(err);
      if (codes[0] === 'ConditionalCheckFailed') return 'exists';
      if (codes[QUOTA_AT] === 'ConditionalCheckFailed') return 'over-quota';
      throw translateDynamoError(err, 'Creating an engagement');
    }
  }

  async get(id: string): Promise<Engagement | undefined> {
    const item = await run(() => pointReads(this.client, this.tableName).get(keys.engagement(id)), 'Reading an engagement');
    return item ? toEngagement(item) : undefined;
  }

  async update(next: Engagement, previousVersion: number, step?: FunnelStep): Promise<void> {
    if (step) {
      const put = {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.engagement(next.id), entity: ENTITY, ...next },
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': previousVersion },
        },
      };
      await run(() => transactWithFunnel(this.client, this.tableName, [put], step), `Updating ${next.id}`);
      return;
    }
    await run(
      () =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...keys.engagement(next.id), entity: ENTITY, ...next },
            ConditionExpression: '#v = :v',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':v': previousVersion },
          }),
        ),
      `Updating ${next.id}`,
    );
  }

  async list(kind: EngagementKind, audience: Audience, page: PageRequest): Promise<Page<Engagement>> {
    const queries =
      'learnerId' in audience
        ? [{ pk: keys.engagementForLearnerPartition(kind, audience.learnerId), prefix: '', newest: true }]
        : 'employerSub' in audience
          ? [{ pk: keys.engagementForEmployerPartition(kind, audience.employerSub), prefix: '', newest: true }]
          : 'demandId' in audience
            ? [{ pk: keys.engagementForDemandPartition(kind, audience.demandId), prefix: '', newest: true }]
            : (audience.region === 'national' ? PROVINCES : [regionPrefix(audience.region).slice(0, 2)]).map((p) => ({
              pk: keys.engagementInRegionPartition(kind, p),
              prefix: regionPrefix(audience.region),
              newest: false,
            }));
    const state = decodePartitionCursor(page.nextToken, queries.length);
    const ids: string[] = [];
    let p = state.p;
    let start: Record<string, unknown> | undefined = state.k;
    while (p < queries.length && ids.length < page.limit) {
      const q = queries[p]!;
      const out = await run(
        () =>
          this.client.send(
            new QueryCommand({
              TableName: this.tableName,
              KeyConditionExpression: q.prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
              ExpressionAttributeValues: { ':pk': q.pk, ...(q.prefix ? { ':prefix': q.prefix } : {}) },
              ScanIndexForward: !q.newest,
              Limit: page.limit - ids.length,
              ExclusiveStartKey: start,
            }),
          ),
        'Listing engagements',
      );
      ids.push(...(out.Items ?? []).map((i) => i.engagementId as string));
      start = out.LastEvaluatedKey;
      if (!start) p += 1;
    }
    const found = new Map(
      (await batchGetAll(this.client, this.tableName, ids.map((id) => keys.engagement(id)), { what: 'Reading engagements' })).map((i) => [i.id as string, toEngagement(i)]),
    );
    const items = ids.flatMap((id) => found.get(id) ?? []);
    return p < queries.length ? { items, nextToken: encodePageToken({ p, ...(start ? { k: start } : {}) }) } : { items };
  }

  async eraseLearner(learnerId: string): Promise<{ engagementIds: string[]; learnerSubs: string[]; reveals: number }> {
    const erased = `erased:${learnerDigest(learnerId)}`;
    const engagementIds: string[] = [];
    const learnerSubs = new Set<string>();
    for (const kind of ['application', 'invitation'] as const) {
      const entries = await queryAll(
        this.client,
        this.tableName,
        { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.engagementForLearnerPartition(kind, learnerId) } },
        'Reading a learner’s engagements',
      );
      for (const entry of entries) {
        const id = entry.engagementId as string;
        const current = await this.get(id);
        if (current?.learnerSub) learnerSubs.add(current.learnerSub);
        const strip: TransactItem[] = current
          ? [
              {
                Update: {
                  TableName: this.tableName,
                  Key: keys.engagement(id),
                  UpdateExpression: 'SET learnerId = :erased, learnerRef = :none, learnerSub = :none REMOVE note, learnerRegion, #groups',
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeNames: { '#groups': 'groups' },
                  ExpressionAttributeValues: { ':erased': erased, ':none': '' },
                },
              },
            ]
          : [];
        await run(
          () => this.client.send(new TransactWriteCommand({ TransactItems: [...strip, { Delete: { TableName: this.tableName, Key: { pk: entry.pk as string, sk: entry.sk as string } } }] })),
          'Erasing a learner from an engagement',
        );
        engagementIds.push(id);
      }
    }
    const reveals = await queryAll(
      this.client,
      this.tableName,
      { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.contactRevealPartition(learnerId) } },
      'Reading a learner’s contact reveals',
    );
    const digest = learnerDigest(learnerId);
    for (const r of reveals) {
      const at = r.at as string;
      const engagementId = r.engagementId as string;
      const kept = {
        ...keys.erasedContactReveal(digest, at, engagementId),
        entity: 'AUDIT',
        engagementId,
        viewer: r.viewer,
        at,
        ttl: Math.floor(Date.parse(at) / 1000) + REVEAL_RETENTION_DAYS * 86_400,
      };
      await run(
        () =>
          this.client.send(
            new TransactWriteCommand({ TransactItems: [{ Put: { TableName: this.tableName, Item: kept } }, { Delete: { TableName: this.tableName, Key: { pk: r.pk as string, sk: r.sk as string } } }] }),
          ),
        'Anonymising a contact reveal',
      );
    }
    return { engagementIds, learnerSubs: [...learnerSubs], reveals: reveals.length };
  }

  async logReveal(entry: { learnerId: string; engagementId: string; viewer: string; at: string }): Promise<void> {
    await run(
      () => this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.contactReveal(entry.learnerId, entry.at, entry.engagementId), entity: 'AUDIT', ...entry } })),
      'Logging a contact reveal',
    );
  }
}
