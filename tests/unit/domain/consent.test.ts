import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.js';
import { decideConsent, PRIVACY_NOTICE_VERSION } from '../../../shared/domain/consent.js';
import type { RawRow } from '../../../shared/import/read-rows.js';
import { makeImportRecords } from '../../../shared/use-cases/import-records.js';
import { MemoryRecordStore } from '../recommend/fakes.js';

const now = new Date('2026-12-06T10:00:00Z');
const self: Caller = { sub: 'js-1', role: 'jobseeker' };
const bureau: Caller = { sub: 'bur-1', role: 'bureau', region: '110119' };

describe('decideConsent', () => {
  it('lets the learner grant consent and records it as theirs', () => {
    const outcome = decideConsent(self, 'js-1', { consentToShare: false }, true, now);

    expect(outcome).toEqual({ ok: true, consentToShare: true, consent: { given: true, by: 'self', subject: 'js-1', at: now.toISOString(), noticeVersion: PRIVACY_NOTICE_VERSION } });
  });

  it('refuses a grant by bureau staff, on a new profile and on an existing one', () => {
    expect(decideConsent(bureau, 'js-1', { consentToShare: false }, true, now)).toMatchObject({ ok: false, issue: { path: '/consentToShare' } });
    expect(decideConsent(bureau, 'bur-1', undefined, true, now, '/4/consentToShare')).toMatchObject({ ok: false, issue: { path: '/4/consentToShare' } });
  });

  it('refuses a grant by a job seeker on a profile that is not theirs', () => {
    expect(decideConsent({ sub: 'js-2', role: 'jobseeker' }, 'js-1', { consentToShare: false }, true, now).ok).toBe(false);
  });

  it('lets bureau staff withdraw, recording the withdrawal as theirs', () => {
    const outcome = decideConsent(bureau, 'js-1', { consentToShare: true }, false, now);

    expect(outcome).toMatchObject({ ok: true, consentToShare: false, consent: { given: false, by: 'bureau', subject: 'bur-1' } });
  });

  it('keeps an unchanged consent and its provenance, whoever submits', () => {
    const consent = { given: true, by: 'self', subject: 'js-1', at: '2026-01-01T00:00:00.000Z', noticeVersion: '2026-01' } as const;

    expect(decideConsent(bureau, 'js-1', { consentToShare: true, consent }, true, now)).toEqual({ ok: true, consentToShare: true, consent });
    expect(decideConsent(bureau, 'js-1', { consentToShare: true, consent }, undefined, now)).toEqual({ ok: true, consentToShare: true, consent });
  });
});

describe('learner import and consent', () => {
  async function* rows(): AsyncIterable<RawRow> {
    const base = { skills: ['Excel'], region: '110119', group: 'other' };
    yield { line: 2, value: { ...base, ref: 'A', consentToShare: false } };
    yield { line: 3, value: { ...base, ref: 'B', consentToShare: true } };
  }

  it('rejects the rows of a bureau import that would give consent, naming consentToShare, and lands the rest', async () => {
    const store = new MemoryRecordStore();

    const summary = await makeImportRecords('learner', { store, clock: { now: () => now } })(bureau, rows(), { format: 'jsonl' });

    expect(summary.written).toBe(1);
    expect(summary.rejected).toEqual([{ line: 3, ref: 'B', errors: [expect.objectContaining({ path: '/consentToShare' })] }]);
  });
});
