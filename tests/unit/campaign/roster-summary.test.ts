import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoster, unfilledDemands, type RosterLearner } from '../../../shared/domain/campaign/roster.js';
import { summarise } from '../../../shared/domain/campaign/summary.js';
import type { CampaignSnapshot, SnapshotCourse, SnapshotDemand } from '../../../shared/domain/campaign/types.js';
import type { LearnerGroup } from '../../../shared/schemas/learner.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();

const demand = (id: string, headcount: number): SnapshotDemand => ({ id, ref: id.toUpperCase(), title: `岗位${id}`, employer: '延庆企业', region: '110119', headcount, needs: [{ skillId: 'uav-piloting', level: null, role: 'required' }] });
const course = (id: string, seats?: number): SnapshotCourse => ({
  id, ref: id.toUpperCase(), title: `课程${id}`, provider: '培训中心', region: '110119', mode: 'offline', level: 2, hours: 40, taught: [['uav-piloting', 2]], ...(seats !== undefined ? { seats } : {}),
});
const snapshot = (demands: SnapshotDemand[], courses: SnapshotCourse[] = [], shortage: Record<string, number> = {}): CampaignSnapshot => ({ takenAt: '', demands, courses, market: '110100', shortage });
const learner = (id: string, group: LearnerGroup, matches: Array<[string, number]>, recommendations: Array<[string, number, number]> = [], gap: string[] = []): RosterLearner => ({
  id, group, failed: false,
  matches: matches.map(([d, score]) => ({ id: d, score })),
  recommendations: recommendations.map(([c, score, subsidyYuan]) => ({ id: c, score, subsidyYuan })),
  gap: gap.map((skillId) => ({ skillId, role: 'required', weight: 1 })),
});

describe('buildRoster', () => {
  it('never assigns more learners to a demand or a course than its places, nor a learner twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ m: fc.array(fc.tuple(fc.nat(5), fc.double({ min: 0.3, max: 1, noNaN: true })), { maxLength: 4 }), r: fc.array(fc.tuple(fc.nat(3), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 3 }) }), { maxLength: 40 }),
        (heads, seats, raw) => {
          // Prepare
          const snap = snapshot(heads.map((h, i) => demand(`d${i}`, h)), seats.map((s, i) => course(`c${i}`, s)));
          const learners = raw.map((l, i) => learner(`l${i}`, 'other', l.m.map(([d, s]) => [`d${d}`, s]), l.r.map(([c, s]) => [`c${c}`, s, 100])));

          // Act
          const roster = buildRoster(learners, snap);

          // Assess
          for (const d of snap.demands) expect(roster.demandFilled.get(d.id) ?? 0).toBeLessThanOrEqual(d.headcount);
          for (const c of snap.courses) expect(roster.courseFilled.get(c.id) ?? 0).toBeLessThanOrEqual(c.seats ?? Number.POSITIVE_INFINITY);
          for (const [id, place] of roster.assignments) {
            const l = learners.find((x) => x.id === id)!;
            const options = place.kind === 'demand' ? l.matches : l.recommendations;
            expect(options.map((o) => o.id)).toContain(place.id);
          }
          expect([...roster.demandFilled.values(), ...roster.courseFilled.values()].reduce((s, n) => s + n, 0)).toBe(roster.assignments.size);
        },
      ),
    );
  });

  it('gives the best-scoring candidates the places and training seats to those left without a job', () => {
    // Prepare
    const snap = snapshot([demand('d1', 1)], [course('c1', 1)]);
    const learners = [learner('a', 'graduate', [['d1', 0.9]], [['c1', 0.5, 800]]), learner('b', 'veteran', [['d1', 0.8]], [['c1', 0.4, 1200]]), learner('c', 'veteran', [], [['c1', 0.9, 1200]])];

    // Act
    const roster = buildRoster(learners, snap);

    // Assess: a takes the one job (0.9 over b's 0.8); the one seat goes to c, who scores better for it than b.
    expect(roster.assignments.get('a')).toMatchObject({ kind: 'demand', id: 'd1' });
    expect(roster.assignments.get('c')).toMatchObject({ kind: 'course', id: 'c1' });
    expect(roster.assignments.has('b')).toBe(false);
  });
});

describe('unfilledDemands', () => {
  it('says why places stayed open: no candidate, candidates placed elsewhere, or too few candidates', () => {
    // Prepare: l1 prefers d1, which also wanted l2 and d3 which nobody matched.
    const snap = snapshot([demand('d1', 2), demand('d2', 1), demand('d3', 2)]);
    const learners = [learner('l1', 'other', [['d2', 0.9], ['d1', 0.5]]), learner('l2', 'other', [['d1', 0.7]])];

    // Act
    const withRoster = unfilledDemands(learners, snap, buildRoster(learners, snap));
    const without = unfilledDemands(learners, snap, undefined);

    // Assess
    expect(withRoster.map((u) => [u.id, u.filled, u.unfilled, u.reason])).toEqual([
      ['d3', 0, 2, 'no-candidate'],
      ['d1', 1, 1, 'candidates-went-elsewhere'],
    ]);
    expect(withRoster[1]!.why.en).toBe('Candidates went to better-scoring demands');
    expect(without.map((u) => [u.id, u.filled, u.unfilled, u.reason])).toEqual([['d3', 0, 2, 'no-candidate']]);
  });
});

describe('summarise', () => {
  it('reports match and assignment rates per target group side by side', () => {
    // Prepare
    const snap = snapshot([demand('d1', 1), demand('d2', 5)], [course('c1')]);
    const learners = [
      learner('m1', 'migrant_worker', [['d1', 0.9]]),
      learner('m2', 'migrant_worker', [], [['c1', 0.5, 1000]]),
      learner('g1', 'graduate', [['d1', 0.8], ['d2', 0.4]]),
      learner('g2', 'graduate', [['d2', 0.6]]),
    ];

    // Act
    const summary = summarise(learners, snap, buildRoster(learners, snap), { taxonomy, groups: ['veteran', 'migrant_worker', 'graduate'] });

    // Assess
    expect(summary.byGroup.map((g) => [g.group, g.learners, g.matched, g.matchRate, g.assigned, g.assignmentRate])).toEqual([
      ['graduate', 2, 2, 1, 2, 1],
      ['migrant_worker', 2, 1, 0.5, 2, 1],
      ['veteran', 0, 0, 0, 0, 0],
    ]);
    expect([summary.learners, summary.matched, summary.assigned, summary.assignedToJobs, summary.assignedToCourses]).toEqual([4, 3, 4, 3, 1]);
    expect(summary.method.assignment).toBe('greedy');
  });

  it('ranks the shortage skills of the gaps and adds up the seats asked for and the subsidy they imply', () => {
    // Prepare
    const snap = snapshot([demand('d1', 3)], [course('c1', 10), course('c2', 10)], { 'uav-maintenance': 2.4 });
    const learners = [
      learner('a', 'other', [], [['c1', 0.5, 1500], ['c2', 0.4, 900]], ['uav-maintenance', 'caac-uav-licence']),
      learner('b', 'veteran', [], [['c1', 0.6, 2000]], ['uav-maintenance']),
      learner('c', 'other', [], [['c2', 0.7, 900]], ['caac-uav-licence', 'uav-maintenance']),
    ];

    // Act
    const summary = summarise(learners, snap, undefined, { taxonomy });

    // Assess
    expect(summary.shortageSkills.map((s) => [s.skillId, s.learners, s.shortageIndex])).toEqual([
      ['uav-maintenance', 3, 2.4],
      ['caac-uav-licence', 2, 1],
    ]);
    expect(summary.shortageSkills[0]!.label.zh).toBe('无人机维修');
    expect(summary.courses.map((c) => [c.id, c.recommendedSeats, c.recommendedSubsidyYuan, c.assignedSeats])).toEqual([
      ['c1', 2, 3500, undefined],
      ['c2', 1, 900, undefined],
    ]);
    expect(summary.subsidyBudgetYuan).toEqual({ recommended: 4400 });
    expect(summary.unfilled).toMatchObject({ demands: 1, places: 3 });
    expect(summary.method.assignment).toBe('none');
  });
});
