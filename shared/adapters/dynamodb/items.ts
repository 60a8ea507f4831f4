import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AnyRecord } from '../../domain/records.js';

/** An item as the document client reads and writes it. */
export type Item = Record<string, unknown>;
/** The table's primary key (see table-schema.ts). */
export type Key = { pk: string; sk: string };
/** A key as one string, for sets and maps of keys. */
export const keyString = (k: Key): string => `${k.pk}\u0000${k.sk}`;
/** One entry of a TransactWriteItems request. */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

const ATTRS_NOT_IN_RECORD = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity'];

/** A record's main item without its key attributes: the domain record. */
export const toRecord = (item: Item): AnyRecord => {
  const out: Item = { ...item };
  for (const a of ATTRS_NOT_IN_RECORD) delete out[a];
  return out as unknown as AnyRecord;
};

/** The condition that an item is still at the version read (optimistic locking on `version`). */
export const atVersion = (version: number) => ({
  ConditionExpression: '#v = :v',
  ExpressionAttributeNames: { '#v': 'version' },
  ExpressionAttributeValues: { ':v': version },
});
