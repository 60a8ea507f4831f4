import { makeSubsidyRulesSource } from '#shared/adapters/rules-file.js';
import type { SubsidyRuleSet } from '#shared/domain/subsidy/rules.js';
import { getContainer } from './container.js';
import { logger } from './http/observability.js';

let source: (() => SubsidyRuleSet) | undefined;

/**
 * The subsidy rules in service: SUBSIDY_RULES_FILE when set and valid, else the bundled ones.
 * Only the functions that recommend or run campaigns import this module, so the others bundle
 * neither the rules nor their schemas, and never validate them on their first request.
 */
export function getSubsidyRules(): SubsidyRuleSet {
  source ??= makeSubsidyRulesSource({
    path: getContainer().config.SUBSIDY_RULES_FILE,
    onError: (error) => logger.error('Subsidy rules file rejected; the rules in service stay', { error }),
  });
  return source();
}
