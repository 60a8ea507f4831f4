import { readFileSync } from 'node:fs';
import { runCampaign } from './campaign-command.js';
import { campaignHelp, importHelp, indexHelp, mainHelp, shortageHelp, tokenHelp, wantsHelp } from './help.js';
import { CliError, cliLang, say, type CliLang } from './i18n.js';
import { runImport } from './import-command.js';
import { runRules } from './rules-command.js';
import { runIndex } from './index-command.js';
import { runShortage } from './shortage-command.js';
import { runToken } from './token-command.js';
import { ImportFileError } from '#shared/import/decode.js';
import { isTableMissing } from '#shared/adapters/dynamodb/toolkit/sdk-errors.js';

type Command = (args: string[], lang: CliLang) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: (lang: CliLang) => string }> = {
  token: { run: runToken, help: tokenHelp },
  import: { run: runImport, help: importHelp },
  shortage: { run: runShortage, help: shortageHelp },
  index: { run: runIndex, help: indexHelp },
  campaign: { run: runCampaign, help: campaignHelp },
  rules: {
    run: (args) => runRules(args),
    help: (lang) =>
      say(
        lang,
        'usage: skillbridge rules check FILE\n\nChecks a subsidy rules file (format: docs/subsidies.md) and names every bad rule and field.\n\nexample:\n  npx skillbridge rules check shared/rules/subsidies.json',
        '用法：skillbridge rules check 文件\n\n检查补贴规则文件（格式见 docs/subsidies.md），逐条指出有误的规则和字段。\n\n示例：\n  npx skillbridge rules check shared/rules/subsidies.json',
      ),
  },
};

const version = (): string => (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** One line for a parseArgs error, naming the command's --help. */
function argumentError(err: Error & { code: string }, command: string, lang: CliLang): string {
  const option = /'([^']+)'/.exec(err.message)?.[1];
  const help = `skillbridge ${command} --help`;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return say(lang, `unknown option ${option} (see ${help})`, `不认识的选项 ${option}（见 ${help}）`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return say(lang, `${err.message.split('.')[0]} (see ${help})`, `选项 ${option ?? ''} 缺少取值（见 ${help}）`);
    default:
      return say(lang, `${err.message.split('\n')[0]} (see ${help})`, `参数有误：${err.message.split('\n')[0]}（见 ${help}）`);
  }
}

/** The one line an error becomes, in the user's language. */
function errorLine(err: unknown, command: string, lang: CliLang): string {
  if (err instanceof ImportFileError) return lang === 'zh' ? err.zh : err.message;
  if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) return argumentError(err as TypeError & { code: string }, command, lang);
  const e = err as Error & { code?: string; errno?: string; name?: string };
  const text = `${e?.message ?? ''} ${e?.code ?? ''} ${e?.name ?? ''}`;
  if (/ECONNREFUSED|ENOTFOUND|socket hang up|TimeoutError/.test(text)) {
    return say(lang, 'cannot reach DynamoDB: run "npm start" first, or give --endpoint URL', '连接不到 DynamoDB：请先运行 "npm start"，或用 --endpoint 指定地址');
  }
  if (isTableMissing(err)) return say(lang, 'the table does not exist: run "npm start" first, or give --table NAME', '数据表不存在：请先运行 "npm start"，或用 --table 指定表名');
  if (err instanceof Error) return err.message.split('\n')[0]!;
  return String(err);
}

/** Runs the command line and answers its exit status: 0 done, 1 rows rejected or a run not completed, 2 an error. */
export async function main(argv: string[], lang: CliLang = cliLang()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`skillbridge ${version()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    process.stdout.write(`${topic ? topic.help(lang) : mainHelp(lang, version())}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`skillbridge: ${say(lang, `unknown command "${name}" (see skillbridge --help)`, `没有 "${name}" 这个命令（见 skillbridge --help）`)}\n`);
    return 2;
  }
  if (wantsHelp(rest)) {
    process.stdout.write(`${command.help(lang)}\n`);
    return 0;
  }
  try {
    return await command.run(rest, lang);
  } catch (err) {
    process.stderr.write(`skillbridge: ${errorLine(err, name, lang)}\n`);
    if (!(err instanceof CliError || err instanceof ImportFileError) && process.env.SKILLBRIDGE_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
    return 2;
  }
}
