import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLE_SCOPES, SCOPES } from '#functions/routes.js';
import { TABLE_SCHEMA, keyAttributes } from '#shared/adapters/dynamodb/table-schema.js';
import { buildApp, type BuiltApp } from './build-app.js';

const PROD = { stage: 'prod', callbackUrls: 'https://skillbridge.example.cn/auth/callback', alarmEmail: 'ops@example.cn' } as const;

describe('stateful stack', () => {
  let dev: BuiltApp;
  let devTemplate: Template;
  let prodTemplate: Template;

  beforeAll(() => {
    // Prepare
    dev = buildApp();
    devTemplate = Template.fromStack(dev.stateful);
    prodTemplate = Template.fromStack(buildApp(PROD).stateful);
  });

  describe('table', () => {
    it('has the keys, indexes, stream and TTL of table-schema.ts', () => {
      // Assess
      devTemplate.resourceCountIs('AWS::DynamoDB::Table', 1);
      devTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith(keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
        GlobalSecondaryIndexes: TABLE_SCHEMA.globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        StreamSpecification: { StreamViewType: TABLE_SCHEMA.streamViewType },
        TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.ttlAttribute, Enabled: true },
      });
    });

    it('has point-in-time recovery and KMS encryption at rest', () => {
      devTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      });
    });

    it('is protected from deletion and retained in prod, disposable in dev', () => {
      prodTemplate.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: true }) });
      devTemplate.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
    });
  });

  describe('buckets', () => {
    it('encrypts every bucket, blocks public access and owns all objects', () => {
      const buckets = devTemplate.findResources('AWS::S3::Bucket');
      expect(Object.keys(buckets)).toHaveLength(2);
      for (const bucket of Object.values(buckets)) {
        expect(bucket.Properties.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
        expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
      }
    });

    it('denies requests without TLS (and below TLS 1.2) on every bucket', () => {
      const policies = Object.values(devTemplate.findResources('AWS::S3::BucketPolicy'));
      expect(policies).toHaveLength(2);
      for (const policy of policies) {
        const statements = policy.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>;
        expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
        expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }));
      }
    });

    it('versions the import bucket, logs access to it and expires old imports', () => {
      devTemplate.hasResourceProperties('AWS::S3::Bucket', {
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'import-bucket/' },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ Prefix: 'imports/', ExpirationInDays: dev.config.importRetentionDays, NoncurrentVersionExpiration: { NoncurrentDays: 1 }, Status: 'Enabled' }),
            Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
          ]),
        },
      });
    });

    it('keeps server access logs as long as the stage keeps logs (six months in prod)', () => {
      prodTemplate.hasResourceProperties('AWS::S3::Bucket', {
        LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 180 })] },
      });
    });
  });

  describe('Cognito', () => {
    it('has one group per role with the trigger on the Essentials plan', () => {
      for (const role of Object.keys(ROLE_SCOPES)) {
        devTemplate.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
      }
      devTemplate.resourceCountIs('AWS::Cognito::UserPoolGroup', Object.keys(ROLE_SCOPES).length);
      devTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
        UserPoolTier: 'ESSENTIALS',
        LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: Match.anyValue(), LambdaVersion: 'V2_0' } },
        Schema: Match.arrayWith([Match.objectLike({ Name: 'region', AttributeDataType: 'String', Mutable: true })]),
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true, RequireUppercase: true, RequireNumbers: true }) },
      });
    });

    it('declares every scope of SCOPES on one resource server', () => {
      const identifiers = new Set(Object.values(SCOPES).map((s) => s.split('/')[0]));
      devTemplate.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
        Identifier: [...identifiers][0],
        Scopes: Object.values(SCOPES).map((s) => Match.objectLike({ ScopeName: s.split('/')[1] })),
      });
    });

    it('lets no client request API scopes, nor write custom:region', () => {
      const clients = Object.values(devTemplate.findResources('AWS::Cognito::UserPoolClient'));
      expect(clients).toHaveLength(1);
      const client = clients[0]?.Properties as Record<string, string[]>;
      expect(client.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid']));
      for (const scope of Object.values(SCOPES)) expect(client.AllowedOAuthScopes).not.toContain(scope);
      expect(client.ReadAttributes).toContain('custom:region');
      expect(client.WriteAttributes).not.toContain('custom:region');
      expect(client).toMatchObject({ GenerateSecret: false, PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true });
    });

    it('runs the trigger like every function: Node 22, arm64, traced, own log group, alarms, no table access', () => {
      const trigger = dev.stateful.identity?.preTokenGeneration;
      expect(trigger).toBeDefined();
      devTemplate.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Timeout: 5,
        LoggingConfig: { LogGroup: Match.anyValue() },
        Environment: { Variables: Match.objectLike({ NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_METRICS_NAMESPACE: 'SkillBridge' }) },
      });
      for (const metric of ['Errors', 'Throttles']) devTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: metric, AlarmActions: [{ Ref: Match.anyValue() }] });
      const actions = Object.values(devTemplate.findResources('AWS::IAM::Policy')).flatMap((p) => (p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>).flatMap((st) => st.Action));
      expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    });

    it('names the hosted UI domain from config', () => {
      devTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'skillbridge-dev' });
    });

    it('is protected from deletion in prod', () => {
      prodTemplate.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }) });
    });
  });

  describe('alarm topic', () => {
    it('requires TLS to publish and emails the configured address', () => {
      devTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
      devTemplate.resourceCountIs('AWS::SNS::Subscription', 0);
      prodTemplate.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: PROD.alarmEmail });
    });
  });

  it('exports what the stateless stack imports under fixed names', () => {
    const exports = Object.values(devTemplate.findOutputs('*')).map((o) => (o.Export as { Name?: string } | undefined)?.Name);
    for (const name of ['TableName', 'TableArn', 'TableStreamArn', 'ImportBucketName', 'ImportBucketArn', 'AlarmTopicArn', 'UserPoolProviderUrl', 'UserPoolClientId']) {
      expect(exports).toContain(`SkillBridge-dev-${name}`);
    }
  });
});
