import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { DynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.js';
import type { Caller } from '../../shared/domain/caller.js';
import { readRows } from '../../shared/import/read-rows.js';
import { systemClock } from '../../shared/ports/clock.js';
import type { RecordChange, RecordStore } from '../../shared/ports/record-store.js';
import { makeImportRecords } from '../../shared/use-cases/import-records.js';
import { startDynamoLocal } from '../../local/dynamodb-local.js';
import { ensureTable } from '../../local/table.js';
import type { BenchSection } from './run.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const SKILLS = ['多旋翼无人机驾驶', '无人机维修', '航拍', '数据标注', 'Python', 'Excel', 'PLC编程', '数控车床', '焊接', '电商直播', '养老护理', '叉车', 'Linux', 'SQL', '工业机器人操作'];
const REGIONS = ['110119', '110108', '310115', '440305', '510107', '340104'];

/** A demands CSV of `rows` lines, as a bureau might export it. */
function demandsCsv(rows: number): string {
  const lines = ['\uFEFFref,employer,title,requiredSkills,preferredSkills,region,headcount,salaryMin,salaryMax'];
  for (let i = 0; i < rows; i++) {
    const a = SKILLS[i % SKILLS.length]!;
    const b = SKILLS[(i * 7 + 3) % SKILLS.length]!;
    const c = SKILLS[(i * 11 + 5) % SKILLS.length]!;
    lines.push(`B-${i},企业${i % 500},岗位${i},${a};${b},${c},${REGIONS[i % REGIONS.length]},${1 + (i % 9)},${5000 + (i % 7) * 500},${9000 + (i % 5) * 500}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The naive importer the benchmark compares against: the same parsing and validation, then
 * one PutItem at a time for the record and each of its index items.
 */
class OnePutAtATimeStore {
  constructor(
    private readonly inner: DynamoRecordStore,
    private readonly client: ReturnType<typeof makeDocumentClient>,
    private readonly tableName: string,
  ) {}

  getMany(...args: Parameters<RecordStore['getMany']>) {
    return this.inner.getMany(...args);
  }

  async saveMany(changes: readonly RecordChange[]): Promise<void> {
    // Capture the items the shipped path would write (in transactions, or in batches for the
    // rare overflow), then write them one request each.
    type Put = { Item: Record<string, unknown> };
    const items: Record<string, unknown>[] = [];
    const capture = {
      send: async (cmd: { input: { TransactItems?: Array<{ Put?: Put }>; RequestItems?: Record<string, Array<{ PutRequest?: Put }>> } }) => {
        for (const t of cmd.input.TransactItems ?? []) if (t.Put) items.push(t.Put.Item);
        for (const r of cmd.input.RequestItems?.[this.tableName] ?? []) if (r.PutRequest) items.push(r.PutRequest.Item);
        return {};
      },
    };
    await new DynamoRecordStore(capture as never, this.tableName, systemClock).saveMany(changes);
    for (const Item of items) await this.client.send(new PutCommand({ TableName: this.tableName, Item }));
  }
}

async function timeImport(store: Pick<RecordStore, 'getMany' | 'saveMany'>, file: string, expectWritten = ROWS) {
  const importer: Caller = { sub: 'bench', role: 'bureau', region: 'national' };
  const started = performance.now();
  const summary = await makeImportRecords('demand', { store: store as RecordStore, clock: systemClock })(importer, readRows(createReadStream(file), 'csv'), { format: 'csv' });
  const seconds = (performance.now() - started) / 1000;
  if (summary.written !== expectWritten) throw new Error(`expected ${expectWritten} rows written, got ${summary.written} (${summary.rejected.length} rejected)`);
  return seconds;
}

/** (a) Bulk import of 20,000 demands: the shipped path against one PutItem at a time. */
export async function benchImport(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-import-'));
  const file = join(dir, 'demands.csv');
  writeFileSync(file, demandsCsv(ROWS));
  const dynamo = await startDynamoLocal({ port: 0 });
  try {
    const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(raw, 'bench-batch', { stream: false });
    await ensureTable(raw, 'bench-naive', { stream: false });
    const client = makeDocumentClient({ endpoint: dynamo.endpoint });
    const batch = await timeImport(new DynamoRecordStore(client, 'bench-batch', systemClock), file);
    const naive = await timeImport(new OnePutAtATimeStore(new DynamoRecordStore(client, 'bench-naive', systemClock), client, 'bench-naive'), file);
    const again = await timeImport(new DynamoRecordStore(client, 'bench-batch', systemClock), file, 0);
    const rate = (s: number) => Math.round(ROWS / s).toLocaleString('en');
    return {
      title: 'Bulk import (issue 2a)',
      markdown: [
        `${ROWS.toLocaleString('en')} demands from one CSV (each demand is its record plus about three skill-index items), DynamoDB Local in memory (tables without a stream, which DynamoDB Local would make slower with every write), validation and skill normalisation included in both.`,
        '',
        '| importer | wall time | rows/s |',
        '| --- | ---: | ---: |',
        `| shipped: each record with its index items in one TransactWriteItems, several records a transaction (≤ 100 items), 4 in flight | ${batch.toFixed(1)} s | ${rate(batch)} |`,
        `| naive: one PutItem at a time | ${naive.toFixed(1)} s | ${rate(naive)} |`,
        `| **ratio** | | **${(naive / batch).toFixed(1)}×** |`,
        '',
        `Re-running the same file writes nothing (every row is unchanged; only BatchGetItem reads): ${again.toFixed(1)} s.`,
      ].join('\n'),
    };
  } finally {
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

