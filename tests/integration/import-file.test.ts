import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, S3Event } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localEnvironment } from '../../local/environment.js';
import { freshTable } from './table.js';

const s3 = mockClient(S3Client);
let table: Awaited<ReturnType<typeof freshTable>>;
let handler: typeof import('../../functions/import-file.js').handler;
let parseImportKey: typeof import('../../functions/import-file.js').parseImportKey;

/** The Lambda context the import function is invoked with. */
const importContext = { functionName: 'import-file', awsRequestId: 'test' } as Context;

const event = (key: string): S3Event => ({ Records: [{ s3: { bucket: { name: 'imports-bucket' }, object: { key } } }] }) as unknown as S3Event;

beforeAll(async () => {
  table = await freshTable();
  Object.assign(process.env, localEnvironment(table.endpoint), { TABLE_NAME: table.tableName });
  ({ handler, parseImportKey } = await import('../../functions/import-file.js'));
});
afterAll(() => table.drop());

describe('import-file handler', () => {
  it('imports a dropped CSV and writes its summary and rejected rows beside it', async () => {
    const csv = '\uFEFFref,title,skillsTaught,level,hours,mode,provider,region\r\nS1,AI数据标注实训,数据标注,初级工,60,online,上海某培训中心,上海市\r\nS2,坏课程,数据标注,初级工,-5,online,某中心,上海市\r\n';
    s3.on(GetObjectCommand).resolves({ Body: Readable.from([csv]) as never });
    s3.on(PutObjectCommand).resolves({});

    const [summary] = await handler(event('imports/courses/2026-11%E6%89%B9.csv'), importContext);

    expect(summary).toMatchObject({ kind: 'course', rows: 2, written: 1 });
    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key);
    expect(puts).toEqual(['imports/courses/2026-11批.csv.summary.json', 'imports/courses/2026-11批.csv.rejected.csv']);
    const stored = await table.client.send(new QueryCommand({ TableName: table.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'OWNER#bureau-import#COURSE' } }));
    expect(stored.Items?.map((i) => i.ref)).toEqual(['S1']);
  });

  it('reads a GB18030 file with Chinese headers through the same import core as the CLI', async () => {
    // Prepare
    s3.reset();
    const csv = '编号,课程名称,培训技能,等级,学时,授课方式,培训机构,地区\r\nG1,无人机驾驶员培训,多旋翼无人机驾驶,初级工,80,线下,延庆职业技能培训学校,北京市延庆区\r\n';
    s3.on(GetObjectCommand).resolves({ Body: Readable.from([iconv.encode(csv, 'gb18030')]) as never });
    s3.on(PutObjectCommand).resolves({});

    // Act
    const [summary] = await handler(event('imports/courses/gbk.csv'), importContext);

    // Assess
    expect(summary).toMatchObject({ kind: 'course', rows: 1, written: 1, rejected: [] });
    const report = JSON.parse(String(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Body));
    expect(report).toMatchObject({ encoding: 'gb18030', ignoredColumns: [] });
    const stored = await table.client.send(new QueryCommand({ TableName: table.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'OWNER#bureau-import#COURSE' } }));
    expect(stored.Items?.find((i) => i.ref === 'G1')).toMatchObject({ title: '无人机驾驶员培训', mode: 'offline', region: '110119' });
  });

  it('writes why a file cannot be read beside it, and imports nothing of it', async () => {
    s3.reset();
    s3.on(GetObjectCommand).resolves({ Body: Readable.from([Buffer.from('ref,title\r\nZ1,x\r\n')]) as never });
    s3.on(PutObjectCommand).resolves({});

    const summaries = await handler(event('imports/courses/no-columns.csv'), importContext);

    expect(summaries).toEqual([]);
    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => p.Key)).toEqual(['imports/courses/no-columns.csv.summary.json']);
    expect(JSON.parse(String(puts[0]!.Body))).toMatchObject({ kind: 'course', error: { code: 'missing-columns', message: expect.stringContaining('skillsTaught (培训技能)') } });
  });

  it('ignores its own reports and files outside imports/<kind>/', () => {
    expect(parseImportKey('imports/courses/a.csv.rejected.csv')).toEqual(expect.any(String));
    expect(parseImportKey('imports/other/a.csv')).toEqual(expect.any(String));
    expect(parseImportKey('imports/demands/a.pdf')).toEqual(expect.any(String));
    expect(parseImportKey('imports/demands/a.xlsx')).toEqual({ kind: 'demand', format: 'xlsx' });
    expect(parseImportKey('imports/learners/a.jsonl')).toEqual({ kind: 'learner', format: 'jsonl' });
  });
});
