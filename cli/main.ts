import { runCampaign } from './campaign-command.js';
import { runImport } from './import-command.js';
import { runRules } from './rules-command.js';
import { runShortage } from './shortage-command.js';
import { runToken } from './token-command.js';

const USAGE = `skillbridge — SkillBridge command line

  skillbridge token --role jobseeker|employer|bureau --sub ID [--region CODE|national]
  skillbridge import demands|learners|courses FILE [--endpoint URL] [--table NAME]
                     [--owner SUB] [--region CODE|national] [--report FILE]
  skillbridge shortage rebuild [--endpoint URL] [--table NAME]
  skillbridge campaign run --region CODE [--group G …] [--occupation ID …] [--skill TEXT …]
                     [--limit N] [--threshold X] [--assign] [--name NAME] [--resume ID] [--json]
                     [--owner SUB] [--endpoint URL] [--table NAME]
  skillbridge campaign report ID --format csv|json [--out FILE] [--endpoint URL] [--table NAME]
  skillbridge rules check FILE      validate a subsidy rules file (docs/subsidies.md)

Run "npm start" first for the local service. --endpoint is the DynamoDB endpoint
(default: the DynamoDB Local that npm start runs). Exit status 1 when any row was rejected.`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  token: runToken,
  import: runImport,
  shortage: runShortage,
  campaign: runCampaign,
  rules: runRules,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${USAGE}\n`);
    return 2;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`skillbridge: ${message}\n`);
    process.exit(err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS') ? 2 : 1);
  },
);
