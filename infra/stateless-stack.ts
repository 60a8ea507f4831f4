import { existsSync } from 'node:fs';
import { Annotations, CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Table, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Bucket, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ROUTES, type RouteDef } from '#functions/routes.js';
import { TABLE_SCHEMA } from '#shared/adapters/dynamodb/table-schema.js';
import type { StageConfig } from './config.js';
import { ServiceFunction, type ServiceFunctionProps } from './constructs/service-function.js';
import { BACKGROUND_FUNCTIONS, type BackgroundFunctionDef, type FunctionTrigger, type TableAccess } from './functions.js';
import { functionEntry, PROJECT_ROOT } from './paths.js';
import type { StatefulOutputs } from './stateful-stack.js';

/** Properties of the {@link StatelessStack}. */
export interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  /** The stateful stack's exports; the app must also make this stack depend on that one. */
  readonly stateful: StatefulOutputs;
}

/** `get-demand` → `GetDemand`. */
const pascal = (name: string): string => name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** Batch routes validate and write up to 100 records; everything else answers within a few hundred ms. */
const routeTimeout = (route: RouteDef): Duration => (route.maxBodyBytes === undefined ? Duration.seconds(10) : Duration.seconds(28));

/**
 * Everything that can be destroyed and rebuilt without losing data: one function per route of the
 * route table behind an HTTP API with a JWT authorizer (Cognito's issuer, or the configured OIDC
 * one), and the background functions of infra/functions.ts with their triggers. It reads the
 * stateful stack only through its named exports.
 */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** Route handler name → its function. */
  readonly routeFunctions = new Map<string, ServiceFunction>();
  /** Background function name → its function. */
  readonly backgroundFunctions = new Map<string, ServiceFunction>();

  readonly table: ITable;
  readonly importBucket: IBucket;
  readonly alarmTopic: ITopic;

  private readonly config: StageConfig;
  private readonly stateful: StatefulOutputs;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, stateful } = props;
    this.config = config;
    this.stateful = stateful;

    this.table = Table.fromTableAttributes(this, 'Table', {
      tableArn: stateful.tableArn,
      tableStreamArn: stateful.tableStreamArn,
      globalIndexes: TABLE_SCHEMA.globalSecondaryIndexes.map((index) => index.indexName),
    });
    // Bucket notifications are set on this imported reference, so CDK configures them from this
    // stack (through its notifications custom resource) and the stateful stack never refers back here.
    this.importBucket = Bucket.fromBucketAttributes(this, 'ImportBucket', { bucketArn: stateful.importBucketArn, bucketName: stateful.importBucketName });
    this.alarmTopic = Topic.fromTopicArn(this, 'AlarmTopic', stateful.alarmTopicArn);

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `${config.prefix}-api`,
      description: 'SkillBridge HTTP API',
      // The stage is built below: the default one takes neither throttling nor access logs.
      createDefaultStage: false,
    });
    this.stage = this.buildStage(config);

    // A plain JWT authorizer (issuer and audience from the stateful stack) rather than
    // HttpUserPoolAuthorizer, which hard-codes the amazonaws.com issuer and knows only Cognito.
    const authorizer = new HttpJwtAuthorizer('JwtAuthorizer', stateful.jwtIssuer, { jwtAudience: [...stateful.jwtAudience] });

    for (const route of ROUTES) this.addRoute(route, authorizer);
    for (const def of BACKGROUND_FUNCTIONS) this.addBackgroundFunction(def);

    const serverErrors = new Alarm(this, 'Api5xxAlarm', {
      alarmDescription: 'HTTP API answered 5xx (integration failures, timeouts, throttled functions)',
      metric: this.stage.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    serverErrors.addAlarmAction(new SnsAction(this.alarmTopic));

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
  }

  private buildStage(config: StageConfig): HttpStage {
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: config.logRetention, removalPolicy: config.removalPolicy });
    const fields = {
      requestId: '$context.requestId',
      requestTime: '$context.requestTime',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      protocol: '$context.protocol',
      responseLength: '$context.responseLength',
      latencyMs: '$context.responseLatency',
      integrationLatencyMs: '$context.integrationLatency',
      integrationError: '$context.integrationErrorMessage',
      authorizerError: '$context.authorizer.error',
      // The pseudonymous subject, not a name or an email: enough to trace a user's requests.
      sub: '$context.authorizer.claims.sub',
    };
    return new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: config.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(fields)),
      },
    });
  }

  private serviceFunction(id: string, entry: string, extra: Partial<ServiceFunctionProps>): ServiceFunction {
    const { config } = this;
    return new ServiceFunction(this, id, {
      entry,
      projectRoot: PROJECT_ROOT,
      alarmTopic: this.alarmTopic,
      tableName: this.stateful.tableName,
      logRetention: config.logRetention,
      logRemovalPolicy: config.removalPolicy,
      logLevel: config.logLevel,
      ...extra,
    });
  }

  private grantTable(fn: ServiceFunction, access: TableAccess): void {
    switch (access) {
      case 'none':
        return;
      case 'read':
        this.table.grantReadData(fn.function);
        break;
      case 'read-write':
        this.table.grantReadWriteData(fn.function);
        break;
      default:
        assertNever(access);
    }
    // grantReadData/grantReadWriteData name `<table>/index/*` so queries on gsi1 and gsi2 work.
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${exportName(this, this.stateful.tableArn)}/index/*]`,
      reason: 'The table grant covers its global secondary indexes (gsi1, gsi2) through <table ARN>/index/*; the wildcard spans this table’s indexes only.',
    });
  }

  private addRoute(route: RouteDef, authorizer: HttpJwtAuthorizer): void {
    const isPublic = route.scopes.length === 0;
    const fn = this.serviceFunction(pascal(route.handler), functionEntry(route.handler), {
      description: `${route.method} ${route.path}: ${route.summary}`,
      timeout: routeTimeout(route),
    });
    // Least privilege by route: reads cannot write, and the public routes (health, OpenAPI) touch no data at all.
    this.grantTable(fn, isPublic ? 'none' : route.method === 'GET' && !route.writes ? 'read' : 'read-write');
    this.routeFunctions.set(route.handler, fn);

    // HEAD is a GET without the body (RFC 9110): the same function answers it, under the same
    // authorizer and scopes, as the local server does.
    const httpRoutes = this.api.addRoutes({
      path: route.path,
      methods: route.method === 'GET' ? [HttpMethod.GET, HttpMethod.HEAD] : [HttpMethod[route.method]],
      integration: new HttpLambdaIntegration(`${pascal(route.handler)}Integration`, fn.function),
      ...(isPublic ? { authorizer: new HttpNoneAuthorizer() } : { authorizer, authorizationScopes: [...route.scopes] }),
    });
    if (isPublic) for (const httpRoute of httpRoutes) acknowledgePublicRoute(httpRoute, route);
  }

  private addBackgroundFunction(def: BackgroundFunctionDef): void {
    const entry = functionEntry(def.name);
    if (def.optionalEntry === true && !existsSync(entry)) {
      Annotations.of(this).addWarningV2('skillbridge:missing-entry', `functions/${def.name}.ts does not exist yet: its function and triggers are left out of this synth.`);
      return;
    }
    const { importBucket } = this;
    const fn = this.serviceFunction(pascal(def.name), entry, {
      description: def.description,
      memorySize: def.memorySize,
      timeout: def.timeout,
    });
    this.grantTable(fn, def.table);
    if (def.importBucket !== undefined) {
      // Explicit object actions rather than grantRead/grantPut, whose s3:GetObject*, s3:List* and
      // s3:Abort* wildcards allow more than reading an upload and writing a report.
      const objects = (patterns: readonly string[]) => patterns.map((p) => importBucket.arnForObjects(p));
      if (def.importBucket.read.length > 0) fn.function.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: objects(def.importBucket.read) }));
      if (def.importBucket.write.length > 0) fn.function.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: objects(def.importBucket.write) }));
      for (const pattern of [...def.importBucket.read, ...def.importBucket.write]) {
        Validations.of(fn.role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${exportName(this, this.stateful.importBucketArn)}/${pattern}]`,
          reason: `Object-level access under the ${pattern} prefix of the import bucket only; object keys are chosen by uploaders.`,
        });
      }
    }
    for (const trigger of def.triggers) this.addTrigger(def, fn, trigger);
    this.backgroundFunctions.set(def.name, fn);
  }

  private addTrigger(def: BackgroundFunctionDef, fn: ServiceFunction, trigger: FunctionTrigger): void {
    switch (trigger.kind) {
      case 'import-object-created':
        this.importBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn.function), { prefix: trigger.prefix });
        this.acknowledgeNotificationsHandler();
        return;
      case 'table-stream': {
        const dlq = new Queue(this, `${pascal(def.name)}StreamDlq`, {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          retentionPeriod: Duration.days(14),
        });
        Validations.of(dlq).acknowledge({
          id: 'AwsSolutions-SQS3',
          reason: `This queue is the on-failure destination (dead-letter queue) of ${def.name}'s stream mapping; cdk-nag recognises only queue-to-queue DLQs.`,
        });
        fn.function.addEventSource(
          new DynamoEventSource(this.table, {
            // From the oldest record the stream still holds (24 h): a first deployment misses no change.
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: trigger.batchSize,
            maxBatchingWindow: trigger.maxBatchingWindow,
            retryAttempts: trigger.retryAttempts,
            bisectBatchOnError: true,
            reportBatchItemFailures: true,
            parallelizationFactor: 1,
            onFailure: new SqsDlq(dlq),
          }),
        );
        const dlqAlarm = new Alarm(this, `${pascal(def.name)}StreamDlqAlarm`, {
          alarmDescription: `${def.name}: stream records gave up after ${trigger.retryAttempts} retries (see the dead-letter queue)`,
          metric: dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        });
        dlqAlarm.addAlarmAction(new SnsAction(this.alarmTopic));
        return;
      }
      case 'work-queue':
        this.addWorkQueue(def, fn, trigger);
        return;
      default:
        assertNever(trigger);
    }
  }

  /** A queue the function consumes, its dead-letter queue and alarm, and send rights for the function and its senders. */
  private addWorkQueue(def: BackgroundFunctionDef, fn: ServiceFunction, trigger: Extract<FunctionTrigger, { kind: 'work-queue' }>): void {
    const dlq = new Queue(this, `${trigger.queue}Dlq`, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    const queue = new Queue(this, trigger.queue, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS's advice for Lambda consumers: six times the function timeout, so a slow batch is not redelivered while it runs.
      visibilityTimeout: Duration.seconds(6 * (def.timeout ?? Duration.seconds(10)).toSeconds()),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: dlq, maxReceiveCount: trigger.maxReceiveCount },
    });
    fn.function.addEventSource(
      new SqsEventSource(queue, { batchSize: trigger.batchSize, maxBatchingWindow: trigger.maxBatchingWindow, reportBatchItemFailures: true, maxConcurrency: trigger.maxConcurrency }),
    );
    for (const sender of [fn, ...trigger.senders.map((name) => this.routeFunctions.get(name) ?? this.backgroundFunctions.get(name))]) {
      if (sender === undefined) throw new Error(`${def.name}: a sender of ${trigger.queue} is not a route handler or earlier background function of this stack`);
      queue.grantSendMessages(sender.function);
      sender.function.addEnvironment(trigger.urlVariable, queue.queueUrl);
    }
    const dlqAlarm = new Alarm(this, `${trigger.queue}DlqAlarm`, {
      alarmDescription: `${def.name}: messages of ${trigger.queue} failed ${trigger.maxReceiveCount} times and moved to its dead-letter queue`,
      metric: dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    dlqAlarm.addAlarmAction(new SnsAction(this.alarmTopic));
  }

  private acknowledgeNotificationsHandler(): void {
    // CDK's singleton that puts bucket notifications; its id is fixed by aws-s3.
    const handler = this.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (handler === undefined) return;
    Validations.of(handler).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'CDK’s bucket-notifications custom resource (aws-s3) brings its own role with the basic execution policy; it runs only during deployments.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'CDK’s bucket-notifications custom resource needs s3:PutBucketNotification, granted by aws-s3 on *; it runs only during deployments.',
      },
    );
  }
}

/** The two public routes (health, OpenAPI document) answer without a token by contract. */
function acknowledgePublicRoute(route: HttpRoute, def: RouteDef): void {
  Validations.of(route).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason: `${def.method} ${def.path} is public by contract (docs/api.md): liveness probes and API clients read it before signing in.`,
  });
}

/**
 * The export name behind an imported value. cdk-nag prints `Fn::ImportValue` as the bare export
 * name, so acknowledgements can name the exact ARN they cover.
 */
function exportName(stack: Stack, imported: string): string {
  const resolved: unknown = stack.resolve(imported);
  const name = (resolved as Record<string, unknown> | null)?.['Fn::ImportValue'];
  if (typeof name !== 'string') throw new Error(`Expected an imported value, got ${JSON.stringify(resolved)}`);
  return name;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled case ${JSON.stringify(value)}`);
}
