import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteDef } from '#functions/routes.js';
import { BACKGROUND_FUNCTIONS } from '../../infra/functions.js';
import type { ServiceFunction } from '../../infra/constructs/service-function.js';
import { buildApp, type BuiltApp } from './build-app.js';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Actions that support no resource-level permissions, the only ones allowed on Resource "*". */
const STAR_RESOURCE_ACTIONS = new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'dynamodb:ListStreams', 's3:PutBucketNotification']);

const DYNAMODB_READ_ACTIONS = new Set([
  'dynamodb:BatchGetItem',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:Query',
  'dynamodb:GetItem',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
]);

/** Every Allow statement of the inline policies attached to a role. */
function statementsOf(stack: Stack, template: Template, role: CfnRole): Statement[] {
  const roleId = stack.getLogicalId(role);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as Array<{ Ref?: string }>).some((r) => r.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

const functionId = (stack: Stack, fn: ServiceFunction) => stack.getLogicalId(fn.function.node.defaultChild as CfnFunction);
const roleOf = (fn: ServiceFunction) => fn.role.node.defaultChild as CfnRole;

describe('stateless stack', () => {
  let built: BuiltApp;
  let stack: Stack;
  let template: Template;

  beforeAll(() => {
    // Prepare
    built = buildApp();
    stack = built.stateless;
    template = Template.fromStack(built.stateless);
  });

  const allFunctions = () => [...built.stateless.routeFunctions.values(), ...built.stateless.backgroundFunctions.values()];

  describe('HTTP API', () => {
    it('routes every entry of the route table to its own function', () => {
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
      // One route each, and a HEAD route beside each GET (asserted below).
      expect(routes).toHaveLength(ROUTES.length + ROUTES.filter((r) => r.method === 'GET').length);
      const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
      for (const route of ROUTES) {
        const cfnRoute = routes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`);
        expect(cfnRoute, `${route.method} ${route.path}`).toBeDefined();
        // Target is "integrations/<integration id>"; the integration must invoke this route's function.
        const integrationId = (cfnRoute!.Properties.Target as { 'Fn::Join': [string, Array<string | { Ref: string }>] })['Fn::Join'][1].find((p) => typeof p === 'object')?.Ref;
        const uri = integrationId === undefined ? undefined : integrations[integrationId]?.Properties.IntegrationUri;
        const fn = built.stateless.routeFunctions.get(route.handler);
        expect(fn, route.handler).toBeDefined();
        expect(uri).toEqual({ 'Fn::GetAtt': [functionId(stack, fn as ServiceFunction), 'Arn'] });
        expect(integrationId && integrations[integrationId]?.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
      }
    });

    it('answers HEAD on every GET route with the GET route’s function, authorizer and scopes, and on no other', () => {
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties as Record<string, unknown>);
      const byKey = new Map(routes.map((p) => [p.RouteKey as string, p]));
      const gets = ROUTES.filter((r) => r.method === 'GET');
      expect(gets.length).toBeGreaterThan(0);
      for (const route of gets) {
        const get = byKey.get(`GET ${route.path}`);
        const head = byKey.get(`HEAD ${route.path}`);
        expect(head, `HEAD ${route.path}`).toBeDefined();
        for (const prop of ['Target', 'AuthorizationType', 'AuthorizerId', 'AuthorizationScopes']) expect(head?.[prop], `HEAD ${route.path} ${prop}`).toEqual(get?.[prop]);
      }
      const heads = routes.filter((p) => String(p.RouteKey).startsWith('HEAD ')).map((p) => String(p.RouteKey).slice('HEAD '.length));
      expect(heads.sort()).toEqual(gets.map((r) => r.path).sort());
    });

    it('asks for each route’s scopes through the JWT authorizer, and nothing on public routes', () => {
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
      for (const route of ROUTES) {
        const props = routes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`)?.Properties as Record<string, unknown>;
        if (route.scopes.length === 0) {
          expect(props.AuthorizationType, route.path).toBe('NONE');
          expect(props.AuthorizationScopes, route.path).toBeUndefined();
          expect(props.AuthorizerId, route.path).toBeUndefined();
        } else {
          expect(props.AuthorizationType, route.path).toBe('JWT');
          expect(props.AuthorizationScopes, route.path).toEqual([...route.scopes]);
          expect(props.AuthorizerId, route.path).toBeDefined();
        }
      }
    });

    it('trusts tokens from the stateful stack’s Cognito issuer for its client', () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Issuer: { 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': 'SkillBridge-dev-UserPoolProviderUrl' }]] },
          Audience: [{ 'Fn::ImportValue': 'SkillBridge-dev-UserPoolClientId' }],
        },
      });
    });

    it('throttles the default stage and writes JSON access logs', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: built.config.throttle.rateLimit, ThrottlingBurstLimit: built.config.throttle.burstLimit },
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
      });
    });
  });

  describe('functions', () => {
    it('builds one function per route handler and background function', () => {
      const handlers = new Set(ROUTES.map((r) => r.handler));
      expect([...built.stateless.routeFunctions.keys()].sort()).toEqual([...handlers].sort());
      expect([...built.stateless.backgroundFunctions.keys()].sort()).toEqual(BACKGROUND_FUNCTIONS.map((f) => f.name).sort());
      template.resourceCountIs('AWS::Lambda::Function', handlers.size + BACKGROUND_FUNCTIONS.length + 1 /* bucket-notifications custom resource */);
    });

    it('runs every function on Node 22, arm64, traced, with its log group, TABLE_NAME and Powertools settings', () => {
      for (const fn of allFunctions()) {
        const props = template.toJSON().Resources[functionId(stack, fn)].Properties;
        expect(props).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: { LogGroup: { Ref: stack.getLogicalId(fn.logGroup.node.defaultChild as never) } },
          Environment: {
            Variables: {
              TABLE_NAME: { 'Fn::ImportValue': 'SkillBridge-dev-TableName' },
              NODE_OPTIONS: '--enable-source-maps',
              POWERTOOLS_SERVICE_NAME: 'skillbridge',
              POWERTOOLS_METRICS_NAMESPACE: 'SkillBridge',
              POWERTOOLS_LOG_LEVEL: built.config.logLevel,
            },
          },
        });
      }
      template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: built.config.logRetention });
    });

    it('alarms on Errors and Throttles of every function through the alarm topic', () => {
      const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
      for (const fn of allFunctions()) {
        for (const metric of ['Errors', 'Throttles']) {
          expect(alarms, `${fn.node.id} ${metric}`).toContainEqual(
            expect.objectContaining({
              MetricName: metric,
              Namespace: 'AWS/Lambda',
              Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId(stack, fn) } }],
              AlarmActions: [{ 'Fn::ImportValue': 'SkillBridge-dev-AlarmTopicArn' }],
            }),
          );
        }
      }
    });
  });

  describe('permissions', () => {
    it('lets GET routes read the table and never write it', () => {
      for (const route of ROUTES.filter((r) => r.method === 'GET' && r.scopes.length > 0 && !(r as RouteDef).writes)) {
        const fn = built.stateless.routeFunctions.get(route.handler) as ServiceFunction;
        const actions = statementsOf(stack, template, roleOf(fn)).flatMap((s) => list(s.Action)).filter((a) => a.startsWith('dynamodb:'));
        expect(actions, route.handler).toContain('dynamodb:Query');
        expect(actions.filter((a) => !DYNAMODB_READ_ACTIONS.has(a)), route.handler).toEqual([]);
      }
    });

    it('lets write routes write the table', () => {
      for (const route of ROUTES.filter((r) => r.method !== 'GET' || (r as RouteDef).writes)) {
        const fn = built.stateless.routeFunctions.get(route.handler) as ServiceFunction;
        const actions = statementsOf(stack, template, roleOf(fn)).flatMap((s) => list(s.Action));
        expect(actions, route.handler).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
      }
    });

    it('gives public routes no access to any data', () => {
      for (const route of ROUTES.filter((r) => r.scopes.length === 0)) {
        const fn = built.stateless.routeFunctions.get(route.handler) as ServiceFunction;
        const services = statementsOf(stack, template, roleOf(fn)).flatMap((s) => list(s.Action)).map((a) => a.split(':')[0]);
        expect(new Set(services), route.handler).toEqual(new Set(['logs', 'xray']));
      }
    });

    it('grants no wildcard action anywhere, and Resource * only for actions without resource-level permissions', () => {
      const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements.filter((s) => s.Effect === 'Allow')) {
        expect(list(statement.Action).filter((a) => a.includes('*'))).toEqual([]);
        if (list(statement.Resource).includes('*')) {
          expect(list(statement.Action).filter((a) => !STAR_RESOURCE_ACTIONS.has(a))).toEqual([]);
        }
      }
    });

    it('uses no AWS managed policy on the functions’ roles', () => {
      for (const fn of allFunctions()) {
        const role = template.toJSON().Resources[stack.getLogicalId(roleOf(fn))];
        expect(role.Properties.ManagedPolicyArns, fn.node.id).toBeUndefined();
      }
    });

    it('lets the import function read uploads and write only its two reports', () => {
      const fn = built.stateless.backgroundFunctions.get('import-file') as ServiceFunction;
      const s3 = statementsOf(stack, template, roleOf(fn)).filter((s) => list(s.Action).some((a) => a.startsWith('s3:')));
      const objects = (suffix: string) => ({ 'Fn::Join': ['', [{ 'Fn::ImportValue': 'SkillBridge-dev-ImportBucketArn' }, suffix]] });
      expect(s3).toEqual([
        expect.objectContaining({ Action: 's3:GetObject', Resource: objects('/imports/*') }),
        // minimizePolicies sorts resources.
        expect.objectContaining({ Action: 's3:PutObject', Resource: [objects('/imports/*.rejected.csv'), objects('/imports/*.summary.json')] }),
      ]);
    });
  });

  describe('campaign queue', () => {
    it('lets the handlers that start campaigns or delete learners (a settle message) send to it, and no other route', () => {
      const senders = ['create-campaign', 'delete-learner', 'delete-my-profile'];
      for (const route of ROUTES) {
        const fn = built.stateless.routeFunctions.get(route.handler) as ServiceFunction;
        const sends = statementsOf(stack, template, roleOf(fn)).some((s) => list(s.Action).some((a) => a.startsWith('sqs:SendMessage')));
        const env = (template.findResources('AWS::Lambda::Function')[functionId(stack, fn)]?.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
        expect(sends, route.handler).toBe(senders.includes(route.handler));
        expect('CAMPAIGN_QUEUE_URL' in env, route.handler).toBe(senders.includes(route.handler));
      }
    });
  });

  describe('background triggers', () => {
    it('invokes the import function for objects created under imports/', () => {
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: { 'Fn::ImportValue': 'SkillBridge-dev-ImportBucketName' },
        Managed: false,
        NotificationConfiguration: {
          LambdaFunctionConfigurations: [
            {
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'imports/' }] } },
              LambdaFunctionArn: { 'Fn::GetAtt': [functionId(stack, built.stateless.backgroundFunctions.get('import-file') as ServiceFunction), 'Arn'] },
            },
          ],
        },
      });
    });

    it('feeds the table stream to the shortage function in order, with partial failures and a dead-letter queue', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::ImportValue': 'SkillBridge-dev-TableStreamArn' },
        FunctionName: { Ref: functionId(stack, built.stateless.backgroundFunctions.get('update-shortage') as ServiceFunction) },
        StartingPosition: 'TRIM_HORIZON',
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        ParallelizationFactor: 1,
        MaximumRetryAttempts: Match.anyValue(),
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
      template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS' });
    });
  });
});
