import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.js';
import type { ProfileLinks } from '../../ports/profile-links.js';
import { TTL_ATTRIBUTE } from './table-schema.js';
import { run, translateDynamoError } from './errors.js';
import { keys } from './keys.js';
import { cancellationCodes } from './toolkit/sdk-errors.js';

/** DynamoDB implementation of {@link ProfileLinks}. */
export class DynamoProfileLinks implements ProfileLinks {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async profileOf(sub: string): Promise<string | undefined> {
    const out = await run(() => this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.profileOf(sub), ConsistentRead: true })), 'Reading a profile link');
    return out.Item?.learnerId as string | undefined;
  }

  async link(sub: string, learnerId: string): Promise<void> {
    await run(() => this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.profileOf(sub), entity: 'PROFILE_LINK', learnerId } })), 'Linking a profile');
  }

  async unlink(sub: string): Promise<void> {
    await run(() => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.profileOf(sub) })), 'Unlinking a profile');
  }

  async saveClaimCode(codeHash: string, learnerId: string, expiresAt: Date): Promise<void> {
    const item = { ...keys.claimCode(codeHash), entity: 'CLAIM_CODE', learnerId, expiresAt: expiresAt.toISOString(), [TTL_ATTRIBUTE]: Math.floor(expiresAt.getTime() / 1000) };
    await run(() => this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' })), 'Saving a claim code');
  }

  async claim(codeHash: string, sub: string, now: Date): Promise<string | undefined> {
    const found = await run(() => this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.claimCode(codeHash), ConsistentRead: true })), 'Reading a claim code');
    const learnerId = found.Item?.learnerId as string | undefined;
    if (!learnerId || String(found.Item?.expiresAt) <= now.toISOString()) return undefined;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: this.tableName, Key: keys.claimCode(codeHash), ConditionExpression: 'attribute_exists(pk)' } },
            { Put: { TableName: this.tableName, Item: { ...keys.profileOf(sub), entity: 'PROFILE_LINK', learnerId }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (err) {
      const codes = cancellationCodes(err);
      if (codes[0] === 'ConditionalCheckFailed') return undefined;
      if (codes[1] === 'ConditionalCheckFailed') throw new ConflictError('This account already has a profile; delete it before claiming another.', { cause: err });
      throw translateDynamoError(err, 'Claiming a profile');
    }
    return learnerId;
  }
}
