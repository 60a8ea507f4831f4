import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../items.js';
import { isThrottled, isTransactionConflict } from '../toolkit/sdk-errors.js';

/**
 * What the campaign store's item modules share: the entity names of the items in a campaign's
 * partition (docs/campaigns.md lists them), the table they live in, and how their writes retry.
 */

/**
 * Progress counters per campaign. Parallel workers each add to the shard of their page, so no
 * single item takes every write (transactions on one item conflict, and one item takes about
 * 1,000 writes a second); reading the progress sums the shards with one Query.
 */
export const PROGRESS_SHARDS = 10;

/**
 * Results per transaction: DynamoDB allows 100 items; each result rides with a check that its
 * learner has not been deleted (their tombstone is absent), and one item is the progress counter.
 */
export const RESULTS_PER_TRANSACTION = 49;

/** How long a deleted learner's tombstone is kept: far longer than any campaign runs. */
export const TOMBSTONE_DAYS = 30;

/** Attempts at a transaction that meets a concurrent one or throttling before giving up. */
export const TRANSACTION_ATTEMPTS = 10;

export const ENTITY = {
  campaign: 'CAMPAIGN',
  listEntry: 'CAMPAIGN_LIST_ENTRY',
  progress: 'CAMPAIGN_PROGRESS',
  page: 'CAMPAIGN_PAGE',
  snapshot: 'CAMPAIGN_SNAPSHOT',
  result: 'CAMPAIGN_RESULT',
  roster: 'CAMPAIGN_ROSTER',
} as const;

/** The table a campaign store writes to. */
export interface CampaignTable {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity'];

/** An item without its key and bookkeeping attributes. */
export const strip = (item: Item): Item => {
  const out: Item = { ...item };
  for (const a of KEY_ATTRS) delete out[a];
  return out;
};

/** Retry rule of the campaign transactions: another transaction on the same items, or throttling. */
export const TRANSACTION_RETRY = { attempts: TRANSACTION_ATTEMPTS, retryable: (err: unknown) => isTransactionConflict(err) || isThrottled(err) } as const;

