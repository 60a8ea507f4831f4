/**
 * The one table of import columns: for each kind of record, every field with its Chinese name,
 * the other names people write in their spreadsheets (Chinese and English), how a cell is read,
 * and the short description `skillbridge import --help` prints. The CLI, the S3 import function
 * and the web upload all read headers through this table.
 *
 * Browser-safe: no `node:` imports and nothing from the server's domain (the web page imports it).
 */

import { GROUP_NAMES_ZH } from '../domain/vocabulary.js';

/** The kinds of record a file can hold (the same names as the server's `Kind`). */
export type ImportKind = 'demand' | 'learner' | 'course';

export const IMPORT_KINDS: readonly ImportKind[] = ['demand', 'learner', 'course'];

/** How a cell turns into the JSON the schemas validate. */
export type CellType = 'list' | 'number' | 'integer' | 'boolean' | 'level' | 'text' | 'group' | 'groups' | 'mode' | 'json' | 'contact';

export interface Column {
  /** The contract's field name (the JSON key). */
  readonly field: string;
  /** The Chinese header the template writes. */
  readonly zh: string;
  /** Further names accepted in a header row (compared after `normaliseHeader`). */
  readonly aliases: readonly string[];
  readonly cell: CellType;
  readonly required: boolean;
  readonly en: string;
  readonly zhHelp: string;
  readonly example: string;
}

const col = (field: string, zh: string, aliases: string[], cell: CellType, required: boolean, en: string, zhHelp: string, example: string): Column => ({
  field,
  zh,
  aliases,
  cell,
  required,
  en,
  zhHelp,
  example,
});

const REF = col('ref', '编号', ['序号编号', '自编号', '参考编号'], 'text', true, 'your own id; the same ref again updates the record', '自己的编号；同一编号再次导入会更新原记录', 'YQ-001');

/** Every column of every kind, in template order. */
export const COLUMNS: Readonly<Record<ImportKind, readonly Column[]>> = {
  demand: [
    REF,
    col('employer', '单位名称', ['单位', '用人单位', '企业名称', '公司名称', '招聘单位'], 'text', true, 'employer name', '用人单位名称', '延庆区低空物流有限公司'),
    col('title', '岗位名称', ['岗位', '职位', '职位名称', '招聘岗位'], 'text', true, 'job title', '岗位名称', '无人机驾驶员'),
    col('description', '岗位描述', ['描述', '职位描述', '岗位职责', '工作内容'], 'text', false, 'what the job involves', '工作内容', '负责物流无人机的日常飞行'),
    col('requiredSkills', '必需技能', ['必备技能', '技能要求', '任职要求'], 'list', true, 'skills the job needs, separated by ; or ；', '必须具备的技能，用分号隔开', '多旋翼无人机驾驶;无人机维修'),
    col('preferredSkills', '加分技能', ['优先技能', '优先条件'], 'list', false, 'nice-to-have skills, separated by ;', '有则优先的技能，用分号隔开', '航拍'),
    col('minLevel', '最低等级', ['技能等级要求', '等级要求', '最低技能等级'], 'level', false, 'lowest skill level accepted (see levels)', '最低技能等级（见下方等级）', '中级工'),
    col('region', '工作地点', ['地区', '工作地区', '所在地区', '行政区划', '行政区划代码'], 'text', true, 'where the job is (see regions)', '工作地点（见下方地区写法）', '北京市延庆区'),
    col('headcount', '招聘人数', ['人数', '需求人数', '招聘数量'], 'integer', true, 'places to fill, a whole number ≥ 1', '招聘人数，至少 1', '3'),
    col('salaryMin', '最低月薪', ['月薪下限', '薪资下限', '最低工资'], 'number', false, 'lowest monthly pay in yuan', '月薪下限（元）', '6000'),
    col('salaryMax', '最高月薪', ['月薪上限', '薪资上限', '最高工资'], 'number', false, 'highest monthly pay in yuan', '月薪上限（元）', '9000'),
    col('expiresAt', '截止时间', ['截止日期', '有效期至'], 'text', false, 'closing time, ISO 8601 with offset', '截止时间，ISO 8601 格式', '2027-06-30T23:59:59+08:00'),
    col('remote', '可远程', ['远程办公', '远程'], 'boolean', false, 'the work can be done from anywhere (true/false, 是/否)', '可远程工作（是/否）', '否'),
    col('groupPreferences', '优先人员类别', ['优先群体', '优先录用'], 'groups', false, 'groups preferred (never changes a score), separated by ;', '优先录用的人员类别（不影响匹配分），用分号隔开', '退役军人'),
  ],
  learner: [
    REF,
    col('summary', '个人简介', ['简介', '自我介绍', '个人情况'], 'text', false, 'a few words about the person', '个人情况简介', '退役后回延庆，希望从事无人机工作'),
    col('skills', '技能', ['掌握技能', '技能特长', '专业技能', '已有技能'], 'list', true, 'skills held, separated by ;', '已掌握的技能，用分号隔开', '多旋翼无人机驾驶;C1驾照'),
    col('certificates', '证书', ['职业资格证书', '资格证书', '持有证书'], 'list', false, 'certificates held, separated by ;', '持有的证书，用分号隔开', '机动车驾驶证C1'),
    col('wants', '想学技能', ['意向技能', '希望学习', '求职意向技能', '想学'], 'list', false, 'skills wanted (to learn or work in), separated by ;', '想学或想从事的技能，用分号隔开', '数据标注'),
    col('region', '所在地区', ['地区', '常住地', '居住地', '行政区划', '行政区划代码'], 'text', true, 'where the person lives (see regions)', '常住地区（见下方地区写法）', '北京市延庆区'),
    col('group', '人员类别', ['重点群体', '群体', '人员类型'], 'group', false, 'target group (see groups); or give several in groups', '重点群体类别（见下方类别）；多个类别填“所属人员类别”', '退役军人'),
    col('groups', '所属人员类别', ['多个人员类别', '所属群体'], 'groups', false, 'several target groups, separated by ;', '多个重点群体类别，用分号隔开', '退役军人;就业困难人员'),
    col('insuredRegion', '失业保险参保地', ['参保地', '社保缴纳地'], 'text', false, 'where unemployment insurance is paid, or none (subsidy conditions)', '失业保险参保地，未参保填 none（用于补贴条件）', '北京市'),
    col('householdRegion', '户籍地', ['户口所在地', '户籍所在地'], 'text', false, 'household registration (subsidy conditions)', '户籍所在地（用于补贴条件）', '河北省张家口市'),
    col('contact', '联系方式', ['手机', '电话', '手机号', '邮箱'], 'contact', false, 'phone and/or e-mail, separated by ; (shown to an employer only after you apply or accept)', '手机号和/或邮箱，用分号隔开（投递或接受邀请后才向该单位显示）', '13800138000'),
    col('birthYear', '出生年份', ['出生年'], 'integer', false, 'year of birth (age conditions of subsidies)', '出生年份（用于补贴的年龄条件）', '1985'),
    col('education', '学历', ['文化程度', '最高学历'], 'text', false, 'education', '学历', '高中'),
    col('yearsExperience', '工作年限', ['工龄', '从业年限', '工作经验'], 'number', false, 'years of work experience', '工作年限（年）', '2'),
    col('prefersOnline', '愿意线上学习', ['线上学习', '偏好线上'], 'boolean', false, 'prefers online courses: 是/否, true/false', '是否愿意线上学习：是/否', '是'),
    col('consentToShare', '同意向用人单位展示', ['同意共享', '同意展示', '授权展示'], 'boolean', true, 'may employers see this profile: 是/否, true/false', '是否同意用人单位看到本人资料：是/否', '是'),
  ],
  course: [
    REF,
    col('title', '课程名称', ['课程', '培训项目', '项目名称'], 'text', true, 'course title', '课程名称', 'AI数据标注实训'),
    col('description', '课程描述', ['描述', '课程简介', '课程内容'], 'text', false, 'what the course covers', '课程内容', '数据标注规范与工具实操'),
    col('skillsTaught', '培训技能', ['所授技能', '教授技能', '培训内容技能'], 'list', true, 'skills taught, separated by ;', '所教技能，用分号隔开', '数据标注;Python'),
    col('level', '等级', ['培训等级', '课程等级', '技能等级'], 'level', true, 'level reached (see levels)', '培训达到的等级（见下方等级）', '初级工'),
    col('hours', '学时', ['课时', '培训学时'], 'number', true, 'hours of teaching', '学时', '60'),
    col('mode', '授课方式', ['培训方式', '上课方式'], 'mode', true, 'online | offline | blended (线上/线下/混合)', '线上、线下或混合（online/offline/blended）', '线上'),
    col('provider', '培训机构', ['机构名称', '承训机构', '培训单位'], 'text', true, 'training provider', '培训机构名称', '上海某培训中心'),
    col('region', '地区', ['培训地点', '所在地区', '行政区划', '行政区划代码'], 'text', true, 'where it is taught, or national (see regions)', '培训地区，线上课程可填 national（见下方地区写法）', '上海市'),
    col('certificate', '可获证书', ['证书', '结业证书'], 'text', false, 'certificate awarded', '结业可获得的证书', '人工智能训练师（五级）'),
    col('subsidyYuan', '补贴金额', ['补贴标准', '补贴'], 'number', false, 'subsidy in yuan', '补贴金额（元）', '1500'),
    col('subsidyConditions', '补贴条件', ['补贴说明'], 'text', false, 'who gets the subsidy (free text)', '享受补贴的条件', '本市户籍失业人员'),
    col('subsidyTerms', '结构化补贴条件', ['补贴规则JSON'], 'json', false, 'the subsidy\'s conditions as JSON (docs/subsidies.md)', '补贴条件的结构化写法，JSON 格式（见 docs/subsidies.md）', '{"payerRegion":"310000"}'),
    col('priceYuan', '价格', ['培训费', '学费', '费用'], 'number', false, 'price in yuan', '培训费（元）', '2000'),
    col('seats', '名额', ['招生人数', '招生名额'], 'integer', false, 'seats, a whole number', '招生名额', '30'),
  ],
};

/** Target groups with their Chinese names (the learner `group` column accepts either). */
export const GROUP_LABELS: Readonly<Record<string, string>> = GROUP_NAMES_ZH;

/** Course modes with their Chinese names. */
export const MODE_LABELS: Readonly<Record<string, string>> = { online: '线上', offline: '线下', blended: '混合' };

/**
 * The form a header is compared in: full-width to half-width (NFKC), lower case, without spaces,
 * `_`/`-`, a required-mark `*` and a trailing note in brackets (`岗位名称（必填）`).
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*[(（[【].*?[)）\]】]\s*$/u, '')
    .replace(/[\s_*\-]/g, '')
    .toLowerCase();
}

const lookup = new Map<ImportKind, ReadonlyMap<string, Column>>();

/** Header name (normalised) → column, for one kind. */
export function headerLookup(kind: ImportKind): ReadonlyMap<string, Column> {
  let map = lookup.get(kind);
  if (!map) {
    const built = new Map<string, Column>();
    for (const column of COLUMNS[kind]) for (const name of [column.field, column.zh, ...column.aliases]) built.set(normaliseHeader(name), column);
    lookup.set(kind, built);
    map = built;
  }
  return map;
}

/** A header row read against the table: which field each position holds, and what is wrong. */
export interface HeaderMap {
  /** The field at each position, or undefined for an ignored column. */
  readonly fields: readonly (string | undefined)[];
  /** Headers that name no column of this kind (their cells are not imported). */
  readonly ignored: readonly string[];
  /** Required columns the header lacks, by field. */
  readonly missing: readonly Column[];
  /** Fields named by more than one header. */
  readonly duplicates: readonly string[];
}

/** Reads a header row: Chinese or English names, aliases, in any order. */
export function mapHeader(kind: ImportKind, headers: readonly string[]): HeaderMap {
  const table = headerLookup(kind);
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const ignored: string[] = [];
  const fields = headers.map((header) => {
    const column = table.get(normaliseHeader(header));
    if (!column) {
      if (header.trim() !== '') ignored.push(header.trim());
      return undefined;
    }
    if (seen.has(column.field)) duplicates.add(column.field);
    seen.add(column.field);
    return column.field;
  });
  return { fields, ignored, missing: COLUMNS[kind].filter((c) => c.required && !seen.has(c.field)), duplicates: [...duplicates] };
}
