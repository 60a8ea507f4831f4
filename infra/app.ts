import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig } from './config.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';
import { WebStack } from './web-stack.js';

/** Wiring only: configuration in config.ts, resources in the stacks. `cdk synth -c stage=prod` picks a stage. */
const app = new App();
const context = (key: string): unknown => app.node.tryGetContext(key);
const config = loadConfig({
  stage: context('stage'),
  alarmEmail: context('alarmEmail'),
  identityProvider: context('identityProvider'),
  authDomainPrefix: context('authDomainPrefix'),
  callbackUrls: context('callbackUrls'),
  logoutUrls: context('logoutUrls'),
  oidcIssuer: context('oidcIssuer'),
  oidcAudience: context('oidcAudience'),
  webDomain: context('webDomain'),
  webCertificate: context('webCertificate'),
});
const env = { account: config.account, region: config.region };

const stateful = new StatefulStack(app, `${config.prefix}-Stateful`, { env, config, terminationProtection: config.deletionProtection });
const stateless = new StatelessStack(app, `${config.prefix}-Stateless`, { env, config, stateful: stateful.outputs });
stateless.addStackDependency(stateful, 'imports the table, bucket, token issuer and alarm topic exports');
// The pages (S3 + CloudFront) with the API behind the same distribution; `npm run build:web` first.
const web = new WebStack(app, `${config.prefix}-Web`, {
  env,
  config,
  stateful: stateful.outputs,
  apiEndpoint: stateless.exportValue(stateless.api.apiEndpoint, { name: `${config.prefix}-ApiEndpoint` }),
});
web.addStackDependency(stateless, 'imports the API endpoint export');

Tags.of(app).add('project', 'skillbridge');
Tags.of(app).add('stage', config.stage);

// Synth fails on any AwsSolutions finding that is not acknowledged with a reason in the code.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
