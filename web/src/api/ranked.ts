import type { Label } from './skills.js';

/**
 * Ranked lists (matches and recommendations; docs/api.md). The API fixes `id`, `ref`,
 * `score` and an `explanation`; the rest is read defensively so a page shows what it is given and
 * never invents what it is not.
 */

type Text = string | Label;

export interface SkillEvidence {
  readonly skillId: string;
  readonly label?: Label;
  readonly role?: 'required' | 'preferred';
  readonly needed?: number | null;
  readonly held?: number | null;
  readonly credit?: number;
  readonly via?: { readonly skillId: string; readonly relation: string; readonly label?: Label };
  readonly attestedBy?: { readonly skillId: string; readonly label?: Label };
  /** A required skill the posting's title names, not its skill lists. */
  readonly fromTitle?: boolean;
}

export interface Explanation {
  readonly summary?: Text;
  readonly matched?: readonly SkillEvidence[];
  readonly partial?: readonly SkillEvidence[];
  readonly missing?: readonly SkillEvidence[];
  readonly region?: Text;
  readonly requiredMet?: number;
  readonly requiredTotal?: number;
}

export interface RankedItem {
  readonly id: string;
  readonly ref: string;
  readonly score: number;
  readonly explanation?: Explanation | Text;
  readonly [key: string]: unknown;
}

export interface Ranked<T = RankedItem> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

export const textOf = (value: unknown, lang: 'zh' | 'en'): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'zh' in value) {
    const l = value as Label;
    return lang === 'en' ? l.en || l.zh : l.zh || l.en;
  }
  return '';
};

const obj = (value: unknown): Record<string, unknown> | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** What matched and what is missing, with the "3 of 4 required skills" count. */
export function readExplanation(item: RankedItem) {
  const e: Explanation = typeof item.explanation === 'object' && item.explanation !== null && !('zh' in item.explanation) ? (item.explanation as Explanation) : {};
  const summary = typeof item.explanation === 'string' || (item.explanation && 'zh' in item.explanation) ? item.explanation : e.summary;
  const matched = e.matched ?? [];
  const partial = e.partial ?? [];
  const missing = e.missing ?? [];
  const required = (list: readonly SkillEvidence[]) => list.filter((s) => s.role !== 'preferred').length;
  const requiredTotal = e.requiredTotal ?? required(matched) + required(partial) + required(missing);
  const requiredMet = e.requiredMet ?? required(matched);
  return { summary, matched, partial, missing, region: e.region, requiredMet, requiredTotal };
}

/** A demand as a learner's match shows it: whatever of the posting the answer carries. */
export function readDemandSide(item: RankedItem) {
  const d = obj(item.demand) ?? item;
  return {
    title: str(d.title),
    employer: str(d.employer),
    region: str(d.region),
    regionName: str(d.regionName),
    headcount: num(d.headcount),
    salaryMin: num(d.salaryMin),
    salaryMax: num(d.salaryMax),
  };
}

/** A learner as an employer's match shows it: only what the answer carries (never contact details). */
export function readLearnerSide(item: RankedItem) {
  const l = obj(item.learner) ?? item;
  return { region: str(l.region), group: str(l.group), yearsExperience: num(l.yearsExperience) };
}

export interface SubsidyLine {
  readonly name?: Text;
  readonly why?: Text;
  readonly amountYuan?: number;
  readonly example?: boolean;
  /** `to_confirm`: not counted; `condition` names what is still unknown. */
  readonly status?: 'eligible' | 'to_confirm';
  readonly condition?: Text;
  /** When it is paid, in words (先垫后补 …). */
  readonly when?: Text;
}

/** A recommended course: price, subsidy, net cost and the rules behind the subsidy. */
export function readCourse(item: Record<string, unknown>) {
  const c = obj(item.course) ?? item;
  // The recommendations route puts price, subsidies and net cost in the explanation.
  const e = obj(item.explanation) ?? {};
  const s = obj(item.subsidy) ?? obj(e.subsidy);
  const price = num(e.priceYuan) ?? num(s?.priceYuan) ?? num(item.priceYuan) ?? num(c.priceYuan);
  const subsidyTotal = num(e.subsidyYuan) ?? num(s?.totalYuan) ?? num(item.subsidyYuan) ?? num(c.subsidyYuan);
  const net = num(e.netCostYuan) ?? num(s?.netCostYuan) ?? num(item.netCostYuan) ?? (price !== undefined ? Math.max(0, price - (subsidyTotal ?? 0)) : undefined);
  const list = (v: unknown): SubsidyLine[] | undefined => (Array.isArray(v) ? (v as SubsidyLine[]) : undefined);
  const applied: SubsidyLine[] = list(e.subsidies) ?? list(item.subsidies) ?? list(s?.applied) ?? [];
  const raises = Array.isArray(item.raises) ? (item.raises as unknown[]).map((r) => obj(r)?.label).filter((l): l is Text => typeof l === 'string' || (!!l && typeof l === 'object')) : [];
  const eligible = applied.filter((a) => a.status !== 'to_confirm');
  const toConfirm = applied.filter((a) => a.status === 'to_confirm');
  const rules: SubsidyLine[] = applied.length ? eligible : str(c.subsidyConditions) ? [{ why: c.subsidyConditions as string }] : [];
  return {
    id: str(item.id) ?? str(c.id),
    title: str(c.title) ?? str(item.title) ?? str(item.ref),
    provider: str(c.provider),
    hours: num(c.hours) ?? num(item.hours),
    mode: str(c.mode) as 'online' | 'offline' | 'blended' | undefined,
    region: str(c.region),
    certificate: str(c.certificate),
    price,
    subsidyTotal,
    net,
    rules,
    /** Subsidies still to confirm: shown apart, never in the net cost. */
    toConfirm,
    rulesAreExamples: applied.some((a) => a.example === true),
    /** Plain words on level and access ("难度合适，可直接开始"), when the answer gives them. */
    levelFit: str(e.levelFit) ?? str(item.levelFit),
    access: str(e.access) ?? str(item.access),
    /** Skills a pathway step raises (labels). */
    raises,
  };
}

export type CourseView = ReturnType<typeof readCourse>;

/** The pathway of a recommendations answer, as ordered course views. */
export function readPathway(
  data: Record<string, unknown>,
  items: readonly Record<string, unknown>[],
): { steps: CourseView[]; coverage?: number; totalHours?: number; totalNet?: number; summary?: string } {
  const p = data.pathway;
  const po = obj(p);
  const rawSteps: unknown[] = Array.isArray(p) ? p : Array.isArray(po?.courses) ? (po!.courses as unknown[]) : Array.isArray(po?.steps) ? (po!.steps as unknown[]) : [];
  const byId = new Map(items.map((i) => [readCourse(i).id, i]));
  const steps = rawSteps.map((step) => {
    if (typeof step === 'string') return readCourse(byId.get(step) ?? { id: step });
    const s = obj(step) ?? {};
    const inner = obj(s.assessment) ?? s;
    const course = obj(inner.course) ?? inner;
    const id = str(s.id) ?? str(course.id) ?? str(s.courseId);
    const full = id ? byId.get(id) : undefined;
    return readCourse(full ? { ...full, ...s } : s);
  });
  const optional = {
    coverage: num(po?.coverage),
    totalHours: num(po?.totalHours),
    totalNet: num(po?.totalNetCostYuan),
    summary: str(po?.summary),
  };
  return { steps, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) };
}
