import { describe, expect, it } from 'vitest';
import type { GapSkill, HeldLevel } from '#shared/domain/recommend/gap.js';
import { planPathway } from '#shared/domain/recommend/pathway.js';
import { rankCourses, type CourseCandidate } from '#shared/domain/recommend/ranking.js';
import type { Level } from '#shared/taxonomy/levels.js';

const gapSkill = (skillId: string, needed: Level, held: HeldLevel = 0, weight = 1): GapSkill => ({ skillId, role: 'required', needed, held, shortageIndex: 1, weight });

const course = (id: string, taught: Record<string, Level>, over: Partial<CourseCandidate> = {}): CourseCandidate => ({
  id,
  level: Math.max(...Object.values(taught)) as Level,
  hours: 40,
  mode: 'online',
  region: 'national',
  taught: new Map(Object.entries(taught)),
  netCostYuan: 500,
  ...over,
});

const plan = (gap: GapSkill[], candidates: CourseCandidate[], options = {}) => planPathway(gap, rankCourses(gap, { region: '310104' }, candidates), options);
const ids = (p: ReturnType<typeof plan>) => p.steps.map((s) => s.assessment.course.id);

describe('pathway: greedy weighted set cover', () => {
  it('takes the course covering the most gap weight first, then what is left, and skips courses adding nothing', () => {
    // Prepare
    const gap = [gapSkill('a', 2), gapSkill('b', 2), gapSkill('c', 2)];
    const candidates = [course('ab', { a: 2, b: 2 }), course('c', { c: 2 }), course('a', { a: 2 }), course('b', { b: 2 })];

    // Act
    const p = plan(gap, candidates);

    // Assess
    expect(ids(p)).toEqual(['ab', 'c']);
    expect(p.coverage).toBe(1);
  });

  it('stops at four courses however large the gap', () => {
    // Prepare
    const gap = ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => gapSkill(s, 1));
    const candidates = gap.map((s) => course(`only-${s.skillId}`, { [s.skillId]: 1 }));

    // Act
    const p = plan(gap, candidates);

    // Assess
    expect(p.steps).toHaveLength(4);
    expect(p.coverage).toBeCloseTo(4 / 6);
  });

  it('prefers the better-ranked of two courses that close nearly the same weight', () => {
    // Prepare
    const gap = [gapSkill('a', 2)];
    const candidates = [course('dear', { a: 2 }, { netCostYuan: 6000 }), course('cheap', { a: 2 }, { netCostYuan: 0 })];

    // Act
    const p = plan(gap, candidates);

    // Assess
    expect(ids(p)).toEqual(['cheap']);
  });

  it('leaves out courses the learner cannot reach (an in-person course in another province)', () => {
    // Prepare
    const gap = [gapSkill('a', 2)];
    const candidates = [course('far', { a: 2 }, { mode: 'offline', region: '440300' })];

    // Act
    const p = plan(gap, candidates);

    // Assess
    expect(p.steps).toEqual([]);
  });
});

describe('pathway: prerequisites', () => {
  it('puts a level-2 course before the level-3 course it unlocks and records the dependency', () => {
    // Prepare: a beginner needs level 3.
    const gap = [gapSkill('python', 3)];
    const candidates = [course('py3', { python: 3 }), course('py2', { python: 2 })];

    // Act
    const p = plan(gap, candidates);

    // Assess
    expect(ids(p)).toEqual(['py2', 'py3']);
    expect(p.steps[1]!.after).toEqual([p.steps[0]!.assessment.course.id]);
    expect(p.steps[1]!.raises).toEqual([{ skillId: 'python', from: 2, to: 3 }]);
    expect(p.levels.get('python')).toBe(3);
  });

  it('never includes a course whose entry level no earlier course reaches', () => {
    // Prepare: the only lower course reaches level 1; a level-3 course needs 2.
    const gap = [gapSkill('python', 3)];
    const candidates = [course('py3', { python: 3 }), course('py1', { python: 1 })];

    // Act
    const p = plan(gap, candidates);

    // Assess
    expect(ids(p)).toEqual(['py1']);
    expect(p.coverage).toBeCloseTo(1 / 3);
  });

  it('takes a prerequisite and the course it unlocks together when the pair closes most per course', () => {
    // Prepare: "big" teaches a heavy skill but needs level 2 in python first; "py2" gives that.
    const gap = [gapSkill('python', 3, 1, 0.3), gapSkill('ml', 2, 0, 2), gapSkill('x', 1, 0, 0.5)];
    const candidates = [course('big', { python: 3, ml: 2 }), course('py2', { python: 2 }), course('x', { x: 1 })];

    // Act
    const p = plan(gap, candidates, { maxCourses: 2 });

    // Assess
    expect(ids(p)).toEqual(['py2', 'big']);
    expect(p.steps[1]!.after).toEqual(['py2']);
  });

  it('orders independent courses from lower to higher level while keeping prerequisites first', () => {
    // Prepare
    const gap = [gapSkill('python', 3, 2, 1), gapSkill('excel', 1, 0, 0.9)];
    const candidates = [course('py3', { python: 3 }), course('excel1', { excel: 1 })];

    // Act
    const p = plan(gap, candidates);

    // Assess: python (heavier) was chosen first, but the elementary course comes first in the plan.
    expect(ids(p)).toEqual(['excel1', 'py3']);
    expect(p.steps.every((s) => s.after.length === 0)).toBe(true);
  });
});

describe('pathway: partial credit through a neighbour skill', () => {
  const annotation = (held: HeldLevel = 0): GapSkill => ({
    ...gapSkill('data-annotation', 2, held),
    neighbours: [
      { skillId: 'image-annotation', relation: 'child', credit: 0.75, held: 0 },
      { skillId: 'text-annotation', relation: 'child', credit: 0.75, held: 0 },
    ],
  });

  it('never lets two partial courses count for more than the best of them, let alone a full one', () => {
    // Prepare: each narrower course brings data annotation to level 1 of 2.
    const gap = [annotation()];
    const candidates = [course('images', { 'image-annotation': 2 }), course('texts', { 'text-annotation': 2 })];

    // Act
    const p = plan(gap, candidates);

    // Assess
    expect(ids(p)).toHaveLength(1);
    expect(p.coverage).toBe(0.5);
    expect(p.steps[0]!.raises).toEqual([{ skillId: 'data-annotation', from: 0, to: 1, via: { skillId: expect.any(String), relation: 'child', credit: 0.75 } }]);
  });

  it('adds a course teaching the skill itself after a partial one, closing the rest', () => {
    // Prepare
    const gap = [annotation()];
    const candidates = [course('images', { 'image-annotation': 2 }), course('direct', { 'data-annotation': 2 })];

    // Act
    const p = plan(gap, candidates);

    // Assess: the direct course closes everything alone; the partial one adds nothing after it.
    expect(ids(p)).toEqual(['direct']);
    expect(p.coverage).toBe(1);
  });
});
