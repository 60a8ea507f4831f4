import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

/** An item as the document client reads and writes it. */
export type Item = Record<string, unknown>;
/** The table's primary key (see table-schema.ts). */
export type Key = { pk: string; sk: string };
/** One entry of a TransactWriteItems request. */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];
