import { parseArgs } from 'node:util';
import { TABLE_NAME } from '../local/environment.js';
import { CliError } from './i18n.js';

/** The options of every command that works on the table: `--endpoint URL` and `--table NAME` (default: the TABLE_NAME variable, else the local table). */
export const tableOptions = () =>
  ({
    endpoint: { type: 'string' },
    table: { type: 'string', default: process.env.TABLE_NAME ?? TABLE_NAME },
  }) as const;

/**
 * The arguments of an operator command that works on the table itself (`shortage rebuild`,
 * `index presence`, `index rebuild`): its one subcommand (one of `subcommands`), `--endpoint URL`
 * and `--table NAME` (default: the TABLE_NAME variable, else the local table).
 */
export function tableCommandArgs<S extends string>(
  args: string[],
  subcommands: S | readonly S[],
  usage: string,
): { readonly subcommand: S; readonly endpoint: string | undefined; readonly table: string } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: tableOptions(),
    strict: true,
  });
  const allowed: readonly string[] = typeof subcommands === 'string' ? [subcommands] : subcommands;
  if (positionals.length !== 1 || !allowed.includes(positionals[0]!)) throw new CliError(usage);
  return { subcommand: positionals[0] as S, endpoint: values.endpoint, table: values.table };
}
