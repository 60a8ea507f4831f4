import { COLUMNS, GROUP_LABELS, MODE_LABELS, type ImportKind } from '#shared/import/columns.js';
import { LEVELS, levelLabel } from '#shared/taxonomy/levels.js';
import type { CliLang } from './i18n.js';

/** The kinds as the command line names them. */
export const KIND_WORDS: Readonly<Record<string, ImportKind>> = { demands: 'demand', learners: 'learner', courses: 'course' };

const KIND_TITLE: Record<ImportKind, { en: string; zh: string }> = {
  demand: { en: 'demands (employers’ postings)', zh: 'demands（用人单位岗位需求）' },
  learner: { en: 'learners (job seekers’ profiles)', zh: 'learners（求职者技能档案）' },
  course: { en: 'courses (training courses)', zh: 'courses（培训课程）' },
};

/** The values the enumerated inputs accept, for every help that needs them. */
export function enumHelp(lang: CliLang): string {
  const groups = Object.entries(GROUP_LABELS).map(([v, zh]) => `${v} (${zh})`).join(', ');
  const levels = LEVELS.map((l) => `${l} = ${levelLabel(l, 'zh')} = ${levelLabel(l, 'en').toLowerCase()}`).join('; ');
  const modes = Object.entries(MODE_LABELS).map(([v, zh]) => `${v} (${zh})`).join(', ');
  return lang === 'zh'
    ? [
        '取值：',
        `  人员类别 group / --group：${groups}`,
        `  等级 level：${levels}；也接受 elementary|intermediate|advanced|expert`,
        `  授课方式 mode：${modes}`,
        '  地区 region：GB/T 2260 行政区划代码（110119）、行政区名称（北京市延庆区）或 national（全国）',
        '  列表（技能、证书）：用 ; 或 ； 隔开；是/否：是、否、true、false',
      ].join('\n')
    : [
        'Values:',
        `  group / --group: ${groups}`,
        `  level: ${levels}; also elementary|intermediate|advanced|expert`,
        `  mode: ${modes}`,
        '  region: a GB/T 2260 code (110119), a Chinese name (北京市延庆区) or national',
        '  lists (skills, certificates): separated by ; or ；  yes/no: 是, 否, true, false',
      ].join('\n');
}

/** The columns of one kind, as a table a person reads. */
export function columnsHelp(kind: ImportKind, lang: CliLang): string {
  const rows = COLUMNS[kind].map((c) => {
    const name = `${c.zh} / ${c.field}`;
    const need = lang === 'zh' ? (c.required ? '必填' : '选填') : c.required ? 'required' : 'optional';
    const width = [...name].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
    return `  ${name}${' '.repeat(Math.max(1, 34 - width))}${need.padEnd(lang === 'zh' ? 4 : 9)}${lang === 'zh' ? c.zhHelp : c.en}`;
  });
  const others = COLUMNS[kind].filter((c) => c.aliases.length > 0).map((c) => `    ${c.zh} / ${c.field}: ${c.aliases.join(', ')}`);
  return [`${KIND_TITLE[kind][lang]}`, ...rows, lang === 'zh' ? '  也认这些列名：' : '  Other names accepted in the header:', ...others].join('\n');
}

export function mainHelp(lang: CliLang, version: string): string {
  return lang === 'zh'
    ? `skillbridge ${version} — SkillBridge 命令行

用法：skillbridge <命令> [选项]      每个命令都有 --help

  token      生成本地服务接受的访问令牌
  import     从 CSV、Excel（.xlsx）或 JSONL 批量导入岗位、求职者或课程；import template 生成模板
  campaign   运行就业服务专项活动（匹配、推荐、分配）并导出报告
  rules      检查补贴规则文件
  shortage   重建技能短缺指数
  index      为旧表补建技能索引的分区占用信息（运维命令）

示例：
  npm start                                             # 先启动本地服务
  skillbridge token --role employer --sub acme-hr
  skillbridge import template demands > 岗位模板.csv
  skillbridge import demands 岗位.xlsx
  skillbridge campaign run --region 北京市延庆区 --group veteran --assign

选项：--version 显示版本，--help 显示帮助。退出码：0 成功，1 有行被拒绝或活动未完成，2 用法或文件错误。
设置 LANG=en_US.UTF-8 显示英文。`
    : `skillbridge ${version} — SkillBridge command line

Usage: skillbridge <command> [options]      every command has --help

  token      print a bearer token the local service accepts
  import     bulk import demands, learners or courses from CSV, Excel (.xlsx) or JSONL; import template writes a template
  campaign   run a bureau campaign (matching, recommendations, assignment) and export its report
  rules      check a subsidy rules file
  shortage   rebuild the skill shortage index
  index      backfill the skill index's presence items on an older table (an operator command)

Examples:
  npm start                                             # start the local service first
  skillbridge token --role employer --sub acme-hr
  skillbridge import template demands > 模板.csv
  skillbridge import demands postings.xlsx
  skillbridge campaign run --region 北京市延庆区 --group veteran --assign

Options: --version prints the version, --help this help. Exit status: 0 success, 1 rows rejected or a
campaign not completed, 2 a usage or file error. LANG=zh_CN.UTF-8 prints Chinese.`;
}

export function tokenHelp(lang: CliLang): string {
  return lang === 'zh'
    ? `用法：skillbridge token --role jobseeker|employer|bureau --sub ID [--region 地区] [--ttl-hours N]

打印一个本地服务接受的访问令牌（npm start 生成的本地密钥签名）。
  --role        jobseeker（求职者）、employer（用人单位）或 bureau（人社部门）
  --sub         用户编号：字母、数字及 . _ @ : -，最多 128 个字符
  --region      bureau 必填：行政区划代码（110119）、名称（北京市延庆区）或 national（全国）
  --ttl-hours   有效小时数，默认 12，最多 720

示例：
  skillbridge token --role employer --sub acme-hr
  skillbridge token --role bureau --sub yq-01 --region 110119
  TOKEN=$(skillbridge token --role jobseeker --sub li-lei); curl -H "Authorization: Bearer $TOKEN" localhost:3000/learners`
    : `Usage: skillbridge token --role jobseeker|employer|bureau --sub ID [--region REGION] [--ttl-hours N]

Prints a bearer token the local service accepts (signed with the key npm start made).
  --role        jobseeker, employer or bureau
  --sub         the user id: letters, digits and . _ @ : - (at most 128)
  --region      needed for bureau: a GB/T 2260 code (110119), a name (北京市延庆区) or national
  --ttl-hours   hours the token is valid, default 12, at most 720

Examples:
  skillbridge token --role employer --sub acme-hr
  skillbridge token --role bureau --sub yq-01 --region 110119
  TOKEN=$(skillbridge token --role jobseeker --sub li-lei); curl -H "Authorization: Bearer $TOKEN" localhost:3000/learners`;
}

export function importHelp(lang: CliLang): string {
  const columns = (['demand', 'learner', 'course'] as const).map((k) => columnsHelp(k, lang)).join('\n\n');
  return lang === 'zh'
    ? `用法：skillbridge import demands|learners|courses 文件 [--region 地区] [--owner 编号] [--report 文件] [--endpoint URL] [--table 表名]
      skillbridge import template demands|learners|courses [--headers zh|en] > 模板.csv

从 .csv（或 Excel “Unicode 文本” .txt/.tsv）、.xlsx（第一个工作表）或 .jsonl 批量导入。
编码自动识别：UTF-8（有无 BOM 均可）、UTF-16（带 BOM）、GB18030/GBK（Excel、WPS 在中文 Windows 上保存的 CSV）。
第一行是列名，中文或英文均可，顺序不限；不认识的列会被忽略并提示。有效行写入，有问题的行逐行报告行号和原因，
同一编号再次导入只会更新，不会重复。
  --region     以该地区人社部门身份导入，地区外的行被拒绝（默认 national）
  --owner      记录归属的账号（默认 bureau-import）
  --report     把被拒绝的行写入文件（.csv，或 .json 写完整汇总）
  --endpoint   DynamoDB 地址（默认 npm start 启动的 DynamoDB Local）

示例：
  skillbridge import template demands > 岗位模板.csv
  skillbridge import demands 岗位.csv --report 被拒绝.csv
  skillbridge import learners 求职者.xlsx --region 北京市延庆区
  skillbridge import courses courses.jsonl

退出码：0 全部导入，1 有行被拒绝，2 用法错误或文件无法读取（此时什么都不写入）。

列：

${columns}

${enumHelp(lang)}`
    : `Usage: skillbridge import demands|learners|courses FILE [--region REGION] [--owner SUB] [--report FILE] [--endpoint URL] [--table NAME]
       skillbridge import template demands|learners|courses [--headers zh|en] > template.csv

Bulk import from .csv (or Excel "Unicode text" .txt/.tsv), .xlsx (first sheet) or .jsonl.
The encoding is detected: UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK (what Excel and
WPS save as CSV on Chinese Windows). The first row names the columns, in Chinese or English, in any
order; unknown columns are ignored and listed. Valid rows land; each bad row is reported with its
line and reason; the same ref again updates its record, never duplicates it.
  --region     import as the bureau of this region; rows outside it are rejected (default national)
  --owner      the account that owns the records (default bureau-import)
  --report     write the rejected rows to a file (.csv, or .json for the whole summary)
  --endpoint   the DynamoDB endpoint (default: the DynamoDB Local that npm start runs)

Examples:
  skillbridge import template demands > 模板.csv
  skillbridge import demands postings.csv --report rejected.csv
  skillbridge import learners learners.xlsx --region 北京市延庆区
  skillbridge import courses courses.jsonl

Exit status: 0 every row landed, 1 some rows rejected, 2 a usage error or an unreadable file (nothing written).

Columns:

${columns}

${enumHelp(lang)}`;
}

export function campaignHelp(lang: CliLang): string {
  return lang === 'zh'
    ? `用法：skillbridge campaign run --region 地区 [--group 类别 …] [--occupation 职业ID …] [--skill 技能 …]
                             [--limit N] [--threshold X] [--assign] [--name 名称] [--resume ID]
                             [--owner 编号] [--page-size N] [--json] [--endpoint URL] [--table 表名]
      skillbridge campaign report ID [--format csv|json] [--columns zh|en] [--out 文件] [--endpoint URL] [--table 表名]

run：对某地区的求职者逐一匹配岗位、推荐课程，--assign 时按岗位人数和课程名额分配；中断后再次运行同一命令会接着做。
  --region      行政区划代码、名称或 national；求职者在该地区（含下级）内
  --group       只含这些人员类别（可重复）
  --threshold   匹配分数下限 0–1（默认 0.3）     --limit  每人最多几个匹配
report：导出结果；CSV 为带 BOM 的 UTF-8，默认中文列名，--columns en 输出英文列名供程序使用。

示例：
  skillbridge campaign run --region 北京市延庆区 --group veteran --group graduate --assign
  skillbridge campaign run --region 110000 --group migrant_worker --json
  skillbridge campaign report cp_… --out 结果.csv
  skillbridge campaign report cp_… --format csv --columns en --out results.csv

${enumHelp(lang)}`
    : `Usage: skillbridge campaign run --region REGION [--group G …] [--occupation ID …] [--skill TEXT …]
                                [--limit N] [--threshold X] [--assign] [--name NAME] [--resume ID]
                                [--owner SUB] [--page-size N] [--json] [--endpoint URL] [--table NAME]
       skillbridge campaign report ID [--format csv|json] [--columns zh|en] [--out FILE] [--endpoint URL] [--table NAME]

run: matches every learner of a region to demands and recommends courses; --assign also fills
demands' places and course seats. Interrupted, the same command again continues where it stopped.
  --region      a GB/T 2260 code, a name or national; learners in it (and below it)
  --group       only these target groups (repeatable)
  --threshold   lowest match score 0–1 (default 0.3)     --limit  matches per learner
report: the results; CSV is UTF-8 with a BOM, Chinese column names by default, --columns en for scripts.

Examples:
  skillbridge campaign run --region 北京市延庆区 --group veteran --group graduate --assign
  skillbridge campaign run --region 110000 --group migrant_worker --json
  skillbridge campaign report cp_… --out results.csv
  skillbridge campaign report cp_… --format csv --columns en --out results.csv

${enumHelp(lang)}`;
}

export function shortageHelp(lang: CliLang): string {
  return lang === 'zh'
    ? `用法：skillbridge shortage rebuild [--endpoint URL] [--table 表名]

根据全部岗位和求职者重新计算技能短缺指数（运维命令，会扫描整张表）。

示例：
  skillbridge shortage rebuild`
    : `Usage: skillbridge shortage rebuild [--endpoint URL] [--table NAME]

Recomputes the skill shortage index from every demand and learner (an operator command: it scans the table).

Example:
  skillbridge shortage rebuild`;
}

export function indexHelp(lang: CliLang): string {
  return lang === 'zh'
    ? `用法：skillbridge index presence|rebuild [--endpoint URL] [--table 表名]

运维命令，都会扫描整张表：
  presence  为在分区占用信息出现之前写入的表补建这些信息（只需运行一次；再次运行不做任何事）。
            之后匹配请求会跳过没有任何人的技能分区。
  rebuild   按当前代码（含当前技能词表）重写每条记录的技能索引和找工作索引，并删除不再属于任何记录的索引项
            （如已删除的求职者留下的项）。升级技能词表后运行一次；可以重复运行。

示例：
  skillbridge index presence --table skillbridge-prod
  skillbridge index rebuild --table skillbridge-prod`
    : `Usage: skillbridge index presence|rebuild [--endpoint URL] [--table NAME]

Operator commands; both scan the table:
  presence  Records where the skill index has entries on a table written before presence items
            existed (once; run again, it does nothing). Match calls then skip the skill partitions
            that hold nobody.
  rebuild   Writes every record's skill-index and job-search entries again from the code that runs
            now (its taxonomy included) and deletes entries no record wants any more (such as those
            a deleted profile left). Run it once after a taxonomy upgrade; safe to run again.

Examples:
  skillbridge index presence --table skillbridge-prod
  skillbridge index rebuild --table skillbridge-prod`;
}

/** True when the arguments ask for help. */
export const wantsHelp = (args: readonly string[]): boolean => args.includes('--help') || args.includes('-h');
