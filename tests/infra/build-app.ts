import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { loadConfig, type ConfigInputs, type StageConfig } from '../../infra/config.js';
import { PROJECT_ROOT } from '../../infra/paths.js';
import { StatefulStack } from '../../infra/stateful-stack.js';
import { StatelessStack } from '../../infra/stateless-stack.js';
import { WEB_PLACEHOLDER, WebStack } from '../../infra/web-stack.js';

/** The stacks of one stage, built as infra/app.ts builds them. */
export interface BuiltApp {
  readonly app: App;
  readonly config: StageConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly web: WebStack;
}

/**
 * cdk.json's context (its feature flags decide logical ids and policies, and the CLI passes them to
 * the real synth), with bundling off: tests assert on templates, not on esbuild output.
 */
const cdkContext = (): Record<string, unknown> => {
  const cdkJson = JSON.parse(readFileSync(`${PROJECT_ROOT}/cdk.json`, 'utf8')) as { context: Record<string, unknown> };
  return { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] };
};

/** A commercial region, where Cognito user pools exist (the China regions have none; see config.ts). */
export const TEST_ENV: NodeJS.ProcessEnv = { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'us-east-1' };

/**
 * Builds a stage as infra/app.ts does, without the cdk-nag plugin (the nag test runs the pack
 * itself) and without CloudFormation's template validation, which `cdk synth` runs and which
 * would add seconds to every synth here.
 */
export function buildApp(inputs: ConfigInputs = {}, env: NodeJS.ProcessEnv = TEST_ENV): BuiltApp {
  const app = new App({ context: cdkContext(), builtinCloudFormationValidation: false });
  const config = loadConfig(inputs, env);
  const stackEnv = { account: config.account, region: config.region };
  const stateful = new StatefulStack(app, `${config.prefix}-Stateful`, { env: stackEnv, config });
  const stateless = new StatelessStack(app, `${config.prefix}-Stateless`, { env: stackEnv, config, stateful: stateful.outputs });
  stateless.addStackDependency(stateful);
  // The placeholder page rather than web/dist: templates do not depend on whether (or while) the pages are built.
  const apiEndpoint = stateless.exportValue(stateless.api.apiEndpoint, { name: `${config.prefix}-ApiEndpoint` });
  const web = new WebStack(app, `${config.prefix}-Web`, { env: stackEnv, config, stateful: stateful.outputs, apiEndpoint, webDist: WEB_PLACEHOLDER });
  web.addStackDependency(stateless);
  return { app, config, stateful, stateless, web };
}
