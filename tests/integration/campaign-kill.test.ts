import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.js';
import type { Campaign, CampaignResult } from '../../shared/domain/campaign/types.js';
import { campaignRecords } from '../fixtures/campaign-records.js';
import { seededCampaignTable } from './table.js';

const BIN = fileURLToPath(new URL('../../bin/skillbridge.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOW = new Date();

let table: Awaited<ReturnType<typeof seededCampaignTable>>['table'];
let campaigns: DynamoCampaignStore;
const data = campaignRecords({ learners: 200, demands: 40, courses: 12, elsewhere: 0, now: NOW, seed: 11 });

beforeAll(async () => {
  ({ table, campaigns } = await seededCampaignTable(data, { now: () => NOW }));
}, 120_000);
afterAll(() => table.drop());

/** `skillbridge campaign run` against the test table, as an operator would type it. */
function run(): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(
    'node',
    [BIN, 'campaign', 'run', '--region', '110119', '--group', 'migrant_worker', '--group', 'graduate', '--group', 'veteran', '--group', 'other', '--assign', '--page-size', '10', '--owner', 'kill-test', '--json', '--endpoint', table.endpoint, '--table', table.tableName],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

const waitFor = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('skillbridge campaign run, killed with SIGKILL', () => {
  it('resumes where it stopped with no learner missing and none twice', async () => {
    // Prepare: start a run and kill -9 it once some results are stored.
    const first = run();
    const id = await waitFor('the campaign id', () => /Campaign (cp_[a-z2-7]{20}) started/.exec(first.stderr())?.[1] ?? (first.child.exitCode !== null ? 'exited' : undefined));
    expect(id, first.stderr()).toMatch(/^cp_/);
    const interrupted = await waitFor('some progress', async () => {
      const c = await campaigns.get(id);
      return c && c.done > 0 ? c : undefined;
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const afterKill = (await campaigns.get(id))!;

    // Act: the same command again.
    const second = run();
    const code = await second.exited;

    // Assess
    expect(interrupted.status).toBe('running');
    expect(afterKill.status).toBe('running');
    expect(afterKill.done + afterKill.failed).toBeLessThan(data.learners.length);
    expect(second.stderr()).toContain(`Campaign ${id} resumed`);
    expect(code, second.stderr()).toBe(0);
    const final = JSON.parse(second.stdout()) as { id: string; status: string; progress: { done: number; total: number; failed: number } };
    expect(final.id).toBe(id);
    expect(final.status).toBe('completed');

    const seen = new Map<string, number>();
    for await (const r of campaigns.allResults(id)) seen.set((r as CampaignResult).learner.id, (seen.get(r.learner.id) ?? 0) + 1);
    const stored: Campaign = (await campaigns.get(id))!;
    expect([...seen.values()].filter((n) => n > 1)).toEqual([]);
    expect(new Set(seen.keys())).toEqual(new Set(data.learners.map((l) => l.id)));
    expect(stored.total).toBe(data.learners.length);
    expect(stored.done + stored.failed).toBe(data.learners.length);
    expect(final.progress).toEqual({ done: stored.done, total: data.learners.length, failed: stored.failed });
    expect(stored.summary?.learners).toBe(data.learners.length);
  }, 240_000);
});
