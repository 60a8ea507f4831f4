import { BOM, csvCell, csvLine } from '../../csv/writer.js';
import { regionName } from '../../regions/regions.js';
import type { LearnerGroup } from '../../schemas/learner.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { CampaignResult } from './types.js';

/**
 * Campaign results as CSV for Excel and WPS: UTF-8 with a byte-order mark (without it both read
 * the Chinese as GBK and show mojibake), CRLF line ends, one row per learner, English column names
 * (stable for scripts) and Chinese content.
 */

export { BOM, csvCell };

export const CSV_COLUMNS = [
  'learner_id',
  'learner_ref',
  'group',
  'group_name',
  'region',
  'region_name',
  'status',
  'matches',
  'best_demand_ref',
  'best_title',
  'best_employer',
  'best_score',
  'best_missing_skills',
  'other_matches',
  'recommended_courses',
  'first_course_subsidy_yuan',
  'first_course_net_cost_yuan',
  'assignment_kind',
  'assignment_ref',
  'assignment_title',
  'assignment_score',
  'error',
] as const;

const GROUP_NAMES: Record<LearnerGroup, string> = {
  graduate: '高校毕业生',
  migrant_worker: '农民工',
  laid_off: '失业人员',
  veteran: '退役军人',
  disabled: '残疾人',
  employed_upskilling: '在职提升',
  other: '其他',
};


/** The header line (no BOM, no line end). */
export const csvHeader = (): string => csvLine(CSV_COLUMNS);

/** One learner's row (no line end); skill labels come from the taxonomy. */
export function csvRow(result: CampaignResult, taxonomy: Pick<Taxonomy, 'getSkill'>): string {
  const [best, ...others] = result.matches;
  const first = result.recommendations[0];
  const label = (id: string) => taxonomy.getSkill(id)?.zh ?? id;
  const cells: Record<(typeof CSV_COLUMNS)[number], string | number | null | undefined> = {
    learner_id: result.learner.id,
    learner_ref: result.learner.ref,
    group: result.learner.group,
    group_name: GROUP_NAMES[result.learner.group] ?? result.learner.group,
    region: result.learner.region,
    region_name: regionName(result.learner.region) ?? '',
    status: result.error === undefined ? 'ok' : 'failed',
    matches: result.matches.length,
    best_demand_ref: best?.ref,
    best_title: best?.title,
    best_employer: best?.employer,
    best_score: best?.score,
    best_missing_skills: best?.explanation.missing.map((s) => label(s.skillId)).join('；'),
    other_matches: others.map((m) => `${m.title}（${m.employer}）${m.score}`).join('；'),
    recommended_courses: result.recommendations.map((c) => `${c.title}（${c.provider}）`).join('；'),
    first_course_subsidy_yuan: first?.subsidyYuan,
    first_course_net_cost_yuan: first?.netCostYuan,
    assignment_kind: result.assignment?.kind,
    assignment_ref: result.assignment?.ref,
    assignment_title: result.assignment?.title,
    assignment_score: result.assignment?.score,
    error: result.error,
  };
  return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
}

/** A whole CSV document: BOM, header, rows, CRLF line ends. */
export function resultsCsv(results: Iterable<CampaignResult>, taxonomy: Pick<Taxonomy, 'getSkill'>): string {
  const lines = [csvHeader()];
  for (const r of results) lines.push(csvRow(r, taxonomy));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
