import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { jobTermKeys } from '../../../shared/adapters/dynamodb/job-index.js';
import { DynamoRecordStore, SAVE_MANY_CONCURRENCY } from '../../../shared/adapters/dynamodb/record-store.js';
import type { Demand, Learner } from '../../../shared/domain/records.js';
import { systemClock } from '../../../shared/ports/clock.js';
import { DemandInputSchema } from '../../../shared/schemas/demand.js';
import { LearnerInputSchema } from '../../../shared/schemas/learner.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import { recordFromInput } from '../../../shared/use-cases/records.js';
import { demandBody, learnerBody } from '../../support/bodies.js';
import { sdkError } from './lambda-event.js';
import { recordIndex } from '../../../shared/use-cases/record-index.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }));
const ddb = mockClient(client);
const store = new DynamoRecordStore(client, 't', systemClock, { index: recordIndex });
const at = new Date('2026-01-01T00:00:00Z');

const learner = (ref: string, overrides: Record<string, unknown> = {}, previous?: Learner): Learner =>
  recordFromInput('learner', 'importer', LearnerInputSchema.parse(learnerBody({ ref, ...overrides })), previous, at);

type Op = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
const itemsOf = (call: { args: [{ input: object }] }) => (call.args[0].input as TransactWriteCommandInput).TransactItems ?? [];
/** The record id an operation is about: a main item's id or an index item's recordId / key. */
const recordIdOf = (op: Op): string => {
  const item = (op.Put?.Item ?? op.Delete?.Key ?? {}) as Record<string, unknown>;
  return typeof item.recordId === 'string' ? item.recordId : typeof item.id === 'string' ? item.id : String(item.sk).split('#').pop()!;
};

beforeEach(() => ddb.reset());

describe('saveMany (imports)', () => {
  it('writes each record’s main item and all its index items in one transaction, never split across two', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const previous = Array.from({ length: 60 }, (_, i) => learner(`L${i}`));
    const changes = previous.map((p, i) => ({ previous: p, next: learner(`L${i}`, { consentToShare: false, skills: ['数据标注', 'Python', 'Excel'] }, p) }));

    await store.saveMany(changes);

    const calls = ddb.commandCalls(TransactWriteCommand);
    const transactionOf = new Map<string, Set<number>>();
    calls.forEach((call, n) => itemsOf(call).forEach((op) => transactionOf.set(recordIdOf(op), (transactionOf.get(recordIdOf(op)) ?? new Set()).add(n))));
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every((c) => itemsOf(c).length <= 100)).toBe(true);
    expect([...transactionOf.values()].filter((s) => s.size !== 1)).toEqual([]);
    expect(transactionOf.size).toBe(60);
    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });

  it('starts no further transaction once one has failed', async () => {
    ddb.on(TransactWriteCommand).rejectsOnce(sdkError('InternalServerError')).resolves({});
    const changes = Array.from({ length: 1_000 }, (_, i) => ({ next: learner(`N${i}`) }));

    const failure = await store.saveMany(changes).catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(Error);
    // The first transaction failed; at most those already in flight beside it were sent.
    expect(ddb.commandCalls(TransactWriteCommand).length).toBeLessThanOrEqual(SAVE_MANY_CONCURRENCY);
  });

  it('retries a transaction that lost to a concurrent one', async () => {
    ddb.on(TransactWriteCommand).rejectsOnce(sdkError('TransactionCanceledException', { CancellationReasons: [{ Code: 'TransactionConflict' }] })).resolves({});

    await store.saveMany([{ next: learner('C1') }]);

    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });
});

describe('save of a record with more index writes than a transaction holds', () => {
  const ids = [...loadTaxonomy().skills.keys()].slice(0, 60);
  const demand = (region: string, previous?: Demand): Demand =>
    recordFromInput('demand', 'emp', DemandInputSchema.parse(demandBody({ requiredSkills: ids.slice(0, 30), preferredSkills: ids.slice(30), region })), previous, at);

  it('puts deletes and overwrites in the transaction, leaves only puts of new entries to the batch, and retries them until none are unprocessed', async () => {
    const before = demand('110119');
    const after = demand('310115', before);
    ddb.on(TransactWriteCommand).resolves({});
    ddb
      .on(BatchWriteCommand)
      .callsFakeOnce((input: { RequestItems: Record<string, unknown[]> }) => ({ UnprocessedItems: { t: input.RequestItems.t!.slice(1) } }))
      .resolves({});

    await store.save(after, before);

    const transaction = itemsOf(ddb.commandCalls(TransactWriteCommand)[0]!);
    const deletes = transaction.filter((op) => op.Delete);
    const batches = ddb.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems!.t!);
    // 60 skill-index entries and the job-search entries move region (the national browse entry stays, overwritten).
    const kept = new Set(jobTermKeys(after).map((k) => `${k.pk}\u0000${k.sk}`));
    const moved = jobTermKeys(before).filter((k) => !kept.has(`${k.pk}\u0000${k.sk}`)).length;
    const puts = 60 + jobTermKeys(after).length;
    expect(transaction).toHaveLength(100);
    expect(deletes).toHaveLength(60 + moved);
    expect(transaction.findIndex((op) => op.Put && op.Put.Item!.entity === 'INDEX')).toBeGreaterThan(transaction.findLastIndex((op) => op.Delete));
    expect(batches.flat().every((r) => 'PutRequest' in (r as object) && (r as { PutRequest: { Item: { region: string } } }).PutRequest.Item.region === '310115')).toBe(true);
    const batched = new Set(batches.flat().map((r) => ((r as { PutRequest: { Item: { pk: string; sk: string } } }).PutRequest.Item.pk + "\u0000" + (r as { PutRequest: { Item: { sk: string } } }).PutRequest.Item.sk)));
    expect(batched.size).toBe(60 + moved + puts - 99);
    expect(batches.flat().length).toBe(batched.size + batches[0]!.length - 1);
  });
});
