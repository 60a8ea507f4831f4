import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const START = fileURLToPath(new URL('../../local/start.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** Starts `npm start`'s entry point in `cwd` and resolves with the API base URL it prints. */
function start(cwd: string, args: string[]): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn('node', ['--import', TSX, START, '--port', '0', '--dynamodb-port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /API:\s+(http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code} before ready:\n${out}`)));
  });
  return { child, ready };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

/**
 * Whether a process still runs. A killed process whose parent has not reaped it yet (a zombie, as
 * an orphan re-parented to a busy init can be for a moment) has stopped running: it counts as dead.
 */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state …"; Z is a zombie.
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it('serves the API on DynamoDB Local and stops its Java child on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sb-start-'));
    const { child, ready } = start(cwd, ['--no-seed']);
    const base = await ready;

    const health = await fetch(`${base}/health`);
    const pid = Number(readFileSync(join(cwd, '.data', 'dynamodb.pid'), 'utf8'));
    child.kill('SIGTERM');

    expect(health.status).toBe(200);
    expect(await exited(child)).toBe(0);
    expect(alive(pid)).toBe(false);
  });

  it('starts again after a crash that left DynamoDB Local running', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sb-crash-'));
    const first = start(cwd, ['--no-seed']);
    await first.ready;
    const orphan = Number(readFileSync(join(cwd, '.data', 'dynamodb.pid'), 'utf8'));
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(alive(orphan)).toBe(true);

    const second = start(cwd, ['--no-seed']);
    const base = await second.ready;
    const health = await fetch(`${base}/health`);
    second.child.kill('SIGTERM');
    await exited(second.child);

    expect(health.status).toBe(200);
    // SIGKILL is delivered asynchronously: wait for it to land rather than read the state once.
    await expect.poll(() => alive(orphan), { timeout: 10_000 }).toBe(false);
  });

  it('keeps nothing on disk with --in-memory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sb-mem-'));
    const { child, ready } = start(cwd, ['--in-memory', '--no-seed']);
    await ready;
    child.kill('SIGTERM');
    await exited(child);

    const { readdirSync, existsSync } = await import('node:fs');
    const left = existsSync(join(cwd, '.data')) ? readdirSync(join(cwd, '.data')) : [];
    expect(left.filter((f) => f !== 'dev-token-key')).toEqual([]);
  });
});
