import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { campaignHelp, importHelp } from '../../../cli/help.js';
import { cliLang } from '../../../cli/i18n.js';
import { formatEta, progressLine } from '../../../cli/progress.js';
import { COLUMNS } from '../../../shared/import/columns.js';
import { LEARNER_GROUPS } from '../../../shared/schemas/learner.js';

const exec = promisify(execFile);
type Run = { code: number; stdout: string; stderr: string };
/** The real command line, as a user runs it, in the locale given. */
const skillbridge = (args: string[], lang = 'en_US.UTF-8'): Promise<Run> =>
  exec('node', ['bin/skillbridge.js', ...args], { env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' } }).then(
    (r) => ({ code: 0, ...r }),
    (e: Run) => e,
  );

describe('skillbridge command line', () => {
  it('prints its version from package.json', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

    const result = await skillbridge(['--version']);

    expect(result).toMatchObject({ code: 0, stdout: `skillbridge ${version}\n` });
  });

  it.each(['token', 'import demands', 'shortage', 'campaign run'])('answers `%s --help` with usage and examples, exit 0', async (command) => {
    const result = await skillbridge([...command.split(' '), '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: skillbridge /);
    expect(result.stdout).toMatch(/Examples?:\n {2}skillbridge /);
  });

  it('speaks Chinese when LANG is zh_CN.UTF-8', async () => {
    const help = await skillbridge(['campaign', 'run', '--help'], 'zh_CN.UTF-8');
    const error = await skillbridge(['token', '--role', 'mayor', '--sub', 'x'], 'zh_CN.UTF-8');

    expect(help.stdout).toMatch(/^用法：skillbridge campaign run/);
    expect(error).toMatchObject({ code: 2, stderr: 'skillbridge: --role 必须是 jobseeker、employer、bureau 之一\n' });
  });

  it('turns a wrong option into one line naming the help, exit 2', async () => {
    const result = await skillbridge(['import', 'demands', 'a.csv', '--regoin', '110119']);

    expect(result).toMatchObject({ code: 2, stderr: 'skillbridge: unknown option --regoin (see skillbridge import --help)\n' });
  });

  it('lists every import column of every kind, and every target group, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const help = importHelp(lang);
      for (const column of Object.values(COLUMNS).flat()) expect(help).toContain(`${column.zh} / ${column.field}`);
      for (const group of LEARNER_GROUPS) expect(campaignHelp(lang)).toContain(group);
    }
  });

  it('takes the language from LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(cliLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(cliLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLang({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'C' })).toBe('zh');
    expect(cliLang({})).toBe('en');
  });
});

describe('progress line', () => {
  it('shows no ETA until cli-progress has a number, and says done at the end (never "ETA LLs")', () => {
    expect(progressLine('demands', 0, 10, 'NULL', 'rows', '', 'en')).toBe(`demands |${'░'.repeat(30)}| 0% | 0/10 rows`);
    expect(progressLine('demands', 5, 10, 'INF', 'rows', '', 'en')).not.toContain('ETA');
    expect(progressLine('demands', 5, 10, 75, 'rows', '', 'en')).toMatch(/\| ETA 1m15s$/);
    expect(progressLine('demands', 10, 10, 'NULL', '行', '', 'zh')).toMatch(/\| 10\/10 行 \| 完成$/);
    expect(formatEta(3725)).toBe('1h02m');
  });
});
