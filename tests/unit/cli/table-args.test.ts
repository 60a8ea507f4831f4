import { describe, expect, it } from 'vitest';
import { CliError } from '../../../cli/i18n.js';
import { tableCommandArgs } from '../../../cli/table-args.js';

describe('the arguments of an operator command on the table', () => {
  it('reads its one subcommand with --endpoint and --table', () => {
    expect(tableCommandArgs(['presence', '--table', 'skillbridge-prod', '--endpoint', 'http://127.0.0.1:8001'], 'presence', 'usage')).toEqual({
      subcommand: 'presence',
      endpoint: 'http://127.0.0.1:8001',
      table: 'skillbridge-prod',
    });
  });

  it('takes one of several subcommands and says which', () => {
    expect(tableCommandArgs(['rebuild', '--table', 't'], ['presence', 'rebuild'], 'usage').subcommand).toBe('rebuild');
    expect(() => tableCommandArgs(['prune'], ['presence', 'rebuild'], 'usage')).toThrow(new CliError('usage'));
  });

  it('answers the usage line for a missing, wrong or extra subcommand', () => {
    for (const args of [[], ['rebuild'], ['presence', 'again']]) {
      expect(() => tableCommandArgs(args, 'presence', 'usage: skillbridge index presence')).toThrow(new CliError('usage: skillbridge index presence'));
    }
  });
});
