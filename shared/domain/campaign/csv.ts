import { BOM, csvCell, csvLine } from '../../csv/writer.js';
import { regionName } from '../../regions/regions.js';
import { GROUP_NAMES_ZH } from '../vocabulary.js';
import type { LearnerGroup } from '../../schemas/learner.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { gramsOfEntry, isLexical } from '../matching/lexical.js';
import type { CampaignResult } from './types.js';

export { BOM, csvCell };

/**
 * Campaign results as CSV for Excel and WPS: UTF-8 with a byte-order mark (without it both read
 * the Chinese as GBK and show mojibake), CRLF line ends, one row per learner and Chinese content.
 * Column names are English (stable for scripts; the API's default) or Chinese (for people reading
 * the report in a spreadsheet; the CLI's default), in the same order.
 */


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
  'first_course_subsidy_to_confirm_yuan',
  'first_course_net_cost_yuan',
  'assignment_kind',
  'assignment_ref',
  'assignment_title',
  'assignment_score',
  'error',
  // The placements funnel (added at the end: scripts reading the columns before keep working).
  'applied_on',
  'invited_on',
  'accepted_on',
  'hired_on',
] as const;

/** The Chinese column names, column for column. */
export const CSV_COLUMNS_ZH: Readonly<Record<(typeof CSV_COLUMNS)[number], string>> = {
  learner_id: '求职者ID',
  learner_ref: '求职者编号',
  group: '人员类别代码',
  group_name: '人员类别',
  region: '地区代码',
  region_name: '地区',
  status: '状态',
  matches: '匹配岗位数',
  best_demand_ref: '最佳岗位编号',
  best_title: '最佳岗位',
  best_employer: '最佳岗位单位',
  best_score: '最佳匹配分',
  best_missing_skills: '最佳岗位缺少的技能',
  other_matches: '其他匹配岗位',
  recommended_courses: '推荐课程',
  first_course_subsidy_yuan: '首选课程补贴（元，确定可享受）',
  first_course_subsidy_to_confirm_yuan: '首选课程待确认补贴（元，不计入预算）',
  first_course_net_cost_yuan: '首选课程自付（元）',
  assignment_kind: '分配类型',
  assignment_ref: '分配编号',
  assignment_title: '分配岗位或课程',
  assignment_score: '分配匹配分',
  error: '错误',
  applied_on: '申请日期',
  invited_on: '受邀日期',
  accepted_on: '接受日期',
  hired_on: '录用日期',
};

/** Which names the header row uses. */
export type CsvColumnNames = 'en' | 'zh';

const GROUP_NAMES: Readonly<Record<LearnerGroup, string>> = GROUP_NAMES_ZH;

/** The header line (no BOM, no line end), English names unless asked for Chinese. */
export const csvHeader = (names: CsvColumnNames = 'en'): string => csvLine(CSV_COLUMNS.map((c) => (names === 'zh' ? CSV_COLUMNS_ZH[c] : c)));

const WORDS_ZH: Readonly<Record<string, string>> = { ok: '完成', failed: '失败', demand: '岗位', course: '培训' };

/**
 * A lexical need (`~压疮+疮预+预防`) by its words, since the taxonomy has no name for it: overlapping
 * character pairs joined back (压疮预防), Latin words apart (`~电池+pack` → 电池 pack).
 */
function wordsOf(id: string): string {
  const words: string[] = [];
  for (const gram of gramsOfEntry(id)) {
    const last = words[words.length - 1];
    if (HAN_PAIR.test(gram) && last !== undefined && HAN_END.test(last) && last.endsWith(gram[0]!)) words[words.length - 1] = last + gram[1];
    else words.push(gram);
  }
  return words.join(' ');
}

const HAN_PAIR = /^[\u3400-\u9fff\uf900-\ufaff]{2}$/;
const HAN_END = /[\u3400-\u9fff\uf900-\ufaff]$/;

/** One learner's row (no line end); skill labels come from the taxonomy; with Chinese names, status words in Chinese too. */
export function csvRow(result: CampaignResult, taxonomy: Pick<Taxonomy, 'getSkill'>, names: CsvColumnNames = 'en'): string {
  const word = (w: string | undefined) => (w !== undefined && names === 'zh' ? (WORDS_ZH[w] ?? w) : w);
  const [best, ...others] = result.matches;
  const first = result.recommendations[0];
  const label = (id: string) => (isLexical(id) ? wordsOf(id) : (taxonomy.getSkill(id)?.zh ?? id));
  const cells: Record<(typeof CSV_COLUMNS)[number], string | number | null | undefined> = {
    learner_id: result.learner.id,
    learner_ref: result.learner.ref,
    group: result.learner.group,
    group_name: GROUP_NAMES[result.learner.group] ?? result.learner.group,
    region: result.learner.region,
    region_name: regionName(result.learner.region) ?? '',
    status: word(result.error === undefined ? 'ok' : 'failed'),
    matches: result.matches.length,
    best_demand_ref: best?.ref,
    best_title: best?.title,
    best_employer: best?.employer,
    best_score: best?.score,
    best_missing_skills: best?.explanation.missing.map((s) => label(s.skillId)).join('；'),
    other_matches: others.map((m) => `${m.title}（${m.employer}）${m.score}`).join('；'),
    recommended_courses: result.recommendations.map((c) => `${c.title}（${c.provider}）`).join('；'),
    first_course_subsidy_yuan: first?.subsidyYuan,
    first_course_subsidy_to_confirm_yuan: first?.toConfirmSubsidyYuan,
    first_course_net_cost_yuan: first?.netCostYuan,
    assignment_kind: word(result.assignment?.kind),
    assignment_ref: result.assignment?.ref,
    assignment_title: result.assignment?.title,
    assignment_score: result.assignment?.score,
    error: result.error,
    applied_on: result.placement?.applied,
    invited_on: result.placement?.invited,
    accepted_on: result.placement?.accepted,
    hired_on: result.placement?.hired,
  };
  return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
}

/** A whole CSV document: BOM, header, rows, CRLF line ends. */
export function resultsCsv(results: Iterable<CampaignResult>, taxonomy: Pick<Taxonomy, 'getSkill'>, names: CsvColumnNames = 'en'): string {
  const lines = [csvHeader(names)];
  for (const r of results) lines.push(csvRow(r, taxonomy, names));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
