import { Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** Properties of a {@link logsBucket}. */
export interface LogsBucketProps {
  /** How long log objects are kept before the lifecycle rule expires them. */
  readonly retention: RetentionDays;
  /** Id of the lifecycle rule that expires the logs. */
  readonly expirationRuleId: string;
  readonly removalPolicy: RemovalPolicy;
  /**
   * Log deliveries that grant the objects through an ACL (CloudFront standard logs) need
   * `OBJECT_WRITER`; S3 server access logging works with ACLs off.
   * @default ObjectOwnership.BUCKET_OWNER_ENFORCED
   */
  readonly objectOwnership?: ObjectOwnership;
  /**
   * Why this bucket does not log access to itself, acknowledging cdk-nag's AwsSolutions-S1 (its
   * own access logs would log the log deliveries, without end). Name what the bucket holds.
   */
  readonly noAccessLogsReason: string;
}

/**
 * A private bucket that receives logs (S3 server access logs, CloudFront standard logs): SSE-S3,
 * public access blocked, TLS 1.2 or later only, objects expired after `retention`.
 *
 * A function rather than a construct so that the bucket sits directly under `scope` as `id`: its
 * logical ids (the bucket and its policy) stay those of a plain `new Bucket(scope, id)`.
 */
export function logsBucket(scope: Construct, id: string, props: LogsBucketProps): Bucket {
  const bucket = new Bucket(scope, id, {
    // S3 server access logging delivers only to SSE-S3 buckets.
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: props.objectOwnership ?? ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    lifecycleRules: [{ id: props.expirationRuleId, expiration: Duration.days(props.retention) }],
    removalPolicy: props.removalPolicy,
  });
  Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: props.noAccessLogsReason });
  return bucket;
}
