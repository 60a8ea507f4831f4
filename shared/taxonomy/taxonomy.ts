/**
 * The skills and occupations taxonomy (FORMAT.md), loaded once per cold start from the JSON in
 * `./data`, checked, and indexed for look-ups, hierarchy walks and autocomplete.
 *
 * `loadTaxonomy()` serves the bundled data; tests and tools pass their own `TaxonomyData`.
 */
import { bundledTaxonomyData } from './data/index.js';
import type { Level } from './levels.js';

/** A skill category (低空经济 / Low-altitude economy). */
export interface Category {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

/** A label in both languages. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** One skill, as in FORMAT.md, with its category filled in. */
export interface Skill {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly synonyms: { readonly zh: readonly string[]; readonly en: readonly string[] };
  /** Case-sensitive short forms (PLC, CNC, CAAC执照). */
  readonly abbreviations: readonly string[];
  readonly category: string;
  readonly parents: readonly string[];
  readonly related: readonly string[];
  /** What a credential attests its holder can do (叉车证 → 叉车驾驶): a holder is credited with these too. */
  readonly attests: readonly string[];
  /** Present on retired ids: still resolvable, never suggested or extracted. */
  readonly deprecated?: { readonly replacedBy: string };
}

/** A skill an occupation needs, at a level of the 1–5 scale. */
export interface SkillRequirement {
  readonly skill: string;
  readonly level: Level;
}

/** An occupation with the skills it needs. */
export interface Occupation {
  readonly id: string;
  /** National classification code (职业分类大典), `null` where not verified. */
  readonly code: string | null;
  readonly zh: string;
  readonly en: string;
  readonly category: string;
  readonly essential: readonly SkillRequirement[];
  readonly optional: readonly SkillRequirement[];
}

/** One autocomplete suggestion. */
export interface SkillSuggestion {
  readonly skillId: string;
  readonly label: Label;
  readonly category: string;
  /** 0–1; 1 for an exact label or id. */
  readonly score: number;
}

/** The loaded taxonomy. Everything is read-only and shared by every request in the process. */
export interface Taxonomy {
  /** Data version (from `occupations.json`, else the first skills file), for caches and audits. */
  readonly version: string;
  /** Every skill by id, deprecated ones included so that stored ids still resolve. */
  readonly skills: ReadonlyMap<string, Skill>;
  readonly occupations: ReadonlyMap<string, Occupation>;
  readonly categories: readonly Category[];
  getSkill(id: string): Skill | undefined;
  /** Autocomplete over labels, synonyms and abbreviations in both languages, best first. */
  search(query: string, limit?: number): SkillSuggestion[];
  /** Broader skills (declared `parents`). */
  parentsOf(id: string): readonly Skill[];
  /** Narrower skills (those that name `id` as a parent). */
  childrenOf(id: string): readonly Skill[];
  /** Skills that partly transfer, in either direction (`related` is treated as symmetric). */
  relatedOf(id: string): readonly Skill[];
  /** How many parent steps lie above the skill (0 for a root): larger is more specific. */
  depthOf(id: string): number;
}

// Input shapes: what the JSON files hold. Levels arrive as plain numbers and are checked at load.
/** A skill as written in a `skills-<category>.json` file; `category` defaults to the file's. */
export interface SkillInput {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly synonyms?: { readonly zh?: readonly string[]; readonly en?: readonly string[] };
  readonly abbreviations?: readonly string[];
  readonly category?: string;
  readonly parents?: readonly string[];
  readonly related?: readonly string[];
  readonly attests?: readonly string[];
  readonly deprecated?: { readonly replacedBy: string } | undefined;
}

/** One `skills-<category>.json` file. */
export interface SkillFileInput {
  readonly version?: string;
  readonly category: Category;
  readonly skills: readonly SkillInput[];
}

/** The `occupations.json` file. */
export interface OccupationsFileInput {
  readonly version?: string;
  readonly source?: string;
  readonly occupations: ReadonlyArray<{
    readonly id: string;
    readonly code: string | null;
    readonly zh: string;
    readonly en: string;
    readonly category: string;
    readonly essential: ReadonlyArray<{ readonly skill: string; readonly level: number }>;
    readonly optional: ReadonlyArray<{ readonly skill: string; readonly level: number }>;
  }>;
}

/** Everything `loadTaxonomy` reads: the shape `./data/index.ts` exports. */
export interface TaxonomyData {
  readonly skillFiles: readonly SkillFileInput[];
  readonly occupationsFile: OccupationsFileInput;
}

/** The taxonomy data breaks FORMAT.md; `issues` lists every problem found (a build-time bug). */
export class TaxonomyDataError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Taxonomy data is invalid (${issues.length} issue(s)): ${issues.slice(0, 5).join('; ')}`);
    this.name = 'TaxonomyDataError';
  }
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isTextList = (value: unknown): boolean => value === undefined || (Array.isArray(value) && value.every(isText));

/**
 * A plain structural and referential check. The data is ours and bundled, so this guards against
 * editing mistakes, not hostile input; zod would add ~440 KB and most of the load budget for it.
 */
function check(data: TaxonomyData): string[] {
  const issues: string[] = [];
  const ids = new Set<string>();
  const categoryIds = new Set<string>();
  for (const file of data.skillFiles) {
    if (!isText(file.category?.id) || !isText(file.category.zh) || !isText(file.category.en)) {
      issues.push(`a skills file has no valid category`);
      continue;
    }
    categoryIds.add(file.category.id);
    if (!Array.isArray(file.skills)) issues.push(`skills of category ${file.category.id} is not a list`);
  }
  const skills = data.skillFiles.flatMap((file) => (Array.isArray(file.skills) ? file.skills : []));
  for (const skill of skills) {
    const where = `skill ${String(skill.id)}`;
    if (!isText(skill.id) || !ID_PATTERN.test(skill.id)) issues.push(`${where}: id must be kebab-case`);
    if (ids.has(skill.id)) issues.push(`${where}: duplicate id`);
    ids.add(skill.id);
    if (!isText(skill.zh) || !isText(skill.en)) issues.push(`${where}: zh and en labels are required`);
    if (!isTextList(skill.synonyms?.zh) || !isTextList(skill.synonyms?.en)) issues.push(`${where}: bad synonyms`);
    if (!isTextList(skill.abbreviations)) issues.push(`${where}: bad abbreviations`);
    if (!isTextList(skill.parents) || !isTextList(skill.related)) issues.push(`${where}: bad parents/related`);
    if (skill.attests !== undefined && !isTextList(skill.attests)) issues.push(`${where}: bad attests`);
    if (skill.category !== undefined && !categoryIds.has(skill.category)) issues.push(`${where}: unknown category ${skill.category}`);
  }
  for (const skill of skills) {
    for (const ref of [...(skill.parents ?? []), ...(skill.related ?? []), ...(skill.attests ?? []), ...(skill.deprecated ? [skill.deprecated.replacedBy] : [])]) {
      if (!ids.has(ref)) issues.push(`skill ${skill.id}: refers to unknown skill ${ref}`);
    }
    if (skill.parents?.includes(skill.id)) issues.push(`skill ${skill.id}: is its own parent`);
    if (skill.attests?.includes(skill.id)) issues.push(`skill ${skill.id}: attests itself`);
  }
  const occupationIds = new Set<string>();
  for (const occupation of data.occupationsFile?.occupations ?? []) {
    const where = `occupation ${String(occupation.id)}`;
    if (!isText(occupation.id) || !ID_PATTERN.test(occupation.id)) issues.push(`${where}: id must be kebab-case`);
    if (occupationIds.has(occupation.id)) issues.push(`${where}: duplicate id`);
    occupationIds.add(occupation.id);
    if (!isText(occupation.zh) || !isText(occupation.en)) issues.push(`${where}: zh and en labels are required`);
    for (const requirement of [...(occupation.essential ?? []), ...(occupation.optional ?? [])]) {
      if (!ids.has(requirement.skill)) issues.push(`${where}: unknown skill ${requirement.skill}`);
      if (!Number.isInteger(requirement.level) || requirement.level < 1 || requirement.level > 5) {
        issues.push(`${where}: level of ${requirement.skill} must be 1–5`);
      }
    }
  }
  return issues;
}

// Anything outside ASCII and the common CJK block may have a compatibility form (full-width ＣＮＣ).
const NEEDS_NFKC = /[^\x00-\x7f\u4e00-\u9fff]/;

/** NFKC (full-width → half-width) and lower case: how search compares text. */
function foldForSearch(text: string): string {
  // normalize() is the slowest step of the load and a no-op for most labels, so skip it when it can't matter.
  return (NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text).toLowerCase().trim();
}

interface SearchTerm {
  readonly text: string;
  /** Whether the term is a canonical label (ranks above synonyms). */
  readonly label: boolean;
}

// Scores for how a query meets a term; the small coverage bonus below breaks ties in favour of
// terms the query covers more of ("python" ranks "Python" above "Python development").
const SCORE = {
  exact: { label: 0.95, other: 0.9 },
  prefix: { label: 0.8, other: 0.7 },
  wordPrefix: { label: 0.65, other: 0.55 },
  substring: { label: 0.5, other: 0.4 },
} as const;

/** Most a skill's demand (occupations needing it) adds to its score, reached at `DEMAND_CAP`. */
const DEMAND_BOOST = 0.03;
const DEMAND_CAP = 5;

function scoreTerm(query: string, term: SearchTerm): number {
  const kind = term.label ? 'label' : 'other';
  const coverage = 0.05 * (query.length / term.text.length);
  if (term.text === query) return SCORE.exact[kind] + coverage;
  if (term.text.startsWith(query)) return SCORE.prefix[kind] + coverage;
  const at = term.text.indexOf(query);
  if (at < 0) return 0;
  // A match at the start of a later word ("pilot" in "uav piloting") beats one mid-word.
  const before = term.text.charCodeAt(at - 1);
  const wordStart = before === 32 || before === 45 || before === 47; // space, '-', '/'
  return (wordStart ? SCORE.wordPrefix[kind] : SCORE.substring[kind]) + coverage;
}

function build(data: TaxonomyData, trusted: boolean): Taxonomy {
  const issues = trusted ? [] : check(data);
  if (issues.length > 0) throw new TaxonomyDataError(issues);

  const categories: Category[] = data.skillFiles.map(({ category }) => ({ id: category.id, zh: category.zh, en: category.en }));
  const skills = new Map<string, Skill>();
  for (const file of data.skillFiles) {
    for (const input of file.skills) {
      const skill: Skill = {
        id: input.id,
        zh: input.zh,
        en: input.en,
        synonyms: { zh: input.synonyms?.zh ?? [], en: input.synonyms?.en ?? [] },
        abbreviations: input.abbreviations ?? [],
        category: input.category ?? file.category.id,
        parents: input.parents ?? [],
        related: input.related ?? [],
        attests: input.attests ?? [],
        ...(input.deprecated ? { deprecated: { replacedBy: input.deprecated.replacedBy } } : {}),
      };
      skills.set(skill.id, skill);
    }
  }

  const occupations = new Map<string, Occupation>();
  for (const input of data.occupationsFile.occupations) {
    occupations.set(input.id, {
      id: input.id,
      code: input.code,
      zh: input.zh,
      en: input.en,
      category: input.category,
      // `check` has verified every level is an integer 1–5.
      essential: input.essential.map(({ skill, level }) => ({ skill, level: level as Level })),
      optional: input.optional.map(({ skill, level }) => ({ skill, level: level as Level })),
    });
  }

  const children = new Map<string, Skill[]>();
  const related = new Map<string, Set<string>>();
  const link = (from: string, to: string): void => {
    const set = related.get(from) ?? new Set<string>();
    set.add(to);
    related.set(from, set);
  };
  for (const skill of skills.values()) {
    for (const parent of skill.parents) {
      const list = children.get(parent) ?? [];
      list.push(skill);
      children.set(parent, list);
    }
    for (const other of skill.related) {
      link(skill.id, other);
      link(other, skill.id);
    }
  }

  const depths = new Map<string, number>();
  const depthOf = (id: string, seen: ReadonlySet<string> = new Set()): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    const skill = skills.get(id);
    // A cycle in `parents` would recurse forever; treat the repeated skill as a root instead.
    if (skill === undefined || seen.has(id)) return 0;
    const next = new Set(seen).add(id);
    const depth = skill.parents.length === 0 ? 0 : 1 + Math.max(...skill.parents.map((parent) => depthOf(parent, next)));
    depths.set(id, depth);
    return depth;
  };
  for (const id of skills.keys()) depthOf(id);

  // How many occupations ask for a skill: among equally good matches, the one more jobs need is
  // the likelier thing a person is typing (叉车 → forklift operation before the forklift licence).
  const demand = new Map<string, number>();
  for (const occupation of occupations.values()) {
    for (const { skill } of [...occupation.essential, ...occupation.optional]) demand.set(skill, (demand.get(skill) ?? 0) + 1);
  }
  // Built on the first search: only autocomplete reads it, and folding every term is a good part of the load.
  let searchable: Array<{ skill: Skill; boost: number; terms: SearchTerm[] }> | undefined;
  const searchTerms = () =>
    (searchable ??= [...skills.values()]
      .filter((skill) => skill.deprecated === undefined)
      .map((skill) => ({
        skill,
        boost: DEMAND_BOOST * Math.min(demand.get(skill.id) ?? 0, DEMAND_CAP) / DEMAND_CAP,
        terms: [
          { text: foldForSearch(skill.zh), label: true },
          { text: foldForSearch(skill.en), label: true },
          ...[...skill.synonyms.zh, ...skill.synonyms.en, ...skill.abbreviations].map((text) => ({ text: foldForSearch(text), label: false })),
        ] satisfies SearchTerm[],
      })));

  const lookUp = (ids: Iterable<string>): Skill[] =>
    [...ids].map((id) => skills.get(id)).filter((skill): skill is Skill => skill !== undefined);

  return {
    version: data.occupationsFile.version ?? data.skillFiles.find((file) => file.version)?.version ?? 'unversioned',
    skills,
    occupations,
    categories,
    getSkill: (id) => skills.get(id),
    search(query, limit = 10) {
      const folded = foldForSearch(query);
      if (folded === '' || limit <= 0) return [];
      const hits: SkillSuggestion[] = [];
      for (const { skill, terms, boost } of searchTerms()) {
        let score = skill.id === folded ? 1 : 0;
        for (const term of terms) score = Math.max(score, scoreTerm(folded, term));
        if (score > 0) {
          score += boost;
          hits.push({
            skillId: skill.id,
            label: { zh: skill.zh, en: skill.en },
            category: skill.category,
            score: Math.min(1, Math.round(score * 1000) / 1000),
          });
        }
      }
      return hits.sort((a, b) => b.score - a.score || a.label.en.localeCompare(b.label.en)).slice(0, limit);
    },
    parentsOf: (id) => lookUp(skills.get(id)?.parents ?? []),
    childrenOf: (id) => children.get(id) ?? [],
    relatedOf: (id) => lookUp(related.get(id) ?? []),
    depthOf: (id) => depths.get(id) ?? 0,
  };
}

// One object, so that the bundled taxonomy is built once; its data is decoded when first read.
const DEFAULT_DATA: TaxonomyData = {
  get skillFiles() {
    return bundledTaxonomyData().skillFiles;
  },
  get occupationsFile() {
    return bundledTaxonomyData().occupationsFile;
  },
};
// Built once per data object: the bundled data once per process, each test fixture once.
const built = new WeakMap<TaxonomyData, Taxonomy>();

/**
 * The taxonomy built from `data` (the bundled files by default). Memoised per data object, so
 * calling it on every request costs a map look-up. The bundled data is not checked again: `npm run
 * gen:taxonomy` checks the files before it writes the bundled copy, and a unit test proves the
 * copy equal to the files (a few milliseconds off every cold start that loads it).
 *
 * @throws TaxonomyDataError when the data breaks FORMAT.md (unknown references, bad ids, levels)
 */
export function loadTaxonomy(data: TaxonomyData = DEFAULT_DATA): Taxonomy {
  let taxonomy = built.get(data);
  if (taxonomy === undefined) {
    taxonomy = build(data, data === DEFAULT_DATA);
    built.set(data, taxonomy);
  }
  return taxonomy;
}

/**
 * Whether `taxonomy` is the one built from the bundled data: the one whose extraction indexes
 * were built at build time (./prebuilt.ts). Builds nothing.
 */
export function isBundledTaxonomy(taxonomy: Taxonomy): boolean {
  return built.get(DEFAULT_DATA) === taxonomy;
}
