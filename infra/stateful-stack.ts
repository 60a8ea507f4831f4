import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA } from '#shared/adapters/dynamodb/table-schema.js';
import type { StageConfig } from './config.js';
import { CognitoIdentity } from './constructs/cognito-identity.js';
import { logsBucket } from './constructs/logs-bucket.js';
import { IMPORTS_PREFIX } from './functions.js';

/** Properties of the {@link StatefulStack}. */
export interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
}

/**
 * What the stateless stack may use. ARNs and names are CloudFormation exports with fixed names
 * (`SkillBridge-<stage>-TableArn` …): that makes the interface between the stacks explicit, keeps
 * it stable across refactors, and gives cdk-nag findings on these ARNs stable ids.
 */
export interface StatefulOutputs {
  readonly tableName: string;
  readonly tableArn: string;
  readonly tableStreamArn: string;
  readonly importBucketName: string;
  readonly importBucketArn: string;
  readonly alarmTopicArn: string;
  /** Issuer of the access tokens the API accepts (https URL). */
  readonly jwtIssuer: string;
  /** Accepted audiences; for Cognito access tokens API Gateway compares them with `client_id`. */
  readonly jwtAudience: readonly string[];
}

/**
 * What must survive a redeploy: the table, the import bucket (and its access-log bucket), the
 * Cognito user pool with the trigger CloudFormation ties to it, and the alarm topic with its
 * confirmed subscriptions. Nothing here refers to the stateless stack, so that one can be replaced
 * freely.
 */
export class StatefulStack extends Stack {
  readonly table: Table;
  readonly importBucket: Bucket;
  readonly accessLogsBucket: Bucket;
  readonly alarmTopic: Topic;
  /** Undefined when another OpenID Connect provider signs users in (config.identity). */
  readonly identity: CognitoIdentity | undefined;
  readonly outputs: StatefulOutputs;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: `SkillBridge ${config.stage} alarms`, enforceSSL: true });
    if (config.alarmEmail !== undefined) this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));

    this.table = this.buildTable(config);
    this.accessLogsBucket = logsBucket(this, 'AccessLogsBucket', {
      retention: config.logRetention,
      expirationRuleId: 'expire-access-logs',
      removalPolicy: config.removalPolicy,
      noAccessLogsReason: 'This is the server access log bucket itself; logging its own access would log the log deliveries, without end.',
    });
    this.importBucket = this.buildImportBucket(config);

    const exported = (name: string, value: string) => this.exportValue(value, { name: `${config.prefix}-${name}` });
    const streamArn = this.table.tableStreamArn;
    if (streamArn === undefined) throw new Error('The table has no stream');

    let jwtIssuer: string;
    let jwtAudience: readonly string[];
    if (config.identity.provider === 'cognito') {
      const identity = new CognitoIdentity(this, 'Identity', {
        prefix: config.prefix,
        domainPrefix: config.identity.domainPrefix,
        callbackUrls: config.identity.callbackUrls,
        logoutUrls: config.identity.logoutUrls,
        alarmTopic: this.alarmTopic,
        deletionProtection: config.deletionProtection,
        removalPolicy: config.removalPolicy,
        logRetention: config.logRetention,
        logLevel: config.logLevel,
      });
      this.identity = identity;
      // ProviderURL is Cognito's own issuer (cognito-idp.<region>.<url suffix>/<pool id>): right in
      // every partition, unlike HttpUserPoolAuthorizer's hard-coded amazonaws.com.
      jwtIssuer = `https://${exported('UserPoolProviderUrl', identity.userPool.userPoolProviderUrl)}`;
      jwtAudience = [exported('UserPoolClientId', identity.client.userPoolClientId)];
      exported('UserPoolId', identity.userPool.userPoolId);
      new CfnOutput(this, 'HostedUiUrl', { value: identity.domain.baseUrl() });
    } else {
      this.identity = undefined;
      jwtIssuer = config.identity.issuer;
      jwtAudience = config.identity.audience;
    }

    this.outputs = {
      tableName: exported('TableName', this.table.tableName),
      tableArn: exported('TableArn', this.table.tableArn),
      tableStreamArn: exported('TableStreamArn', streamArn),
      importBucketName: exported('ImportBucketName', this.importBucket.bucketName),
      importBucketArn: exported('ImportBucketArn', this.importBucket.bucketArn),
      alarmTopicArn: exported('AlarmTopicArn', this.alarmTopic.topicArn),
      jwtIssuer,
      jwtAudience,
    };
  }

  private buildTable(config: StageConfig): Table {
    const attribute = (name: string) => ({ name, type: AttributeType.STRING });
    const table = new Table(this, 'Table', {
      partitionKey: attribute(TABLE_SCHEMA.partitionKey),
      sortKey: attribute(TABLE_SCHEMA.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.deletionProtection,
      stream: StreamViewType[TABLE_SCHEMA.streamViewType],
      timeToLiveAttribute: TABLE_SCHEMA.ttlAttribute,
      // The aws/dynamodb KMS key: encrypted at rest, key use visible in CloudTrail, no key to manage.
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: config.removalPolicy,
    });
    for (const index of TABLE_SCHEMA.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
    return table;
  }

  private buildImportBucket(config: StageConfig): Bucket {
    const days = (n: number) => Duration.days(n);
    return new Bucket(this, 'ImportBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'import-bucket/',
      // Import files hold personal information (PIPL): keep them only as long as a re-run is plausible.
      lifecycleRules: [
        // Reports (<file>.summary.json, <file>.rejected.csv) sit beside their file and expire with it.
        { id: 'expire-imports', prefix: IMPORTS_PREFIX, expiration: days(config.importRetentionDays), noncurrentVersionExpiration: days(1) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: days(1) },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
      ],
      removalPolicy: config.removalPolicy,
    });
  }
}
