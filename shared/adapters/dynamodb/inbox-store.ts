import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InboxEvent, InboxPage, InboxStore } from '../../ports/inbox.js';
import { run, translateDynamoError } from './errors.js';
import type { Item } from './items.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';
import { decodePageToken, encodePageToken } from './toolkit/page-token.js';
import { cancellationCodes } from './toolkit/sdk-errors.js';

/** The last event id of a page, from its `nextToken`. */
const eventIdOf = (value: unknown): string | undefined => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && /^[\w.:-]{1,100}$/.test(id) ? id : undefined;
};

const toEvent = (item: Item): InboxEvent => {
  const { pk: _p, sk: _s, entity: _e, ...rest } = item;
  return rest as unknown as InboxEvent;
};

const cancelledAt = (err: unknown, i: number): boolean => cancellationCodes(err)[i] === 'ConditionalCheckFailed';

/**
 * DynamoDB implementation of {@link InboxStore}: a user's events in one partition (sort key
 * `EVENT#<id>`, ids sort by time) beside an `UNREAD` counter kept in the same transactions.
 */
export class DynamoInboxStore implements InboxStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(sub: string, event: InboxEvent): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...keys.inboxEvent(sub, event.id), entity: 'INBOX_EVENT', ...event }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Update: { TableName: this.tableName, Key: keys.inboxUnread(sub), UpdateExpression: 'ADD #n :one', ExpressionAttributeNames: { '#n': 'unread' }, ExpressionAttributeValues: { ':one': 1 } } },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (cancelledAt(err, 0)) return false;
      throw translateDynamoError(err, 'Adding an inbox event');
    }
  }

  async list(sub: string, page: { limit: number; nextToken?: string | undefined }): Promise<InboxPage> {
    const start = page.nextToken === undefined ? undefined : { ...keys.inboxEvent(sub, decodePageToken(page.nextToken, eventIdOf)) };
    const [events, counter] = await Promise.all([
      run(
        () =>
          this.client.send(
            new QueryCommand({
              TableName: this.tableName,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
              ExpressionAttributeValues: { ':pk': keys.inboxPartition(sub), ':prefix': keys.inboxEventPrefix },
              ScanIndexForward: false,
              Limit: page.limit,
              ExclusiveStartKey: start,
            }),
          ),
        'Reading an inbox',
      ),
      run(() => this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.inboxUnread(sub) })), 'Reading an unread count'),
    ]);
    const items = (events.Items ?? []).map(toEvent);
    const last = events.LastEvaluatedKey ? items[items.length - 1] : undefined;
    return { items, unread: Math.max(0, Number(counter.Item?.unread ?? 0)), ...(last ? { nextToken: encodePageToken({ id: last.id }) } : {}) };
  }

  async markRead(sub: string, eventId: string): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.inboxEvent(sub, eventId),
                UpdateExpression: 'SET #r = :t',
                ConditionExpression: 'attribute_exists(pk) AND #r = :f',
                ExpressionAttributeNames: { '#r': 'read' },
                ExpressionAttributeValues: { ':t': true, ':f': false },
              },
            },
            { Update: { TableName: this.tableName, Key: keys.inboxUnread(sub), UpdateExpression: 'ADD #n :minus', ExpressionAttributeNames: { '#n': 'unread' }, ExpressionAttributeValues: { ':minus': -1 } } },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (!cancelledAt(err, 0)) throw translateDynamoError(err, 'Marking an event read');
      const found = await run(() => this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.inboxEvent(sub, eventId) })), 'Reading an inbox event');
      return found.Item !== undefined;
    }
  }

  async removeAbout(sub: string, engagementIds: ReadonlySet<string>): Promise<number> {
    if (engagementIds.size === 0) return 0;
    const events = await queryAll(
      this.client,
      this.tableName,
      { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': keys.inboxPartition(sub), ':prefix': keys.inboxEventPrefix } },
      'Reading an inbox',
    );
    let removed = 0;
    for (const item of events) {
      if (typeof item.engagementId !== 'string' || !engagementIds.has(item.engagementId)) continue;
      const unread = item.read === false;
      try {
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              // Only as read (or unread) as it was seen: a concurrent markRead then cancels this, and the next run finds it again.
              { Delete: { TableName: this.tableName, Key: keys.inboxEvent(sub, item.id as string), ConditionExpression: '#r = :r', ExpressionAttributeNames: { '#r': 'read' }, ExpressionAttributeValues: { ':r': item.read } } },
              ...(unread ? [{ Update: { TableName: this.tableName, Key: keys.inboxUnread(sub), UpdateExpression: 'ADD #n :minus', ExpressionAttributeNames: { '#n': 'unread' }, ExpressionAttributeValues: { ':minus': -1 } } }] : []),
            ],
          }),
        );
        removed += 1;
      } catch (err) {
        if (!cancelledAt(err, 0)) throw translateDynamoError(err, 'Removing an inbox event');
      }
    }
    return removed;
  }
}
