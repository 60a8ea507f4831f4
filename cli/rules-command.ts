import { readSubsidyRulesFile } from '../shared/adapters/rules-file.js';
import { SubsidyRulesError } from '../shared/schemas/subsidy-rules.js';

/**
 * `skillbridge rules check FILE`: validates a subsidy rules file as the service would load it,
 * printing every bad rule and field (exit 1) or the version and rule count (exit 0).
 */
export async function runRules(args: string[]): Promise<number> {
  const [sub, file] = args;
  if (sub !== 'check' || !file) {
    process.stderr.write('Usage: skillbridge rules check FILE\n');
    return 2;
  }
  try {
    const rules = readSubsidyRulesFile(file);
    process.stdout.write(`${file}: valid. Version ${rules.version}, ${rules.rules.length} rules (${rules.rules.filter((r) => r.example).length} marked example).\n`);
    return 0;
  } catch (err) {
    if (err instanceof SubsidyRulesError) {
      process.stderr.write(`${file}: invalid; the rules in service are unchanged.\n${err.issues.map((i) => `  - ${i}`).join('\n')}\n`);
      return 1;
    }
    process.stderr.write(`${file}: ${(err as Error).message}\n`);
    return 1;
  }
}
