import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { increments, sumCounters, type EngagementStage, type FunnelReport, type FunnelStep } from '../../domain/funnel.js';
import type { LearnerGroup } from '../../domain/vocabulary.js';
import type { FunnelStore, MatchedLearner } from '../../ports/funnel.js';
import { regionChain } from '../../regions/regions.js';
import { translateDynamoError } from './errors.js';
import type { Item, Key, TransactItem } from './items.js';
import { queryAll } from './query-all.js';
import { batchGetAll } from './batch-get.js';
import { keys } from './keys.js';

/**
 * The placements funnel on the single table (docs/placements.md):
 *
 * - `FUNNEL#<region> / DAY#<yyyy-mm-dd>`: one item per region and China day, one number attribute
 *   per stage and group (`applied#graduate`, `applied#all`), raised with `ADD` in the transaction
 *   that makes the step, for the learner's region and each region containing it;
 * - `CAMPAIGN#<id> / FUNNEL`: a campaign's counters, raised in the same transaction the first time
 *   one of its matched learners reaches a stage; the learner's result item records the day the
 *   stage was reached (`reached_<stage>`), under a condition, so a learner counts once a stage.
 */

const ENTITY = { day: 'FUNNEL_DAY', campaign: 'CAMPAIGN_FUNNEL', counted: 'CAMPAIGN_FUNNEL_COUNTED' } as const;

/** The attributes of a campaign result naming the day its learner first reached a stage. */
export const REACHED_PREFIX = 'reached_';
export const reachedAttribute = (stage: EngagementStage): string => `${REACHED_PREFIX}${stage}`;

/** Campaigns of one learner a step counts in at most (their newest results): keeps the transaction small. */
export const CAMPAIGNS_PER_STEP = 20;

/** Attempts at a transaction that meets a concurrent one before giving up. */
const ATTEMPTS = 8;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const cancellationCodes = (err: unknown): string[] =>
  (err as { name?: string }).name === 'TransactionCanceledException' ? ((err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((r) => r.Code ?? 'None') : [];

/** An `ADD` of counters on one item (created when absent). */
function counterUpdate(tableName: string, key: Key, entity: string, counts: Readonly<Record<string, number>>, extra: Record<string, unknown> = {}): TransactItem {
  const names: Record<string, string> = { '#entity': 'entity' };
  const values: Record<string, unknown> = { ':entity': entity };
  const sets = ['#entity = :entity'];
  Object.entries(extra).forEach(([name, value], i) => {
    names[`#x${i}`] = name;
    values[`:x${i}`] = value;
    sets.push(`#x${i} = :x${i}`);
  });
  const adds = Object.entries(counts).map(([name, n], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = n;
    return `#c${i} :c${i}`;
  });
  return { Update: { TableName: tableName, Key: key, UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values } };
}

/** The regions a learner's step counts in: theirs and every region containing it. */
const scopesOf = (region: string): string[] => {
  const chain = regionChain(region);
  return chain.length > 0 ? chain : [region];
};

/** The region counters a step raises. */
export const regionFunnelUpdates = (tableName: string, step: FunnelStep): TransactItem[] =>
  scopesOf(step.region).map((scope) => counterUpdate(tableName, keys.funnelDay(scope, step.day), ENTITY.day, increments(step.stage, step.groups), { region: scope, day: step.day }));

/**
 * The campaign counters a step raises: for each campaign holding a result of the learner that
 * has not reached this stage yet, mark the result (conditionally) and, when the campaign matched
 * the learner to a job, raise the campaign's counters.
 */
async function campaignFunnelUpdates(client: DynamoDBDocumentClient, tableName: string, step: FunnelStep): Promise<TransactItem[]> {
  const out = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.campaignResultByLearnerPartition(step.learnerId) },
      ProjectionExpression: 'sk, campaignId',
      ScanIndexForward: false,
    }),
  );
  const campaignIds = (out.Items ?? []).filter((i) => typeof i.sk === 'string' && i.sk.startsWith(keys.campaignResultPrefix)).map((i) => i.campaignId as string).slice(0, CAMPAIGNS_PER_STEP);
  if (campaignIds.length === 0) return [];
  // The index only finds them: the marks are read strongly consistent, so a retry after a concurrent mark sees it.
  const mark = reachedAttribute(step.stage);
  const results = (await batchGetAll(client, tableName, campaignIds.map((id) => keys.campaignResult(id, step.learnerId)), { consistent: true, what: 'Reading campaign results' })).filter((r) => r[mark] === undefined);
  return results.flatMap((r): TransactItem[] => {
    const campaignId = r.campaignId as string;
    const learner = r.learner as { group: LearnerGroup; groups?: LearnerGroup[] } | undefined;
    const groups = learner?.groups && learner.groups.length > 0 ? learner.groups : learner ? [learner.group] : [];
    const matched = Array.isArray(r.matches) && r.matches.length > 0;
    return [
      {
        Update: {
          TableName: tableName,
          Key: keys.campaignResult(campaignId, step.learnerId),
          UpdateExpression: 'SET #m = :day',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#m)',
          ExpressionAttributeNames: { '#m': mark },
          ExpressionAttributeValues: { ':day': step.day },
        },
      },
      ...(matched ? [counterUpdate(tableName, keys.campaignFunnel(campaignId), ENTITY.campaign, increments(step.stage, groups), { campaignId })] : []),
    ];
  });
}

/**
 * Runs `base` (the state change) in one transaction with the counters `step` raises. A failed
 * condition among `base`'s items is the caller's: the error is thrown as DynamoDB gave it, with
 * the reasons in `base`'s order first. A lost race on the counters (a concurrent transaction, or
 * a concurrent step of the same learner marking a campaign result first) is retried with the
 * counters read again, so no count is lost and none is made twice.
 */
export async function transactWithFunnel(client: DynamoDBDocumentClient, tableName: string, base: readonly TransactItem[], step: FunnelStep | undefined): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const counters = step ? [...regionFunnelUpdates(tableName, step), ...(await campaignFunnelUpdates(client, tableName, step))] : [];
    try {
      await client.send(new TransactWriteCommand({ TransactItems: [...base, ...counters] }));
      return;
    } catch (err) {
      const codes = cancellationCodes(err);
      const baseFailed = codes.slice(0, base.length).some((c) => c === 'ConditionalCheckFailed');
      const retriable = codes.some((c) => c === 'TransactionConflict' || c === 'ConditionalCheckFailed');
      if (baseFailed || !retriable || attempt >= ATTEMPTS) throw err;
      await sleep(Math.random() * 10 * 2 ** Math.min(attempt, 5));
    }
  }
}

/** Matched learners' counters per region: each learner counts in their region and every region containing it. */
function matchedByScope(learners: readonly MatchedLearner[]): Array<[string, Record<string, number>]> {
  const byScope = new Map<string, Record<string, number>>();
  for (const l of learners) {
    for (const scope of scopesOf(l.region)) {
      const counts = byScope.get(scope) ?? {};
      for (const [name, n] of Object.entries(increments('matched', l.groups))) counts[name] = (counts[name] ?? 0) + n;
      byScope.set(scope, counts);
    }
  }
  return [...byScope].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Region counter items per transaction beside the chunk's marker. */
const SCOPES_PER_TRANSACTION = 99;

/** DynamoDB implementation of {@link FunnelStore}; see the module comment for the items. */
export class DynamoFunnelStore implements FunnelStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async region(region: string, from: string, to: string): Promise<FunnelReport> {
    const items = await queryAll(
      this.client,
      this.tableName,
      {
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.funnelPartition(region), ':from': keys.funnelDaySortKey(from), ':to': keys.funnelDaySortKey(to) },
      },
      'Reading the placements funnel',
    );
    return sumCounters(items);
  }

  async campaign(id: string): Promise<FunnelReport> {
    try {
      const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.campaignFunnel(id) }));
      return sumCounters(out.Item ? [out.Item as Item] : []);
    } catch (err) {
      throw translateDynamoError(err, 'Reading a campaign funnel');
    }
  }

  async campaigns(ids: readonly string[]): Promise<Map<string, FunnelReport>> {
    const items = await batchGetAll(this.client, this.tableName, ids.map((id) => keys.campaignFunnel(id)), { what: 'Reading campaign funnels' });
    const byId = new Map(items.map((i) => [i.campaignId as string, i]));
    return new Map(ids.map((id) => [id, sumCounters(byId.has(id) ? [byId.get(id)!] : [])]));
  }

  async countMatched(campaignId: string, day: string, learners: readonly MatchedLearner[]): Promise<void> {
    const scopes = matchedByScope(learners);
    for (let chunk = 0; chunk * SCOPES_PER_TRANSACTION < scopes.length; chunk++) {
      const part = scopes.slice(chunk * SCOPES_PER_TRANSACTION, (chunk + 1) * SCOPES_PER_TRANSACTION);
      const items: TransactItem[] = [
        { Put: { TableName: this.tableName, Item: { ...keys.campaignFunnelCounted(campaignId, chunk), entity: ENTITY.counted, campaignId, day }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...part.map(([scope, counts]) => counterUpdate(this.tableName, keys.funnelDay(scope, day), ENTITY.day, counts, { region: scope, day })),
      ];
      for (let attempt = 1; ; attempt++) {
        try {
          await this.client.send(new TransactWriteCommand({ TransactItems: items }));
          break;
        } catch (err) {
          const codes = cancellationCodes(err);
          // Counted before (a finalisation run again): nothing to add.
          if (codes[0] === 'ConditionalCheckFailed') break;
          if (!codes.includes('TransactionConflict') || attempt >= ATTEMPTS) throw translateDynamoError(err, 'Counting a campaign’s matched learners');
          await sleep(Math.random() * 10 * 2 ** Math.min(attempt, 5));
        }
      }
    }
  }
}
