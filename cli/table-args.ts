import { parseArgs } from 'node:util';
import { TABLE_NAME } from '../local/environment.js';
import { CliError } from './i18n.js';

/**
 * The arguments of an operator command that works on the table itself (`shortage rebuild`,
 * `index presence`): its one subcommand, `--endpoint URL` and `--table NAME` (default: the
 * TABLE_NAME variable, else the local table).
 */
export function tableCommandArgs(args: string[], subcommand: string, usage: string): { readonly endpoint: string | undefined; readonly table: string } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      endpoint: { type: 'string' },
      table: { type: 'string', default: process.env.TABLE_NAME ?? TABLE_NAME },
    },
    strict: true,
  });
  if (positionals.length !== 1 || positionals[0] !== subcommand) throw new CliError(usage);
  return { endpoint: values.endpoint, table: values.table };
}
