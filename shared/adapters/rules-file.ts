import { readFileSync, statSync } from 'node:fs';
import { type SubsidyRuleSet } from '../domain/subsidy/rules.js';
import { loadSubsidyRules, SubsidyRulesError } from '../schemas/subsidy-rules.js';

/**
 * A bureau-editable subsidy rules file (SUBSIDY_RULES_FILE; format in docs/subsidies.md).
 *
 * @throws SubsidyRulesError naming the file's bad JSON, or every bad rule and field
 */
export function readSubsidyRulesFile(path: string): SubsidyRuleSet {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new SubsidyRulesError([`${path} is not JSON: ${(err as Error).message}`]);
  }
  return loadSubsidyRules(data);
}

export interface RulesSourceOptions {
  /** The file; undefined serves `fallback` only. */
  readonly path?: string | undefined;
  /** What serves until a file loads, and while it never does. @default the bundled rules */
  readonly fallback?: SubsidyRuleSet;
  /** Told of each bad version of the file (the rules in service stay). */
  readonly onError: (error: Error) => void;
  /** The file is looked at again (its modification time) at most this often. @default 5000 */
  readonly checkEveryMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * The subsidy rules in service. The file is read at first use and again whenever it changes; a
 * version that does not validate is reported through `onError` and the rules already in service
 * keep serving (the bundled ones until a good file has loaded), so a bad edit never stops
 * recommendations.
 */
export function makeSubsidyRulesSource(options: RulesSourceOptions): () => SubsidyRuleSet {
  const { path, onError } = options;
  const checkEvery = options.checkEveryMs ?? 5_000;
  const now = options.now ?? Date.now;
  let current = options.fallback ?? loadSubsidyRules();
  if (path === undefined) return () => current;
  let checkedAt = -Infinity;
  let seenMtime: number | undefined;
  return () => {
    if (now() - checkedAt < checkEvery) return current;
    checkedAt = now();
    try {
      const mtime = statSync(path).mtimeMs;
      if (mtime === seenMtime) return current;
      seenMtime = mtime;
      current = readSubsidyRulesFile(path);
    } catch (err) {
      onError(err instanceof Error ? err : new Error(String(err)));
    }
    return current;
  };
}
