import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildApp } from './build-app.js';

/** Every acknowledgement in the tree: rule id, the construct it covers, and the reason given. */
function acknowledgements(root: IConstruct): Array<{ id: string; path: string; reason: string }> {
  const found: Array<{ id: string; path: string; reason: string }> = [];
  const visit = (node: IConstruct) => {
    for (const entry of node.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ id: id.replace(/^annotation::/i, ''), path: node.node.path, reason });
      }
    }
    node.node.children.forEach(visit);
  };
  visit(root);
  return found;
}

/** The AwsSolutions findings that survive the acknowledgements, as `rule at path` lines. */
function unacknowledged(app: App): string[] {
  // Synthesise first: the pack then sees the final tree, as the plugin in infra/app.ts does.
  app.synth();
  const report = new AwsSolutionsChecks(app).validateScope(app);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`));
}

/**
 * Rules acknowledged somewhere, and why (the reasons sit beside each acknowledgement in infra/).
 * A new suppression fails this test until it is reviewed and listed here.
 */
const EXPECTED_RULES = [
  // MFA optional: job seekers must be able to register unaided.
  'AwsSolutions-COG2',
  // Essentials plan, not Plus: enough for access-token customisation.
  'AwsSolutions-COG8',
  // The access-log bucket does not log access to itself.
  'AwsSolutions-S1',
  // Node 22 chosen deliberately.
  'AwsSolutions-L1',
  // Public by contract: GET /health and GET /openapi.json.
  'AwsSolutions-APIG4',
  // The stream DLQ is an on-failure destination, which the rule does not recognise as a DLQ.
  'AwsSolutions-SQS3',
  // X-Ray / ListStreams / PutBucketNotification have no resource-level permissions.
  'AwsSolutions-IAM5[Resource::*]',
  // Table grants cover <table>/index/*.
  'AwsSolutions-IAM5[Resource::SkillBridge-dev-TableArn/index/*]',
  // The import function's object prefixes.
  'AwsSolutions-IAM5[Resource::SkillBridge-dev-ImportBucketArn/imports/*]',
  'AwsSolutions-IAM5[Resource::SkillBridge-dev-ImportBucketArn/imports/*.summary.json]',
  'AwsSolutions-IAM5[Resource::SkillBridge-dev-ImportBucketArn/imports/*.rejected.csv]',
  // CDK's bucket-notifications and BucketDeployment custom resources.
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
  // Web hosting (infra/web-stack.ts): no geo restriction, no WAF (none for CloudFront in the China
  // regions), CloudFront's default certificate when no -c webDomain is given.
  'AwsSolutions-CFR1',
  'AwsSolutions-CFR2',
  'AwsSolutions-CFR4',
  // BucketDeployment's own grants: read the CDK asset, replace the objects of the web bucket.
  'AwsSolutions-IAM5[Action::s3:Abort*]',
  'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
  'AwsSolutions-IAM5[Action::s3:GetBucket*]',
  'AwsSolutions-IAM5[Action::s3:GetObject*]',
  'AwsSolutions-IAM5[Action::s3:List*]',
  'AwsSolutions-IAM5[Resource::<WebBucket12880F5B.Arn>/*]',
  'AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-123456789012-us-east-1/*]',
];

describe('cdk-nag AwsSolutions', () => {
  it('finds no unacknowledged error or warning in the Cognito stage', () => {
    // Prepare
    const { app } = buildApp();
    // Act
    const findings = unacknowledged(app);
    // Assess
    expect(findings).toEqual([]);
  });

  it('finds no unacknowledged error or warning in a China stage with an OIDC issuer', () => {
    const { app } = buildApp(
      { stage: 'prod', identityProvider: 'oidc', oidcIssuer: 'https://id.example.cn/realms/skillbridge', oidcAudience: 'skillbridge-web' },
      { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'cn-north-1' },
    );
    expect(unacknowledged(app)).toEqual([]);
  });

  it('acknowledges only the reviewed rules, each with a reason that says why', () => {
    const { app } = buildApp();
    const acks = acknowledgements(app);
    expect([...new Set(acks.map((a) => a.id))].sort()).toEqual([...EXPECTED_RULES].sort());
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(60);
    }
  });

  it('acknowledges nothing on a whole stack or the app', () => {
    const { app, stateful, stateless, web } = buildApp();
    const broad = acknowledgements(app).filter((a) => [app.node.path, stateful.node.path, stateless.node.path, web.node.path].includes(a.path));
    expect(broad).toEqual([]);
  });
});
