import { describe, expect, it } from 'vitest';
import { campaignFunnel, chinaDay, countsOnce, dayMinus, daysBetween, increments, stageOf, sumCounters } from '../../../shared/domain/funnel.js';
import { widening } from '../../../shared/use-cases/jobs.js';

describe('placements funnel (domain)', () => {
  it('maps engagement moves to stages: creating is applied or invited, then accepted and hired; the rest is no stage', () => {
    expect([stageOf('application', 'sent'), stageOf('invitation', 'sent'), stageOf('invitation', 'accepted'), stageOf('application', 'hired')]).toEqual(['applied', 'invited', 'accepted', 'hired']);
    expect([stageOf('application', 'viewed'), stageOf('application', 'declined'), stageOf('invitation', 'withdrawn')]).toEqual([undefined, undefined, undefined]);
  });

  it('counts a status only the first time an engagement reaches it', () => {
    expect(countsOnce({}, 'sent')).toBe(true);
    expect(countsOnce({ sent: '2026-12-01T00:00:00Z', withdrawn: '2026-12-02T00:00:00Z' }, 'sent')).toBe(false);
  });

  it('raises each of the learner’s groups once and the total once', () => {
    expect(increments('applied', ['graduate', 'disabled', 'graduate'])).toEqual({ 'applied#all': 1, 'applied#graduate': 1, 'applied#disabled': 1 });
    expect(increments('hired', [])).toEqual({ 'hired#all': 1 });
  });

  it('sums days of counters into a total and rows in group order, leaving out groups with no count', () => {
    const report = sumCounters([
      { pk: 'FUNNEL#110119', 'applied#all': 2, 'applied#veteran': 1, 'applied#graduate': 1 },
      { 'applied#all': 1, 'applied#graduate': 1, 'hired#all': 1, 'hired#graduate': 1, 'matched#laid_off': 0 },
    ]);

    expect(report.total).toEqual({ matched: 0, applied: 3, invited: 0, accepted: 0, hired: 1 });
    expect(report.byGroup).toEqual([
      { group: 'graduate', matched: 0, applied: 2, invited: 0, accepted: 0, hired: 1 },
      { group: 'veteran', matched: 0, applied: 1, invited: 0, accepted: 0, hired: 0 },
    ]);
  });

  it('takes a campaign’s matched counts from its summary and the later stages from its counters', () => {
    const counters = sumCounters([{ 'applied#all': 1, 'applied#veteran': 1 }]);
    const funnel = campaignFunnel({ matched: 3, byGroup: [{ group: 'graduate', matched: 2 }, { group: 'veteran', matched: 1 }, { group: 'disabled', matched: 0 }] }, counters);

    expect(funnel.total).toEqual({ matched: 3, applied: 1, invited: 0, accepted: 0, hired: 0 });
    expect(funnel.byGroup.map((g) => [g.group, g.matched, g.applied])).toEqual([
      ['graduate', 2, 0],
      ['veteran', 1, 1],
    ]);
  });

  it('dates steps by the China day, and counts days inclusively', () => {
    expect(chinaDay(new Date('2026-12-06T16:30:00Z'))).toBe('2026-12-07');
    expect(chinaDay(new Date('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
    expect(daysBetween('2026-12-01', '2026-12-31')).toBe(31);
    expect(dayMinus('2026-03-01', 1)).toBe('2026-02-28');
  });
});

describe('job search widening', () => {
  it('widens a district to its city and province, a city to its province, and a province nowhere', () => {
    expect(widening('130102')).toEqual([
      { region: '130102', scope: 'region' },
      { region: '130100', scope: 'city' },
      { region: '130000', scope: 'province' },
    ]);
    expect(widening('130100')).toEqual([
      { region: '130100', scope: 'region' },
      { region: '130000', scope: 'province' },
    ]);
    expect(widening('130000')).toEqual([{ region: '130000', scope: 'region' }]);
  });
});
