import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../shared/domain/campaign/types.js';
import type { Page, PageRequest } from '../../../shared/ports/record-store.js';
import { makeResumeUnfinished } from '../../../shared/use-cases/campaign/resume.js';

/** The national list as pages of two, newest first. */
function listOf(statuses: ReadonlyArray<Campaign['status']>) {
  const all = statuses.map((status, i) => ({ id: `cp_${i}`, status }) as Campaign);
  const asked: Array<string | undefined> = [];
  const listByRegion = async (region: string, page: PageRequest): Promise<Page<Campaign>> => {
    expect(region).toBe('national');
    asked.push(page.nextToken);
    const from = Number(page.nextToken ?? 0);
    const to = Math.min(from + 2, all.length);
    return to < all.length ? { items: all.slice(from, to), nextToken: String(to) } : { items: all.slice(from, to) };
  };
  return { listByRegion, asked };
}

describe('resume unfinished campaigns on start-up', () => {
  it('restarts every queued or running campaign, across pages, and leaves finished ones alone', async () => {
    const campaigns = listOf(['completed', 'running', 'queued', 'failed', 'cancelled', 'running']);
    const started: string[] = [];

    const resumed = await makeResumeUnfinished({ campaigns, dispatcher: { start: async (id) => void started.push(id) } })();

    expect(resumed).toEqual(['cp_1', 'cp_2', 'cp_5']);
    expect(started).toEqual(resumed);
    expect(campaigns.asked).toEqual([undefined, '2', '4']);
  });

  it('restarts nothing when nothing was left unfinished', async () => {
    const started: string[] = [];

    const resumed = await makeResumeUnfinished({ campaigns: listOf(['completed']), dispatcher: { start: async (id) => void started.push(id) } })();

    expect([resumed, started]).toEqual([[], []]);
  });
});
