/**
 * What a course asks of a learner before they start, read from its own words: 需持电工证或有电工基础,
 * 面向已持CAAC执照的飞手, 要求有Java或Python编程基础, 建议有2D标注基础. A course for licensed pilots
 * is no use to someone without the licence, however well its subject fits them; the ranking weighs
 * it down and the explanation names what is missing.
 *
 * Each clause after a cue (需/要求/面向/适合/建议 + 持/有/具备/懂/会/掌握) up to the end of the
 * clause, or up to 的 (面向已持CAAC执照**的**飞手: the licence is asked for, not the piloting), is
 * read by skill extraction; any one skill it names meets the requirement (或), as does a narrower
 * skill of it (a VLOS licence for 执照).
 */
import { extractSkills } from '../../taxonomy/extract.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';

/** Share of its score a course keeps when the learner holds none of what it asks for on entry. */
export const UNMET_PREREQUISITE_FIT = 0.3;

const CUE = /(?:需要?|要求|面向|适合|建议)(?:已经?|先)?(?:持有|持|具备|有|懂|会|掌握)/g;
const CLAUSE_END = /[，。；！？,;!?）)的]/;

/** The clauses of a text that state what a course asks for on entry. */
export function prerequisiteClauses(text: string): string[] {
  const out: string[] = [];
  for (const cue of text.matchAll(CUE)) {
    const rest = text.slice(cue.index + cue[0].length);
    const end = rest.search(CLAUSE_END);
    const clause = (end < 0 ? rest : rest.slice(0, end)).trim();
    if (clause !== '') out.push(clause);
  }
  return out;
}

export interface Prerequisite {
  /** The skills the course's words ask for (any one will do). */
  readonly skillIds: readonly string[];
  /** Those skills and their narrower ones: holding any of them meets the requirement. */
  readonly accepts: ReadonlySet<string>;
}

/** What a course asks for on entry, from its title and description; undefined when it asks for nothing the taxonomy names. */
export function prerequisiteOf(course: { readonly title: string; readonly description?: string | undefined }, taxonomy: Taxonomy): Prerequisite | undefined {
  const skillIds = new Set<string>();
  for (const clause of prerequisiteClauses(`${course.title}。${course.description ?? ''}`)) {
    for (const item of extractSkills(clause, taxonomy).items) skillIds.add(item.skillId);
  }
  return skillIds.size === 0 ? undefined : prerequisiteOfSkills([...skillIds], taxonomy);
}

/** A prerequisite asking for any one of these skills (or a narrower one). */
export function prerequisiteOfSkills(skillIds: readonly string[], taxonomy: Pick<Taxonomy, 'childrenOf'>): Prerequisite {
  const accepts = new Set(skillIds);
  for (const id of skillIds) for (const child of taxonomy.childrenOf(id)) accepts.add(child.id);
  return { skillIds, accepts };
}

/** Whether a learner holding these skills meets the prerequisite (none asked for: met). */
export const meetsPrerequisite = (prerequisite: Prerequisite | undefined, held: ReadonlyMap<string, number>): boolean =>
  prerequisite === undefined || [...prerequisite.accepts].some((id) => (held.get(id) ?? 0) > 0);
