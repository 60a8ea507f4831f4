import { describe, expect, it } from 'vitest';
import { genericSkill, RELATION_CREDIT } from '#shared/domain/matching/score.js';
import { adjacentNeeds, computeGap, coursePartitions, withNeighbours as withGapNeighbours, type GapSkill, type HeldLevel } from '#shared/domain/recommend/gap.js';
import { accessOf, earnedLevel, entryLevel, rankCourses, reachedLevel, type CourseCandidate } from '#shared/domain/recommend/ranking.js';
import type { Level } from '#shared/taxonomy/levels.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

/** A gap skill with weight `weight` (no shortage adjustment). */
const gapSkill = (skillId: string, needed: Level, held: HeldLevel = 0, weight = 1, role: GapSkill['role'] = 'required'): GapSkill => ({ skillId, role, needed, held, shortageIndex: 1, weight });

/** A candidate course teaching the given skills at the given levels. */
const course = (id: string, taught: Record<string, Level>, over: Partial<CourseCandidate> = {}): CourseCandidate => ({
  id,
  level: Math.max(...Object.values(taught)) as Level,
  hours: 60,
  mode: 'offline',
  region: '310104',
  taught: new Map(Object.entries(taught)),
  netCostYuan: 1000,
  ...over,
});

const learner = { region: '310104' };
const order = (ranked: ReturnType<typeof rankCourses>) => ranked.map((r) => r.course.id);

describe('course ranking: gap closed', () => {
  it('ranks a course closing more of the gap weight first, and leaves out courses that close nothing', () => {
    // Prepare
    const gap = [gapSkill('a', 2), gapSkill('b', 2), gapSkill('c', 2, 0, 0.5, 'preferred')];
    const candidates = [course('one', { c: 2 }), course('two', { a: 2, b: 2 }), course('none', { z: 3 }), course('below', { a: 2 }, { taught: new Map([['a', 0 as Level]]) })];

    // Act
    const ranked = rankCourses(gap, learner, candidates);

    // Assess
    expect(order(ranked)).toEqual(['two', 'one']);
    expect(ranked[0]!.gapClosed).toBeCloseTo(2 / 2.5);
    expect(ranked.every((r) => r.score > 0 && r.score <= 1)).toBe(true);
  });

  it('raises courses for skills short in the learner’s labour market through the gap weights, with no list of favoured skills', () => {
    // Prepare: two equally needed skills, one short in supply here.
    const targets = [{ key: 'demand:x', needs: [{ skillId: 'drone', role: 'required' as const, needed: 2 as Level, held: 0 as HeldLevel }, { skillId: 'welding', role: 'required' as const, needed: 2 as Level, held: 0 as HeldLevel }] }];
    const balanced = computeGap(targets, () => 1);
    const droneShort = computeGap(targets, (id) => (id === 'drone' ? 2 : 0.8));
    const candidates = [course('weld', { welding: 2 }), course('fly', { drone: 2 })];

    // Act
    const withoutShortage = rankCourses(balanced, learner, candidates);
    const withShortage = rankCourses(droneShort, learner, candidates);

    // Assess
    expect(withoutShortage[0]!.score).toBe(withoutShortage[1]!.score);
    expect(order(withShortage)).toEqual(['fly', 'weld']);
    expect(droneShort.find((s) => s.skillId === 'drone')!.weight).toBeGreaterThan(droneShort.find((s) => s.skillId === 'welding')!.weight);
  });

  it('weighs required skills over preferred and counts a skill every target needs once per target', () => {
    // Prepare
    const targets = [
      { key: 'demand:1', needs: [{ skillId: 'a', role: 'required' as const, needed: 2 as Level, held: 0 as HeldLevel }, { skillId: 'b', role: 'preferred' as const, needed: 2 as Level, held: 0 as HeldLevel }] },
      { key: 'demand:2', needs: [{ skillId: 'a', role: 'required' as const, needed: 3 as Level, held: 0 as HeldLevel }] },
    ];

    // Act
    const gap = computeGap(targets, () => 1);

    // Assess
    expect(gap.map((s) => [s.skillId, s.role, s.needed, s.weight])).toEqual([
      ['a', 'required', 3, 1],
      ['b', 'preferred', 2, 0.25],
    ]);
  });

  it('weighs a generic skill a target needs beside a trade skill a quarter, as matching does, and alike when it needs nothing else', () => {
    // Prepare: an annotator post that also asks for typing, and a typist post.
    const need = (skillId: string) => ({ skillId, role: 'required' as const, needed: 2 as Level, held: 0 as HeldLevel });
    const annotator = [{ key: 'demand:annotator', needs: [need('image-annotation'), need('typing')] }];
    const typist = [{ key: 'demand:typist', needs: [need('typing'), need('data-entry')] }];
    const generic = genericSkill(loadTaxonomy());

    // Act
    const annotatorGap = computeGap(annotator, () => 1, generic);
    const typistGap = computeGap(typist, () => 1, generic);

    // Assess
    expect(annotatorGap.map((s) => [s.skillId, s.weight])).toEqual([
      ['image-annotation', 1],
      ['typing', 0.25],
    ]);
    expect(typistGap.map((s) => s.weight)).toEqual([1, 1]);
  });
});

describe('course ranking: level fit', () => {
  it('puts no advanced course before an elementary one for a beginner in the skill', () => {
    // Prepare
    const gap = [gapSkill('python', 4)];
    const candidates = [course('advanced', { python: 4 }), course('elementary', { python: 1 })];

    // Act
    const ranked = rankCourses(gap, learner, candidates);

    // Assess
    expect(order(ranked)).toEqual(['elementary', 'advanced']);
    expect(ranked[1]!.levelChecks[0]).toMatchObject({ status: 'too-advanced', entryLevel: 3, held: 0 });
    expect(ranked[1]!.levelFit).toBeLessThan(0.1);
  });

  it('ranks a level-3 course above a too-advanced one when a level-2 course in the list bridges to it', () => {
    // Prepare
    const gap = [gapSkill('python', 3)];
    const withBridge = rankCourses(gap, learner, [course('l3', { python: 3 }), course('l2', { python: 2 })]);
    const withoutBridge = rankCourses(gap, learner, [course('l3', { python: 3 })]);

    // Act
    const bridged = withBridge.find((r) => r.course.id === 'l3')!;
    const alone = withoutBridge[0]!;

    // Assess
    expect(bridged.levelChecks[0]!.status).toBe('after-prerequisite');
    expect(alone.levelChecks[0]!.status).toBe('too-advanced');
    expect(bridged.levelFit).toBeGreaterThan(alone.levelFit);
  });

  it('takes a learner as ready at their level in a broader skill, one step below it in a narrower one, not through a related one', () => {
    // Prepare: five-axis work is new to both; one holds its parent (CNC machining) at 技师 (4), the other a related skill at 4.
    const neighbour = (relation: 'parent' | 'related') => ({ skillId: 'cnc', relation, credit: RELATION_CREDIT[relation], held: 4 });
    const course4 = [course('five-axis', { 'five-axis': 4 })];

    // Act
    const [viaParent] = rankCourses([{ ...gapSkill('five-axis', 4), neighbours: [neighbour('parent')] }], learner, course4);
    const [viaRelated] = rankCourses([{ ...gapSkill('five-axis', 4), neighbours: [neighbour('related')] }], learner, course4);

    // Assess: a level-4 course expects 3; the parent at 4 makes them ready (at 4), the related skill does not.
    expect(viaParent!.levelChecks[0]).toMatchObject({ status: 'fits', held: 4 });
    expect(viaRelated!.levelChecks[0]).toMatchObject({ status: 'too-advanced', held: 0 });
    // A narrower skill counts one step down: at 4 they are ready, at 3 not yet.
    const viaChild = (held: number) => rankCourses([{ ...gapSkill('five-axis', 4), neighbours: [{ skillId: 'cnc', relation: 'child', credit: RELATION_CREDIT.child, held }] }], learner, course4)[0]!;
    expect(viaChild(4).levelChecks[0]).toMatchObject({ status: 'fits', held: 3 });
    expect(viaChild(3).levelChecks[0]).toMatchObject({ status: 'too-advanced', held: 2 });
  });

  it('lets a learner at level 2 start a level-3 course directly', () => {
    // Prepare
    const gap = [gapSkill('python', 3, 2)];

    // Act
    const [only] = rankCourses(gap, learner, [course('l3', { python: 3 })]);

    // Assess
    expect(entryLevel(3)).toBe(2);
    expect(entryLevel(2)).toBe(0);
    expect(only!.levelChecks[0]!.status).toBe('fits');
    expect(only!.closes[0]).toMatchObject({ held: 2, reaches: 3, closure: 1 });
  });
});

describe('course ranking: access, hours and cost', () => {
  it('prefers online courses for a learner who prefers them, and nearby in-person courses otherwise', () => {
    // Prepare
    const gap = [gapSkill('a', 2)];
    const candidates = [course('offline-near', { a: 2 }), course('online-far', { a: 2 }, { mode: 'online', region: '440300' }), course('offline-far', { a: 2 }, { region: '440300' })];

    // Act
    const online = rankCourses(gap, { region: '310104', prefersOnline: true }, candidates);
    const inPerson = rankCourses(gap, { region: '310104', prefersOnline: false }, candidates);

    // Assess
    expect(order(online)).toEqual(['online-far', 'offline-near', 'offline-far']);
    expect(order(inPerson)).toEqual(['offline-near', 'online-far', 'offline-far']);
  });

  it('treats a course whose region contains the learner’s as local', () => {
    // Prepare / Act
    const provinceWide = accessOf({ mode: 'offline', region: '310000' }, { region: '310104' });
    const sameCity = accessOf({ mode: 'offline', region: '440305' }, { region: '440304' });
    const otherProvince = accessOf({ mode: 'offline', region: '110108' }, { region: '310104' });

    // Assess
    expect(provinceWide).toMatchObject({ overlaps: true, distance: 0, value: 1 });
    expect(sameCity).toMatchObject({ overlaps: false, distance: 1, value: 1 });
    expect(otherProvince.value).toBeLessThan(0.2);
  });

  it('ranks the cheaper course after subsidies, then the shorter one, when they close the same gap', () => {
    // Prepare
    const gap = [gapSkill('a', 2)];
    const candidates = [course('dear', { a: 2 }, { netCostYuan: 4000 }), course('free', { a: 2 }, { netCostYuan: 0 }), course('unpriced', { a: 2 }, { netCostYuan: null }), course('free-long', { a: 2 }, { netCostYuan: 0, hours: 200 })];

    // Act
    const ranked = rankCourses(gap, learner, candidates);

    // Assess
    expect(order(ranked)).toEqual(['free', 'free-long', 'unpriced', 'dear']);
  });
});

describe('course ranking: one hop in the taxonomy', () => {
  /** `data-annotation` needed at `needed`, with a narrower, a broader and a related neighbour (credits from the scorer). */
  const withNeighbours = (needed: Level, held: HeldLevel = 0, neighbourHeld = 0): GapSkill => ({
    ...gapSkill('data-annotation', needed, held),
    neighbours: [
      { skillId: 'image-annotation', relation: 'child', credit: RELATION_CREDIT.child, held: neighbourHeld },
      { skillId: 'ai-data', relation: 'parent', credit: RELATION_CREDIT.parent, held: 0 },
      { skillId: 'data-entry', relation: 'related', credit: RELATION_CREDIT.related, held: 0 },
    ],
  });

  it('credits a course teaching a narrower skill in part, at the scorer’s credit read as a level, below a course teaching the skill', () => {
    // Prepare
    const gap = [withNeighbours(3)];
    // All three are level-3 courses (equally advanced for a beginner): only what they close differs.
    const candidates = [course('direct', { 'data-annotation': 3 }), course('narrower', { 'image-annotation': 3 }), course('broader', { 'ai-data': 3 })];

    // Act
    const ranked = rankCourses(gap, learner, candidates);

    // Assess: 0.75 × 3 = 2.25 → level 2 of 3; 0.5 × 3 = 1.5 → level 1 of 3.
    expect(order(ranked)).toEqual(['direct', 'narrower', 'broader']);
    expect(ranked[1]!.closes[0]).toMatchObject({ skillId: 'data-annotation', reaches: 2, closure: 2 / 3, taught: { skillId: 'image-annotation', level: 3 }, via: { skillId: 'image-annotation', relation: 'child', credit: 0.75 } });
    expect(ranked[2]!.closes[0]).toMatchObject({ reaches: 1, closure: 1 / 3, via: { relation: 'parent' } });
    expect(ranked[0]!.closes[0]!.via).toBeUndefined();
    expect(new Set(ranked.map((r) => r.levelFit)).size).toBe(1);
  });

  it('reads a neighbour’s credit exactly as the gap reads the scorer’s credits, so a related skill counts only where its credit earns a level', () => {
    // Prepare / Act / Assess: with credit 1 the level reached is the level taught, capped at the need.
    for (const needed of [1, 2, 3, 4, 5] as const) {
      for (const taught of [1, 2, 3, 4, 5] as const) expect(reachedLevel(1, needed, taught)).toBe(Math.min(needed, taught));
    }
    // Related (0.3): nothing toward a working-knowledge need (0.6 of a level) or an intermediate one (0.9),
    // one level toward an advanced one (1.2).
    expect(reachedLevel(RELATION_CREDIT.related, 2, 5)).toBe(0);
    expect(reachedLevel(RELATION_CREDIT.related, 3, 3)).toBe(0);
    expect(reachedLevel(RELATION_CREDIT.related, 4, 4)).toBe(1);
    // Narrower (0.75) one level short: 0.75 × 0.8 × 3 = 1.8 → 1.
    expect(reachedLevel(RELATION_CREDIT.child, 3, 2)).toBe(1);
    expect(rankCourses([withNeighbours(2)], learner, [course('related', { 'data-entry': 5 })])).toEqual([]);
  });

  it('counts the best source per gap skill, never a sum: a course teaching the skill and a narrower one closes it once', () => {
    // Prepare
    const gap = [withNeighbours(2)];

    // Act
    const [both] = rankCourses(gap, learner, [course('both', { 'data-annotation': 2, 'image-annotation': 2 })]);

    // Assess
    expect(both!.closes).toHaveLength(1);
    expect(both!.closes[0]).toMatchObject({ closure: 1, taught: { skillId: 'data-annotation' } });
    expect(both!.gapClosed).toBe(1);
  });

  it('ignores a neighbour course at or below the learner’s own level in that neighbour, and checks entry against it', () => {
    // Prepare: the learner already holds image annotation at level 3.
    const gap = [withNeighbours(4, 2, 3)];

    // Act
    const same = rankCourses(gap, learner, [course('img3', { 'image-annotation': 3 })]);
    const [higher] = rankCourses(gap, learner, [course('img4', { 'image-annotation': 4 })]);

    // Assess: a level-4 course expects level 3, which the learner has in image annotation (not in data annotation).
    expect(same).toEqual([]);
    expect(higher!.closes[0]).toMatchObject({ reaches: 3, via: { skillId: 'image-annotation' } });
    expect(higher!.levelChecks[0]).toMatchObject({ status: 'fits', entryLevel: 3, held: 3 });
  });
});

describe('gap: neighbours and partitions to read', () => {
  it('attaches one-hop neighbours with the scorer’s credits and the learner’s level in each, keeping the better of two relations', () => {
    // Prepare
    const taxonomy = loadTaxonomy(miniTaxonomyData);
    const gap = [gapSkill('data-annotation', 3), gapSkill('welding', 2)];

    // Act
    const linked = withGapNeighbours(gap, taxonomy, [{ skillId: 'data-entry', level: null }]);

    // Assess
    expect(linked[0]!.neighbours).toEqual([
      { skillId: 'image-annotation', relation: 'child', credit: 0.75, held: 0 },
      { skillId: 'data-entry', relation: 'related', credit: RELATION_CREDIT.related, held: 2 },
    ]);
    expect(linked[1]!.neighbours).toBeUndefined();
  });

  it('reads the partitions whose courses could close the most gap weight first, adding up what one partition serves', () => {
    // Prepare: b's narrower skill n is also a's narrower skill; r is related to a at a working-knowledge need (worth nothing).
    const gap: GapSkill[] = [
      { ...gapSkill('a', 2, 0, 1), neighbours: [{ skillId: 'n', relation: 'child', credit: 0.75, held: 0 }, { skillId: 'r', relation: 'related', credit: RELATION_CREDIT.related, held: 0 }] },
      { ...gapSkill('b', 3, 0, 0.6), neighbours: [{ skillId: 'n', relation: 'child', credit: 0.75, held: 0 }] },
    ];

    // Act
    const partitions = coursePartitions(gap);

    // Assess: n is worth 1 × 1/2 + 0.6 × 2/3 = 0.9.
    expect(partitions.map((p) => p.skillId)).toEqual(['a', 'n', 'b']);
    expect(partitions[1]!.value).toBeCloseTo(0.9);
  });
});

describe('course ranking: the related fill, by share of a level', () => {
  const related = (needed: Level): GapSkill => ({ ...gapSkill('a', needed), neighbours: [{ skillId: 'r', relation: 'related', credit: RELATION_CREDIT.related, held: 0 }] });

  it('credits a related course with the share of a level its credit earns, where whole levels credit nothing', () => {
    // Prepare
    const gap = [related(2)];
    const candidates = [course('rel', { r: 2 })];

    // Act
    const byLevel = rankCourses(gap, learner, candidates);
    const byShare = rankCourses(gap, learner, candidates, 'share');

    // Assess: 0.3 × 2 = 0.6 of a level, 0.3 of the gap; the level it reaches stays 0.
    expect(byLevel).toEqual([]);
    expect(earnedLevel(RELATION_CREDIT.related, 2, 2)).toBeCloseTo(0.6);
    expect(byShare[0]!.closes[0]).toMatchObject({ skillId: 'a', reaches: 0, belowLevel: true, via: { skillId: 'r', relation: 'related' } });
    expect(byShare[0]!.closes[0]!.closure).toBeCloseTo(0.3);
    expect(byShare[0]!.gapClosed).toBeCloseTo(0.3);
  });

  it('counts a whole level the same in both modes, and marks a skill only the certificate attests', () => {
    // Prepare
    const gap = [gapSkill('a', 2)];
    const candidates = [course('cert', { a: 2 }, { attested: new Set(['a']) })];

    // Act
    const byLevel = rankCourses(gap, learner, candidates);
    const byShare = rankCourses(gap, learner, candidates, 'share');

    // Assess
    expect(byShare[0]!.closes).toEqual(byLevel[0]!.closes);
    expect(byLevel[0]!.closes[0]).toMatchObject({ reaches: 2, closure: 1, attested: true });
    expect(byLevel[0]!.closes[0]!.belowLevel).toBeUndefined();
  });

  it('reads the partitions of related skills for the fill, which whole levels would never read', () => {
    // Prepare
    const gap = [related(2)];

    // Act / Assess
    expect(coursePartitions(gap).map((p) => p.skillId)).toEqual(['a']);
    expect(coursePartitions(gap, 'share').map((p) => [p.skillId, Math.round(p.value * 100) / 100])).toEqual([
      ['a', 1],
      ['r', 0.3],
    ]);
  });
});

describe('gap: targets named, and skills next to those held', () => {
  it('names the targets that need each gap skill', () => {
    // Prepare
    const targets = [
      { key: 'demand:d1', needs: [{ skillId: 'a', role: 'required' as const, needed: 2 as Level, held: 0 as HeldLevel }] },
      { key: 'adjacent', needs: [{ skillId: 'a', role: 'preferred' as const, needed: 2 as Level, held: 0 as HeldLevel }, { skillId: 'b', role: 'preferred' as const, needed: 2 as Level, held: 1 as HeldLevel }] },
    ];

    // Act
    const gap = computeGap(targets, () => 1);

    // Assess
    expect(gap.map((s) => [s.skillId, s.targets])).toEqual([
      ['a', ['demand:d1', 'adjacent']],
      ['b', ['adjacent']],
    ]);
  });

  it('aims at the one-hop neighbours of the skills held that are not held, as preferred working knowledge', () => {
    // Prepare
    const taxonomy = loadTaxonomy(miniTaxonomyData);

    // Act
    const needs = adjacentNeeds([{ skillId: 'data-entry', level: 2 }, { skillId: 'data-annotation', level: 1 }], taxonomy);

    // Assess: data-annotation is related to data-entry but held; image-annotation is narrower than data-annotation.
    expect(needs).toEqual([{ skillId: 'image-annotation', level: 2, role: 'preferred' }]);
  });
});
