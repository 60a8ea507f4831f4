import { describe, expect, it } from 'vitest';
import { engagementId, isOpen, mayMove, moved, revealsContact, sideOf, type Engagement } from '../../../shared/domain/engagement.js';

const base: Engagement = {
  id: 'a_x',
  kind: 'application',
  demandId: 'd_x',
  demandRef: 'R',
  title: '无人机驾驶员',
  employer: '某公司',
  employerSub: 'emp',
  region: '110119',
  learnerId: 'l_x',
  learnerRef: 'me',
  learnerSub: 'js',
  status: 'sent',
  timestamps: { sent: '2026-12-01T00:00:00.000Z' },
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
};

describe('engagement state machine', () => {
  it('lets the employer answer an application and the seeker withdraw it, never the other way round', () => {
    expect(mayMove(base, 'employer', 'accepted')).toBe(true);
    expect(mayMove(base, 'seeker', 'accepted')).toBe(false);
    expect(mayMove(base, 'seeker', 'withdrawn')).toBe(true);
    expect(mayMove(base, 'employer', 'hired')).toBe(false);
    expect(mayMove({ ...base, status: 'accepted' }, 'employer', 'hired')).toBe(true);
    expect(mayMove({ ...base, status: 'declined' }, 'seeker', 'withdrawn')).toBe(false);
  });

  it('lets the seeker answer an invitation and the employer withdraw it only before an answer', () => {
    const invitation = { ...base, kind: 'invitation' as const };

    expect(mayMove(invitation, 'seeker', 'accepted')).toBe(true);
    expect(mayMove(invitation, 'employer', 'accepted')).toBe(false);
    expect(mayMove(invitation, 'employer', 'withdrawn')).toBe(true);
    expect(mayMove({ ...invitation, status: 'accepted' }, 'employer', 'withdrawn')).toBe(false);
    expect(mayMove({ ...invitation, status: 'accepted' }, 'system', 'withdrawn')).toBe(true);
  });

  it('reveals contact details for a live application and an accepted invitation only', () => {
    expect(revealsContact(base)).toBe(true);
    expect(revealsContact({ ...base, status: 'withdrawn' })).toBe(false);
    expect(revealsContact({ ...base, status: 'declined' })).toBe(false);
    expect(revealsContact({ ...base, kind: 'invitation' })).toBe(false);
    expect(revealsContact({ ...base, kind: 'invitation', status: 'viewed' })).toBe(false);
    expect(revealsContact({ ...base, kind: 'invitation', status: 'accepted' })).toBe(true);
  });

  it('records when each status was reached and raises the version', () => {
    const next = moved(base, 'viewed', '2026-12-02T00:00:00.000Z');

    expect(next.timestamps).toEqual({ sent: '2026-12-01T00:00:00.000Z', viewed: '2026-12-02T00:00:00.000Z' });
    expect(next.version).toBe(2);
    expect(isOpen(next)).toBe(true);
    expect(isOpen({ ...next, status: 'hired' })).toBe(false);
  });

  it('knows each party by role and account, and derives one id per learner and demand', () => {
    expect(sideOf('jobseeker', 'js', base)).toBe('seeker');
    expect(sideOf('employer', 'emp', base)).toBe('employer');
    expect(sideOf('employer', 'js', base)).toBeUndefined();
    expect(engagementId('application', 'd_1', 'l_1')).toBe(engagementId('application', 'd_1', 'l_1'));
    expect(engagementId('application', 'd_1', 'l_1')).not.toBe(engagementId('invitation', 'd_1', 'l_1'));
    expect(engagementId('application', 'd_1', 'l_1')).toMatch(/^a_[0-9a-f]{24}$/);
  });
});
