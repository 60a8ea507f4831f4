import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { makeDocumentClient } from '#shared/adapters/dynamodb/client.js';
import { IndexPresence } from '#shared/adapters/dynamodb/index-presence.js';
import { devTokenKey } from './dev-token.js';
import { startDynamoLocal } from './dynamodb-local.js';
import { localEnvironment, DATA_DIR, TABLE_NAME } from './environment.js';
import { createLocalServer } from './server.js';
import { createWebExtra } from './static.js';
import { ensureTable } from './table.js';
import { seedCatalogue } from './seed.js';
import { startStreamPoller, type StreamPoller } from './stream-poller.js';
import { getCampaignContainer } from '#functions/campaign-container.js';
import { makeResumeUnfinished } from '#shared/use-cases/campaign/resume.js';
import { SWEEP_GRACE_MS } from '#shared/use-cases/erasure.js';
import { sweepErasures } from './sweep-erasures.js';
import { rememberEndpoints } from './endpoints.js';

/**
 * `npm start`: DynamoDB Local as a child process, the table from the shared schema, the built-in
 * catalogue, and the HTTP API on the same handlers that run in Lambda.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      'in-memory': { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      'dynamodb-port': { type: 'string', default: '8000' },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port ${values.port} is not a port number`);
  const inMemory = values['in-memory'];

  process.stdout.write(`Starting DynamoDB Local (${inMemory ? 'in memory' : `data in ${DATA_DIR}/`}) …\n`);
  const dynamo = await startDynamoLocal({
    port: Number(values['dynamodb-port']),
    dataDir: inMemory ? undefined : join(DATA_DIR, 'dynamodb'),
    pidFile: inMemory ? undefined : join(DATA_DIR, 'dynamodb.pid'),
  });
  let stopping = false;
  let poller: StreamPoller | undefined;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping …\n');
    server.close();
    // The poller reads DynamoDB Local, so it stops first.
    await poller?.stop();
    await dynamo.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('uncaughtException', (err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    void stop(1);
  });

  Object.assign(process.env, localEnvironment(dynamo.endpoint));
  const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const table = await ensureTable(raw, TABLE_NAME);
  raw.destroy();
  // Match calls skip skill partitions that hold nobody once the table's presence items are complete.
  const documents = makeDocumentClient({ endpoint: dynamo.endpoint });
  const recorded = await new IndexPresence(documents, TABLE_NAME).makeComplete();
  documents.destroy();
  if (recorded !== undefined && recorded > 0) process.stdout.write(`Skill index presence: ${recorded} entries recorded.
`);
  if (!values['no-seed']) {
    const seeded = await seedCatalogue();
    process.stdout.write(`Catalogue: ${seeded}\n`);
  }
  // From the stream's start, so the seed (and anything written while stopped, up to 24 hours back) is counted.
  poller = startStreamPoller({ endpoint: dynamo.endpoint, tableName: TABLE_NAME });

  // Campaigns a crash (or a stop) left queued or running go on where they stopped, with the same runner.
  const { campaigns, dispatcher } = getCampaignContainer();
  const resumed = await makeResumeUnfinished({ campaigns, dispatcher })();
  if (resumed.length > 0) process.stdout.write(`Resumed ${resumed.length} unfinished campaign(s): ${resumed.join(', ')}\n`);
  // Learner deletions a crash left half cleaned up are finished now (no request is running yet), then every 15 minutes as in AWS.
  const swept = await sweepErasures({ graceMs: 0 });
  if (swept.finished > 0) process.stdout.write(`Finished ${swept.finished} interrupted learner deletion(s).\n`);
  setInterval(() => void sweepErasures().catch((err: unknown) => process.stderr.write(`erasure sweep failed: ${(err as Error).message}\n`)), SWEEP_GRACE_MS).unref();

  const tokenKey = devTokenKey(join(DATA_DIR, 'dev-token-key'));
  const server = createLocalServer({
    tokenKey,
    // The pages, /config.json and the local-only POST /dev/token (local/static.ts); builds web/dist/ if stale.
    extra: await createWebExtra({ tokenKey }),
    ...(values.verbose ? { log: (line: string) => process.stdout.write(`${line}\n`) } : { log: (line: string) => (line.startsWith('local server error') || line.startsWith('token rejected')) && process.stderr.write(`${line}\n`) }),
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    const base = `http://localhost:${actual}`;
    if (!inMemory) rememberEndpoints({ api: base, dynamodb: dynamo.endpoint });
    process.stdout.write(
      [
        '',
        `SkillBridge is running (table ${table}, DynamoDB Local at ${dynamo.endpoint}).`,
        `  Pages:    ${base}/`,
        `  API:      ${base}`,
        `  OpenAPI:  ${base}/openapi.json`,
        `  Token:    npx skillbridge token --role jobseeker|employer|bureau --sub YOUR-ID [--region 110119|national]`,
        `            then send  Authorization: Bearer <token>`,
        `  Stop:     Ctrl-C`,
        '',
      ].join('\n'),
    );
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`npm start failed: ${(err as Error).message}\n`);
  process.exit(1);
});
