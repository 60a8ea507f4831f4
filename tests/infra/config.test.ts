import { RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/config.js';
import { buildApp, type BuiltApp } from './build-app.js';

const HTTPS_CALLBACK = 'https://skillbridge.example.cn/auth/callback';

describe('infra config', () => {
  it('defaults to dev in cn-north-1 with account and region from the CDK environment', () => {
    // Act
    const bare = loadConfig({}, {});
    const fromEnv = loadConfig({}, { CDK_DEFAULT_ACCOUNT: '111122223333', CDK_DEFAULT_REGION: 'cn-northwest-1' });
    // Assess
    expect(bare).toMatchObject({ stage: 'dev', prefix: 'SkillBridge-dev', account: undefined, region: 'cn-north-1', removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false });
    expect(fromEnv).toMatchObject({ account: '111122223333', region: 'cn-northwest-1' });
  });

  it('keeps prod logs six months and retains its data', () => {
    const prod = loadConfig({ stage: 'prod', callbackUrls: HTTPS_CALLBACK }, {});
    expect(prod).toMatchObject({ logRetention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.RETAIN, deletionProtection: true });
    expect(prod.identity).toEqual({ provider: 'cognito', domainPrefix: 'skillbridge-prod', callbackUrls: [HTTPS_CALLBACK], logoutUrls: [] });
  });

  it('takes the stage from SKILLBRIDGE_STAGE when the context names none', () => {
    expect(loadConfig({}, { SKILLBRIDGE_STAGE: 'staging' }).stage).toBe('staging');
  });

  it.each([
    [{ stage: 'production' }, /stage must be one of dev, staging, prod/],
    [{ stage: 'prod' }, /prod needs https sign-in callback URLs/],
    [{ stage: 'prod', callbackUrls: 'http://skillbridge.example.cn/cb' }, /prod needs https/],
    [{ authDomainPrefix: 'SkillBridge' }, /not a valid Cognito domain prefix/],
    [{ authDomainPrefix: 'my-cognito-login' }, /not a valid Cognito domain prefix/],
    [{ alarmEmail: 'ops' }, /alarmEmail "ops" is not an email address/],
    [{ callbackUrls: 'not a url' }, /callbackUrls must be a list of URLs/],
    [{ identityProvider: 'auth0' }, /identityProvider must be cognito or oidc/],
    [{ identityProvider: 'oidc', oidcAudience: 'web' }, /oidcIssuer must be the https issuer URL/],
    [{ identityProvider: 'oidc', oidcIssuer: 'https://id.example.cn' }, /oidcAudience must list the accepted audiences/],
  ])('rejects %j, naming the setting', (inputs, message) => {
    expect(() => loadConfig(inputs, {})).toThrow(message);
  });

  it('reads an OIDC issuer and a comma-separated audience list', () => {
    const config = loadConfig({ identityProvider: 'oidc', oidcIssuer: 'https://id.example.cn/realms/sb', oidcAudience: 'web, cli' }, {});
    expect(config.identity).toEqual({ provider: 'oidc', issuer: 'https://id.example.cn/realms/sb', audience: ['web', 'cli'] });
  });
});

describe('China stage with an OIDC issuer', () => {
  let built: BuiltApp;
  let stateful: Template;
  let stateless: Template;

  beforeAll(() => {
    built = buildApp(
      { stage: 'prod', identityProvider: 'oidc', oidcIssuer: 'https://id.example.cn/realms/skillbridge', oidcAudience: 'skillbridge-web' },
      { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'cn-north-1' },
    );
    stateful = Template.fromStack(built.stateful);
    stateless = Template.fromStack(built.stateless);
  });

  it('builds no Cognito resources (CloudFormation in the China regions has none)', () => {
    expect(Object.keys(stateful.toJSON().Resources).filter((id) => stateful.toJSON().Resources[id].Type.startsWith('AWS::Cognito::'))).toEqual([]);
    expect(built.stateful.identity).toBeUndefined();
  });

  it('points the JWT authorizer at the configured issuer and audience', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Issuer: 'https://id.example.cn/realms/skillbridge', Audience: ['skillbridge-web'] },
    });
  });

  it('writes no ARN with a hard-coded partition (aws-cn there)', () => {
    for (const template of [stateful, stateless]) expect(JSON.stringify(template.toJSON())).not.toMatch(/"arn:aws:/);
  });
});
