import { describe, expect, it } from 'vitest';
import { assertMayCreate, assertMayList, mayChange, maySee } from '../../../shared/domain/access.js';
import type { Caller } from '../../../shared/domain/caller.js';
import { ForbiddenError } from '../../../shared/domain/errors.js';
import type { AnyRecord } from '../../../shared/domain/records.js';

const record = (kind: AnyRecord['kind'], owner: string, region: string) => ({ kind, owner, region }) as AnyRecord;
const employer: Caller = { sub: 'e1', role: 'employer' };
const seeker: Caller = { sub: 's1', role: 'jobseeker' };
const yanqing: Caller = { sub: 'b1', role: 'bureau', region: '110119' };
const beijing: Caller = { sub: 'b2', role: 'bureau', region: '110000' };
const ministry: Caller = { sub: 'b3', role: 'bureau', region: 'national' };

describe('access rules', () => {
  it('lets owners and the bureau serving the region see a demand, nobody else', () => {
    const d = record('demand', 'e1', '110119');
    expect(maySee(employer, d)).toBe(true);
    expect(maySee(yanqing, d)).toBe(true);
    expect(maySee(beijing, d)).toBe(true);
    expect(maySee(ministry, d)).toBe(true);
    expect(maySee({ sub: 'e2', role: 'employer' }, d)).toBe(false);
    expect(maySee({ sub: 'b4', role: 'bureau', region: '110108' }, d)).toBe(false);
    expect(maySee(seeker, d)).toBe(false);
  });

  it('lets everyone see courses but only their owner or bureau change them', () => {
    const c = record('course', 'b1', '110119');
    expect(maySee(seeker, c)).toBe(true);
    expect(mayChange(seeker, c)).toBe(false);
    expect(mayChange(beijing, c)).toBe(true);
  });

  it('decides who may submit what, and where', () => {
    expect(() => assertMayCreate(seeker, 'demand', '110119')).toThrow(ForbiddenError);
    expect(() => assertMayCreate(employer, 'course', '110119')).toThrow(ForbiddenError);
    expect(() => assertMayCreate(yanqing, 'learner', '310000')).toThrow(ForbiddenError);
    expect(() => assertMayCreate({ sub: 'x', role: 'bureau' }, 'course', '110119')).toThrow(ForbiddenError);
    expect(() => assertMayCreate(yanqing, 'learner', '110119')).not.toThrow();
    expect(() => assertMayCreate(employer, 'demand', '310000')).not.toThrow();
  });

  it('lets only bureau staff list learners, and not job seekers list demands', () => {
    expect(() => assertMayList(employer, 'learner')).toThrow(ForbiddenError);
    expect(() => assertMayList(seeker, 'demand')).toThrow(ForbiddenError);
    expect(() => assertMayList(yanqing, 'learner')).not.toThrow();
  });
});
