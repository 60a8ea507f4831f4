/** The language of the command line's own words: Chinese when the locale says so, else English. */
export type CliLang = 'zh' | 'en';

/** `zh` when LC_ALL, LC_MESSAGES or LANG (the first one set) starts with `zh`, as `zh_CN.UTF-8` does. */
export function cliLang(env: NodeJS.ProcessEnv = process.env): CliLang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A mistake in how the command was called, or a file that cannot be used: one line, exit status 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Picks the line of the user's language. */
export const say = (lang: CliLang, en: string, zh: string): string => (lang === 'zh' ? zh : en);
