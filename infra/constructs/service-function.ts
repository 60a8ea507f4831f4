import { existsSync } from 'node:fs';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { LogLevel } from '../config.js';
import { bundledCode, DEFAULT_BUNDLE_AWS_SDK } from './bundling.js';

/** Properties of a {@link ServiceFunction}. */
export interface ServiceFunctionProps {
  /** Absolute path of the handler file; it must export `handler`. */
  readonly entry: string;
  /** Directory holding package.json (its `imports` resolve `#shared/*`); esbuild runs there. */
  readonly projectRoot: string;
  readonly description?: string;
  /** Errors and Throttles alarms notify this topic. */
  readonly alarmTopic: ITopic;
  /** Set as `TABLE_NAME`; the function gets no table permissions from this, grant them separately. */
  readonly tableName?: string;
  /** Extra environment variables. */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * CPU scales with memory, and cold starts (module loading, taxonomy indexing) are CPU bound.
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * Below the HTTP API's 30 s integration limit with room for a cold start.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /** @default - no reserved concurrency (the account pool) */
  readonly reservedConcurrentExecutions?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN (logs outlive the function) */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** `POWERTOOLS_LOG_LEVEL`. @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** `POWERTOOLS_SERVICE_NAME`, the `service` dimension of metrics and logs. @default 'skillbridge' */
  readonly serviceName?: string;
  /**
   * Bundle `@aws-sdk/*` into the function instead of using the runtime's copy.
   * @default DEFAULT_BUNDLE_AWS_SDK (true: measured faster to import, see tests/bench/bundles.ts)
   */
  readonly bundleAwsSdk?: boolean;
}

/**
 * The one way SkillBridge builds a Lambda function: Node 22 on arm64, an ESM bundle with source
 * maps (bundling.ts: the options NodejsFunction would take, run through esbuild's API), its own
 * log group and least-privilege role, X-Ray tracing, Powertools settings, and alarms on Errors
 * and Throttles.
 */
export class ServiceFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;
  readonly errorsAlarm: Alarm;
  readonly throttlesAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    // Checked here because tests skip bundling, which would otherwise accept a missing file.
    if (!existsSync(props.entry)) throw new Error(`${id}: handler file ${props.entry} does not exist`);
    const bundleAwsSdk = props.bundleAwsSdk ?? DEFAULT_BUNDLE_AWS_SDK;

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    // An own role instead of the AWSLambdaBasicExecutionRole managed policy, which lets the
    // function write to every log group in the account: this one may write to its own only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${Stack.of(this).stackName}/${id}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry, props.projectRoot, { bundleAwsSdk }),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName ?? 'skillbridge',
        POWERTOOLS_METRICS_NAMESPACE: 'SkillBridge',
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        ...(props.tableName === undefined ? {} : { TABLE_NAME: props.tableName }),
        ...props.environment,
      },
    });

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 on purpose: the code, tests and local server are verified on Node 20 and 22, and a newer runtime is adopted only after the China regions offer it and the suite passes on it.',
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Only actions without resource-level permissions use Resource *: xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) and, for stream consumers, dynamodb:ListStreams. The infra tests fail if any other action is granted on *.',
    });

    // A handled error is a 4xx/5xx answer, not a Lambda error: these fire on crashes and timeouts.
    const fiveMinutes = Duration.minutes(5);
    this.errorsAlarm = new Alarm(this, 'ErrorsAlarm', {
      alarmDescription: `${id}: invocations failed (unhandled error or timeout)`,
      metric: this.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.throttlesAlarm = new Alarm(this, 'ThrottlesAlarm', {
      alarmDescription: `${id}: invocations throttled (concurrency exhausted)`,
      metric: this.function.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(props.alarmTopic);
    for (const alarm of [this.errorsAlarm, this.throttlesAlarm]) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }
}
