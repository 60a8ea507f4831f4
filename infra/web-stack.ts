import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, CfnOutput, Duration, Fn, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AccessLevel,
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
  type CfnDistribution,
  type IOrigin,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { ROUTES } from '#functions/routes.js';
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS, SIGN_IN_CALLBACK_PATH, type PagesConfig } from '../web/hosting.js';
import type { StageConfig } from './config.js';
import { logsBucket } from './constructs/logs-bucket.js';
import { PROJECT_ROOT } from './paths.js';
import type { StatefulOutputs } from './stateful-stack.js';

/** The Vite build of the pages (`npm run build:web`). */
export const WEB_DIST = join(PROJECT_ROOT, 'web', 'dist');

/** A page saying the pages were not built, deployed in their place so that synth never needs a web build. */
export const WEB_PLACEHOLDER = join(PROJECT_ROOT, 'infra', 'web-placeholder');

/** Properties of the {@link WebStack}. */
export interface WebStackProps extends StackProps {
  readonly config: StageConfig;
  /** The web client id (the first accepted audience) for the pages' `/config.json`. */
  readonly stateful: Pick<StatefulOutputs, 'jwtAudience'>;
  /** The HTTP API's endpoint, `https://<api id>.execute-api.<region>.<url suffix>`: an import of the stateless stack's export. */
  readonly apiEndpoint: string;
  /**
   * The built pages to upload; a placeholder page (with a synth warning) when it holds no index.html.
   * @default web/dist
   */
  readonly webDist?: string;
}

/**
 * The CloudFront path patterns that go to the API: one per first path segment of the route table,
 * exact (`/jobs`), below it (`/me/*`), or both in one (`/demands*`), as the routes need. The HTTP API answers at its
 * root (the `$default` stage), so the routes, the local server and the contract stay as they are:
 * the pages call `/demands` on their own origin in both places.
 */
export function apiPathPatterns(paths: readonly string[] = ROUTES.map((r) => r.path)): string[] {
  const needs = new Map<string, { exact: boolean; below: boolean }>();
  for (const path of paths) {
    const [, first, ...rest] = path.split('/');
    if (!first) throw new Error(`Route ${path} has no first path segment: CloudFront cannot send it to the API.`);
    const need = needs.get(first) ?? { exact: false, below: false };
    needs.set(first, rest.length === 0 ? { ...need, exact: true } : { ...need, below: true });
  }
  // A segment needing both takes one behaviour (`/demands*`), keeping the distribution well under
  // CloudFront's 25 behaviours as routes are added.
  const patterns = [...needs].map(([first, need]) => (need.exact && need.below ? `/${first}*` : need.exact ? `/${first}` : `/${first}/*`));
  return patterns.sort();
}

/**
 * Rewrites page paths (no dot in the last segment: `/seeker/jobs`, `/signin/callback`) to
 * `/index.html`, so the client router answers them; files (`/assets/index-…js`, `/config.json`)
 * pass as they are. It runs only on the pages' behaviour: API paths never see it, so an API 404
 * stays the API's problem JSON rather than becoming the app (which a distribution-wide error
 * response would do).
 */
export const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The web pages, served from a private S3 bucket through CloudFront (origin access control), with
 * the HTTP API behind the same distribution so that the pages and the API share one origin (no
 * CORS, and a Content-Security-Policy of `connect-src 'self'`). The build (`web/dist`) is uploaded
 * with two BucketDeployments: hashed assets cached for a year, then `index.html` and the generated
 * `/config.json` (how to sign in) revalidated on every load and invalidated at the edge.
 *
 * Everything here can be rebuilt from the repository, except the access logs, which keep the
 * stage's removal policy.
 */
export class WebStack extends Stack {
  readonly bucket: Bucket;
  readonly logsBucket: Bucket;
  readonly distribution: Distribution;
  readonly securityHeaders: ResponseHeadersPolicy;
  /** `https://<domain>`: the custom domain, or CloudFront's. */
  readonly url: string;
  /** What the deployment writes to `/config.json`. */
  readonly pagesConfig: PagesConfig;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;

    // CloudFront standard logs and the web bucket's server access logs, kept as long as the function logs.
    this.logsBucket = logsBucket(this, 'WebLogsBucket', {
      retention: config.logRetention,
      expirationRuleId: 'expire-web-logs',
      removalPolicy: config.removalPolicy,
      // CloudFront delivers standard logs with an ACL grant to its log-delivery account: this bucket must take ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      noAccessLogsReason: 'This is the log bucket of the web distribution and the web bucket; logging access to it would log the log deliveries, without end.',
    });
    this.bucket = new Bucket(this, 'WebBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 's3/web-bucket/',
      // Build output only: the deployments below rewrite it, and empty it when the stack goes.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const connect = signInOrigins(config, this.region);
    this.securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `SkillBridge ${config.stage}: CSP, HSTS and other security headers of the pages and the API`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy({ connect }), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      },
    });

    this.distribution = this.buildDistribution(config, props.apiEndpoint);
    const domainName = config.web.domain?.name ?? this.distribution.distributionDomainName;
    this.url = `https://${domainName}`;

    this.pagesConfig = pagesConfig(config, props.stateful.jwtAudience, this.url, this.region);
    const dist = props.webDist ?? WEB_DIST;
    this.deployPages(existsSync(join(dist, 'index.html')) ? dist : undefined);

    new CfnOutput(this, 'WebUrl', { value: this.url, description: 'The web pages (and the API under the same origin)' });
    new CfnOutput(this, 'SignInCallbackUrl', {
      value: `${this.url}${SIGN_IN_CALLBACK_PATH}`,
      description: 'Register this as a callback URL of the sign-in client (-c callbackUrls=… for Cognito) unless -c webDomain already does',
    });
  }

  private buildDistribution(config: StageConfig, apiEndpoint: string): Distribution {
    // Read only (no ListBucket): a missing file answers S3's 403, and the key list stays private.
    const pagesOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket, { originAccessLevels: [AccessLevel.READ] });
    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      comment: 'Page paths to /index.html (the client routes them); files as they are',
      code: FunctionCode.fromInline(SPA_REWRITE),
      runtime: FunctionRuntime.JS_2_0,
    });
    // `https://<id>.execute-api.<region>.<suffix>` → the host name.
    const apiOrigin: IOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      readTimeout: Duration.seconds(30),
    });
    const apiBehavior: BehaviorOptions = {
      origin: apiOrigin,
      // POST and PATCH must not be redirected (a redirect drops the body): plain http is refused.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // Answers depend on the caller's token: never cached. Every viewer header but Host goes to
      // the API (API Gateway routes on its own host name); that includes Authorization.
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.securityHeaders,
      compress: true,
    };

    const domain = config.web.domain;
    const distribution = new Distribution(this, 'Distribution', {
      comment: `SkillBridge ${config.stage}: web pages and API`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: pagesOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.securityHeaders,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: Object.fromEntries(apiPathPatterns().map((pattern) => [pattern, apiBehavior])),
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
      ...(domain?.certificate.kind === 'acm'
        ? {
            domainNames: [domain.name],
            certificate: Certificate.fromCertificateArn(this, 'WebCertificate', domain.certificate.arn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    const cfn = distribution.node.defaultChild as CfnDistribution;
    if (domain?.certificate.kind === 'iam') {
      // CloudFront in the China regions takes IAM server certificates only, which the L2 construct does not model.
      cfn.addPropertyOverride('DistributionConfig.Aliases', [domain.name]);
      cfn.addPropertyOverride('DistributionConfig.ViewerCertificate', {
        IamCertificateId: domain.certificate.id,
        SslSupportMethod: 'sni-only',
        MinimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      });
    }

    if (domain === undefined) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'No custom domain was given (-c webDomain, -c webCertificate), so CloudFront’s default *.cloudfront.net certificate is used; its TLS floor cannot be set. Give a domain for production.',
      });
    }
    Validations.of(distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No geo restriction: job seekers and bureau staff may sign in from anywhere (travel, migrant workers abroad); every API route but health and the OpenAPI document needs a token.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'No AWS WAF web ACL: a CLOUDFRONT-scope ACL lives in us-east-1 only and WAF for CloudFront is not offered in the China regions; the HTTP API stage throttles requests instead.',
      },
    );
    return distribution;
  }

  /**
   * Uploads the build: hashed assets first (cached for a year; old ones stay, so a page opened
   * before a deployment can still load its chunks), then `index.html` and `/config.json`
   * (revalidated on every load), so a new index.html never points at assets not yet uploaded.
   */
  private deployPages(dist: string | undefined): void {
    if (dist === undefined) {
      Annotations.of(this).addWarningV2('skillbridge:web-not-built', 'web/dist/ has not been built: a placeholder page is deployed instead. Run `npm run build:web` before `cdk deploy`.');
    }
    const source = dist ?? WEB_PLACEHOLDER;
    const assets = new BucketDeployment(this, 'DeployAssets', {
      // The Vite manifest (.vite/) is for the budget bench, not for browsers.
      sources: [Source.asset(source, { exclude: ['index.html', '.vite', '.vite/**'] })],
      destinationBucket: this.bucket,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
      retainOnDelete: false,
      memoryLimit: 512,
    });
    const pages = new BucketDeployment(this, 'DeployPages', {
      sources: [Source.asset(source, { exclude: ['*', '!index.html'] }), Source.jsonData('config.json', this.pagesConfig)],
      destinationBucket: this.bucket,
      cacheControl: [CacheControl.noCache()],
      prune: false,
      retainOnDelete: false,
      memoryLimit: 512,
      distribution: this.distribution,
      distributionPaths: ['/', '/index.html', '/config.json'],
    });
    pages.node.addDependency(assets);
    this.acknowledgeDeploymentHandler();
  }

  private acknowledgeDeploymentHandler(): void {
    // CDK's singleton that copies assets into the bucket; its id is fixed by aws-s3-deployment.
    const handler = this.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (handler === undefined) return;
    const policy = handler.node.tryFindChild('ServiceRole')?.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
    if (!(policy instanceof CfnPolicy)) throw new Error('The BucketDeployment handler has no default policy where aws-s3-deployment puts it.');
    const statements = (this.resolve(policy.policyDocument) as { Statement?: Array<{ Resource?: unknown }> }).Statement ?? [];
    // The CDK asset bucket (named by the synthesizer: cdk-<qualifier>-assets-<account>-<region>) as cdk-nag prints it.
    const assetObjects = [...new Set(statements.flatMap((st) => [st.Resource].flat()).map(flattenReference))].filter((r) => /:s3:::cdk-[a-z0-9]+-assets-[^/]+\/\*$/.test(r));
    const s3Grants = ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'];
    Validations.of(handler).acknowledge(
      ...s3Grants.map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${action} comes from aws-s3-deployment’s own grants (read the CDK asset, replace the pages in the web bucket); the role serves only the deployment custom resource.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::${flattenReference(this.resolve(this.bucket.arnForObjects('*')))}]`,
        reason: 'The deployment custom resource writes the pages: every object of the web bucket, which holds nothing else.',
      },
      ...assetObjects.map((resource) => ({
        id: `AwsSolutions-IAM5[Resource::${resource}]`,
        reason: 'The deployment custom resource reads the uploaded build from the CDK asset bucket; asset object keys are content hashes chosen at synth.',
      })),
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'CDK’s BucketDeployment custom resource (aws-s3-deployment) brings its own role with the basic execution policy; it runs only during deployments.',
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'CDK’s BucketDeployment custom resource pins its own Python runtime (aws-s3-deployment); it runs only during deployments and moves on with aws-cdk-lib.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'CDK’s BucketDeployment custom resource invalidates the distribution’s cache; cloudfront:CreateInvalidation is granted by aws-s3-deployment on *. It runs only during deployments.',
      },
    );
  }
}

/** A resolved CloudFormation value as cdk-nag prints it in a finding id (`<Logical.Arn>/*`, `<AWS::Partition>`). */
function flattenReference(node: unknown): string {
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (node !== null && typeof node === 'object') {
    const value = node as Record<string, unknown>;
    const join = value['Fn::Join'];
    if (Array.isArray(join)) return (join[1] as unknown[]).map(flattenReference).join(String(join[0]));
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `<${flattenReference(getAtt[0])}.${flattenReference(getAtt[1])}>`;
    if ('Fn::Sub' in value) return flattenReference(value['Fn::Sub']);
    if ('Ref' in value) return `<${flattenReference(value.Ref)}>`;
    if ('Fn::ImportValue' in value) return flattenReference(value['Fn::ImportValue']);
  }
  return JSON.stringify(node);
}

/** Origins the pages contact besides their own: the sign-in provider's token endpoint (and OIDC discovery). */
export function signInOrigins(config: StageConfig, region: string): string[] {
  return config.identity.provider === 'cognito' ? [cognitoHostedUiUrl(config.identity.domainPrefix, region)] : [new URL(config.identity.issuer).origin];
}

/** The hosted UI of a Cognito prefix domain, as UserPoolDomain.baseUrl() builds it. */
const cognitoHostedUiUrl = (domainPrefix: string, region: string): string => `https://${domainPrefix}.auth.${region}.amazoncognito.com`;

/** `/config.json` of a stage: which provider signs people in, with the web client's id. */
export function pagesConfig(config: StageConfig, audience: readonly string[], url: string, region: string): PagesConfig {
  const clientId = audience[0];
  if (clientId === undefined) throw new Error('The identity configuration names no client id (audience) for the web pages.');
  const redirectUri = `${url}${SIGN_IN_CALLBACK_PATH}`;
  return config.identity.provider === 'cognito'
    ? { auth: 'cognito', hostedUiUrl: cognitoHostedUiUrl(config.identity.domainPrefix, region), clientId, scopes: ['openid'], redirectUri }
    : { auth: 'oidc', issuer: config.identity.issuer, clientId, scopes: ['openid'], redirectUri };
}
