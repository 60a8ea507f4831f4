import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context, S3Event } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getContainer } from '../../functions/container.js';
import { batchWriteAll } from '../../shared/adapters/dynamodb/batch-write.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import { readRows } from '../../shared/import/read-rows.js';
import { systemClock } from '../../shared/ports/clock.js';
import { loadTaxonomy } from '../../shared/taxonomy/taxonomy.js';
import { makeImportRecords } from '../../shared/use-cases/import-records.js';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';
import { bodyOf, dynamoError, dynamoOk, indexProblems, interceptDynamo, recordReliability, scanAll, withBody, type Interceptor, type WireResponse } from './reliability-kit.js';
import { recordIndex } from '../../shared/use-cases/record-index.js';

/** The Lambda context the import function is invoked with. */
const importContext = { functionName: 'import-file', awsRequestId: 'test' } as Context;

/**
 * Faults between the service and DynamoDB, injected below the SDK (its retries see them as real)
 * with DynamoDB Local behind: throttling, partial batch writes, lost conditional races and an
 * import killed half-way.
 */

let api: Api;
let undo: (() => void) | undefined;
const figures: Record<string, unknown> = {};

/** Every item of the table, all pages (the harness's allItems reads one page). */
const everything = () => scanAll(api.table.client, api.table.tableName);

beforeAll(async () => {
  api = await startApi();
});
afterEach(() => {
  undo?.();
  undo = undefined;
});
afterAll(async () => {
  recordReliability('faults', figures);
  await api.close();
});

/** Intercepts the DynamoDB calls of the handlers the local server runs. */
const intercept = (fn: Interceptor) => {
  undo = interceptDynamo(getContainer().client, fn);
};

const throttled = () => dynamoError('ProvisionedThroughputExceededException', 'The level of configured provisioned throughput for the table was exceeded.');

describe('throttling', () => {
  it('retries a throttled write and answers 201 once DynamoDB accepts it', async () => {
    const seeker = await api.token('jobseeker', 'js-throttle-once');
    let attempts = 0;
    intercept(async (op, _req, forward) => (op === 'TransactWriteItems' && ++attempts <= 2 ? throttled() : forward()));

    const res = await api.call('POST', '/learners', { token: seeker, body: learnerBody({ ref: 'throttled' }) });

    expect(res.status).toBe(201);
    expect(attempts).toBe(3);
    const stored = (await everything()).filter((i) => i.id === res.body.id);
    expect(stored.filter((i) => i.entity === 'LEARNER')).toHaveLength(1);
    expect(indexProblems(await everything())).toEqual([]);
    figures.throttledTwiceThenAccepted = { attempts, status: res.status };
  });

  it('answers 503 with Retry-After when throttling outlasts the SDK’s retries, and stores nothing', async () => {
    const seeker = await api.token('jobseeker', 'js-throttle-always');
    let attempts = 0;
    intercept(async (op, _req, forward) => (op === 'TransactWriteItems' ? (attempts++, throttled()) : forward()));
    const before = await everything();

    const res = await api.call('POST', '/learners', { token: seeker, body: learnerBody({ ref: 'never' }) });

    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.detail).not.toMatch(/Provisioned|Exception/);
    expect(attempts).toBe(5);
    expect(await everything()).toEqual(before);
    figures.throttledThroughout = { attempts, status: res.status, retryAfter: res.headers.get('retry-after') };
  });

  it('answers 503 to a read whose throttling outlasts the retries', async () => {
    const employer = await api.token('employer', 'emp-throttle');
    const created = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'T-READ' }) });
    intercept(async (op, _req, forward) => (op === 'GetItem' ? throttled() : forward()));

    const res = await api.call('GET', `/demands/${created.body.id}`, { token: employer });

    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).not.toBeNull();
  });
});

describe('unprocessed items', () => {
  /** DynamoDB Local applies only the first half of each BatchWriteItem; the rest comes back unprocessed. */
  const halfProcessed = (calls: number[]): Interceptor => async (op, req, forward) => {
    if (op !== 'BatchWriteItem') return forward();
    const body = bodyOf(req) as { RequestItems: Record<string, unknown[]> };
    const [table, requests] = Object.entries(body.RequestItems)[0]!;
    calls.push(requests.length);
    if (requests.length === 1) return forward();
    const half = Math.ceil(requests.length / 2);
    const done = await forward(withBody(req, { ...body, RequestItems: { [table]: requests.slice(0, half) } }));
    if (done.response.statusCode !== 200) return done;
    return dynamoOk({ UnprocessedItems: { [table]: requests.slice(half) } });
  };

  it('retries BatchWriteItem until none remain, and every item lands', async () => {
    const { client, tableName } = api.table;
    const calls: number[] = [];
    undo = interceptDynamo(client, halfProcessed(calls));
    const items = Array.from({ length: 120 }, (_, i) => ({ PutRequest: { Item: { pk: `FAULT#${i}`, sk: 'UNPROCESSED', n: i } } }));

    await batchWriteAll(client, tableName, items, { baseDelayMs: 1 });

    const landed = (await scanAll(client, tableName)).filter((i) => i.sk === 'UNPROCESSED');
    expect(landed.map((i) => i.n).sort((a, b) => Number(a) - Number(b))).toEqual(items.map((_, i) => i));
    expect(calls.length).toBeGreaterThan(5);
    figures.unprocessedItems = { items: items.length, batchWriteCalls: calls.length, unprocessedLeft: 0 };
  });

  it('keeps a large record’s index in step when its overflow index writes come back unprocessed', async () => {
    // 60 taxonomy skills, then a move to another region: 60 puts and 60 deletes, more than one transaction holds.
    const ids = [...loadTaxonomy().skills.keys()].slice(0, 60);
    const employer = await api.token('employer', 'emp-overflow');
    const body = demandBody({ ref: 'OVERFLOW', requiredSkills: ids.slice(0, 30), preferredSkills: ids.slice(30) });
    const created = await api.call('POST', '/demands', { token: employer, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const calls: number[] = [];
    intercept(halfProcessed(calls));

    const moved = await api.call('PATCH', `/demands/${created.body.id}`, { token: employer, body: { region: '310115' } });

    expect(moved.status).toBe(200);
    expect(calls.length).toBeGreaterThan(1);
    const entries = (await everything()).filter((i) => i.recordId === created.body.id && i.entity === 'INDEX');
    const jobEntries = (await everything()).filter((i) => i.recordId === created.body.id && i.entity === 'JOB');
    expect(entries).toHaveLength(60);
    expect(entries.every((e) => e.region === '310115')).toBe(true);
    // The job-search entries moved with it.
    expect(jobEntries.length).toBeGreaterThan(0);
    expect(jobEntries.every((e) => e.region === '310115')).toBe(true);
    expect(indexProblems(await everything())).toEqual([]);
  });
});

/** A DynamoDB answer with its body read into memory. */
async function buffered(pending: Promise<WireResponse>): Promise<WireResponse> {
  const { response } = await pending;
  const chunks: Buffer[] = [];
  for await (const chunk of response.body as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return { response: { ...response, body: Readable.from([Buffer.concat(chunks)]) } };
}

describe('concurrent updates', () => {
  /**
   * Holds every read of the record until `n` requests have read it, so all of them read version 1
   * and race at the conditional write: exactly one can win.
   */
  const readBarrier = (id: string, n: number): Interceptor => {
    const waiting: Array<() => void> = [];
    return async (op, req, forward) => {
      if (op !== 'GetItem' || !String(req.body).includes(id)) return forward();
      // Read the answer off its socket before holding it: 50 held sockets would starve the client's pool.
      const read = await buffered(forward());
      if (waiting.length + 1 < n) await new Promise<void>((resolve) => waiting.push(resolve));
      else waiting.splice(0).forEach((release) => release());
      return read;
    };
  };

  it.each([
    ['without If-Match', undefined],
    ['with the same If-Match', '"v1"'],
  ])('lets exactly one of 50 concurrent updates win and answers 409 to the other 49 (%s)', async (name, ifMatch) => {
    const employer = await api.token('employer', 'emp-race');
    const created = await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: `RACE-${ifMatch ? 'IF-MATCH' : 'BLIND'}` }) });
    const id = created.body.id as string;
    intercept(readBarrier(id, 50));

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.call('PATCH', `/demands/${id}`, { token: employer, body: { headcount: i + 10 }, ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}) }),
      ),
    );

    const statuses = answers.map((a) => a.status);
    const winner = answers.find((a) => a.status === 200);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(answers.filter((a) => a.status === 409).every((a) => a.headers.get('content-type') === 'application/problem+json')).toBe(true);
    undo?.();
    undo = undefined;
    const final = await api.call('GET', `/demands/${id}`, { token: employer });
    expect(final.body).toMatchObject({ version: 2, headcount: winner!.body.headcount });
    expect(indexProblems(await everything())).toEqual([]);
    figures[`race${ifMatch ? 'IfMatch' : ''}`] = { requests: 50, winners: 1, conflicts: statuses.filter((s) => s === 409).length };
  });
});

describe('an import killed half-way', () => {
  const skillSets = [
    ['多旋翼无人机驾驶', '无人机维修', '航拍'],
    ['数据标注', 'Python', 'Excel'],
    ['PLC编程', '工业机器人操作'],
    ['Linux', 'SQL', 'Python数据分析'],
  ];
  /** A learners file: version A, or version B in which every profile changes skills, region or consent. */
  const learnersFile = (version: 'A' | 'B', count = 120): string =>
    Array.from({ length: count }, (_, i) =>
      JSON.stringify({
        ref: `L${i}`,
        summary: `第${i}号`,
        skills: skillSets[(i + (version === 'B' ? 1 : 0)) % skillSets.length],
        region: version === 'B' && i % 3 === 0 ? '310115' : '110119',
        group: 'laid_off',
        consentToShare: version === 'A' || i % 2 === 0,
      }),
    ).join('\n');

  const importAs = (owner: string, text: string) => {
    const store = new DynamoRecordStore(getContainer().client, api.table.tableName, systemClock, { index: recordIndex });
    // The people's own profiles (a bureau may not give consent for them); the import-file Lambda
    // (bureau) then only keeps or withdraws consent, which a bureau may.
    const importer: Caller = { sub: owner, role: 'jobseeker' };
    return makeImportRecords('learner', { store, clock: systemClock })(importer, readRows(Readable.from([text]), 'jsonl', 'learner'), { format: 'jsonl', chunkSize: 25 });
  };

  /**
   * Lets `allowed` write calls through, then fails every call, as a frozen or killed Lambda
   * would. `idle()` resolves once no call it let through is still on its way.
   */
  const killAfter = (allowed: number, mode: 'before sending' | 'after applying') => {
    let writes = 0;
    let inFlight = 0;
    let wake: (() => void) | undefined;
    const killed = () => Object.assign(new Error('Task timed out'), { name: 'LambdaKilled' });
    const through = async (forward: () => Promise<WireResponse>) => {
      inFlight++;
      try {
        return await forward();
      } finally {
        if (--inFlight === 0) wake?.();
      }
    };
    const interceptor: Interceptor = async (op, _req, forward) => {
      const write = op === 'BatchWriteItem' || op === 'TransactWriteItems';
      if (write) writes++;
      if (writes <= allowed) return through(forward);
      if (write && mode === 'after applying' && writes === allowed + 1) await through(forward);
      throw killed();
    };
    const idle = () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve)));
    return { interceptor, idle };
  };

  const cases = [0, 1, 2, 3, 5, 8].flatMap((allowed) => (['before sending', 'after applying'] as const).map((mode) => [allowed, mode] as const));

  it.each(cases)('leaves every record whole, old or new, when killed after %i writes (%s), and a re-run completes it', async (allowed, mode) => {
    const owner = `importer-${allowed}-${mode.replace(' ', '-')}`;
    await importAs(owner, learnersFile('A'));
    const kill = killAfter(allowed, mode);
    undo = interceptDynamo(getContainer().client, kill.interceptor);

    const killed = await importAs(owner, learnersFile('B')).then(
      () => 'finished',
      (err: Error) => err.name,
    );
    await kill.idle();
    undo();
    undo = undefined;
    const afterKill = indexProblems(await everything());
    const rerun = await importAs(owner, learnersFile('B'));

    expect(killed).not.toBe('finished');
    expect(afterKill).toEqual([]);
    expect(rerun.rejected).toEqual([]);
    expect(rerun.written + rerun.unchanged).toBe(120);
    expect(indexProblems(await everything())).toEqual([]);
    const mine = (await everything()).filter((i) => i.entity === 'LEARNER' && i.owner === owner);
    expect(mine.filter((i) => i.region === '310115')).toHaveLength(40);
  });

  it('leaves no half-written record when the import Lambda times out mid-file, and its retry finishes the file', async () => {
    const s3 = mockClient(S3Client);
    const { handler } = await import('../../functions/import-file.js');
    const event = { Records: [{ s3: { bucket: { name: 'imports' }, object: { key: 'imports/learners/batch.jsonl' } } }] } as unknown as S3Event;
    const fileB = learnersFile('B');
    s3.on(GetObjectCommand).callsFake(() => ({ Body: Readable.from([fileB]) }));
    s3.on(PutObjectCommand).resolves({});
    await importAs('bureau-import', learnersFile('A'));
    const kill = killAfter(2, 'after applying');
    undo = interceptDynamo(getContainer().client, kill.interceptor);

    const timedOut = await handler(event, importContext).then(
      () => 'finished',
      (err: Error) => err.name,
    );
    await kill.idle();
    undo();
    undo = undefined;
    const afterTimeout = indexProblems(await everything());
    const [retried] = await handler(event, importContext);
    s3.restore();

    expect(timedOut).not.toBe('finished');
    expect(afterTimeout).toEqual([]);
    expect(retried!.rejected).toEqual([]);
    expect(indexProblems(await everything())).toEqual([]);
    figures.killedImport = { killPoints: cases.length + 1, halfWrittenRecords: 0 };
  });
});
