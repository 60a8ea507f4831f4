import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { loadConfig } from '../../infra/config.js';
import { PROJECT_ROOT } from '../../infra/paths.js';
import { apiPathPatterns, SPA_REWRITE, WebStack } from '../../infra/web-stack.js';
import { contentSecurityPolicy } from '../../web/hosting.js';
import { buildApp } from './build-app.js';

/** CloudFront's managed policies, by id. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

const ACM = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

/** The paths the pages route on the client (web/src/app.tsx), with a sample id for `:id`. */
const pagePaths = (): string[] =>
  [...readFileSync(join(PROJECT_ROOT, 'web/src/app.tsx'), 'utf8').matchAll(/pattern: '([^']+)'/g)].map((m) => m[1]!.replace(/:\w+/g, 'cp_abcdefghijklmnopqrst'));

/** Whether a CloudFront path pattern (`*` any characters, `?` one) matches a path. */
const matches = (pattern: string, path: string): boolean => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(path);

/** The SPA rewrite, run as CloudFront Functions would run it. */
const rewrite = (uri: string): string => {
  const handler = new Function(`${SPA_REWRITE}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
  return handler({ request: { uri } }).uri;
};

const dev = buildApp();
const devTemplate = Template.fromStack(dev.web);

function distributionConfig(template: Template): Record<string, any> {
  const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as Array<{ Properties: { DistributionConfig: Record<string, any> } }>;
  return distribution!.Properties.DistributionConfig;
}

describe('web stack', () => {
  describe('bucket', () => {
    it('is private, encrypted, SSL only, logged, and readable by the distribution alone (origin access control)', () => {
      devTemplate.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { LogFilePrefix: 's3/web-bucket/' },
      });
      devTemplate.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
      });
      devTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'cloudfront.amazonaws.com' },
              Action: 's3:GetObject',
              Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
            }),
          ]),
        },
      });
    });
  });

  describe('distribution', () => {
    const config = distributionConfig(devTemplate);

    it('serves the pages from the bucket by default, page paths rewritten to index.html', () => {
      expect(config.DefaultRootObject).toBe('index.html');
      expect(config.DefaultCacheBehavior).toMatchObject({
        ViewerProtocolPolicy: 'redirect-to-https',
        CachePolicyId: CACHING_OPTIMIZED,
        FunctionAssociations: [{ EventType: 'viewer-request' }],
      });
      devTemplate.hasResourceProperties('AWS::CloudFront::Function', { FunctionConfig: { Runtime: 'cloudfront-js-2.0' } });
      for (const path of ['/', '/signin', '/signin/callback', '/seeker/jobs', '/employer/demands/d_abcdefghijklmnopqrst']) expect(rewrite(path), path).toBe('/index.html');
      for (const path of ['/index.html', '/config.json', '/assets/index-BFPltvRR.js']) expect(rewrite(path), path).toBe(path);
    });

    it('sends every API route to the HTTP API on the same domain, uncached, Authorization included, Host not', () => {
      const behaviors = config.CacheBehaviors as Array<Record<string, any>>;
      expect(behaviors.map((b) => b.PathPattern).sort()).toEqual(apiPathPatterns());
      for (const b of behaviors) {
        expect(b, b.PathPattern).toMatchObject({
          CachePolicyId: CACHING_DISABLED,
          OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
          ViewerProtocolPolicy: 'https-only',
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        });
        expect(b.FunctionAssociations, b.PathPattern).toBeUndefined();
      }
      const api = (config.Origins as Array<Record<string, any>>).find((o) => o.CustomOriginConfig !== undefined)!;
      expect(api.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
      expect(JSON.stringify(api.DomainName)).toContain('"Fn::ImportValue":"SkillBridge-dev-ApiEndpoint"');
    });

    it('routes each API path to the API and each page path to the pages, with room under CloudFront’s 25 behaviours', () => {
      const patterns = apiPathPatterns();
      const samples = ROUTES.map((r) => r.path.replace(/\{\w+\}/g, 'x_1'));
      for (const path of samples) expect(patterns.filter((p) => matches(p, path)), path).toHaveLength(1);
      for (const path of [...pagePaths(), '/index.html', '/config.json', '/assets/a.js']) expect(patterns.filter((p) => matches(p, path)), path).toEqual([]);
      expect(patterns.length).toBeLessThanOrEqual(20);
    });

    it('never turns an error answer into the app: no distribution-wide error responses', () => {
      expect(config.CustomErrorResponses).toBeUndefined();
    });

    it('logs requests to the web log bucket', () => {
      expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
      devTemplate.hasResourceProperties('AWS::S3::Bucket', { OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] }, LifecycleConfiguration: Match.anyValue() });
    });
  });

  describe('security headers', () => {
    it('sends a strict content security policy naming the Cognito hosted UI, HSTS and the rest on pages and API alike', () => {
      const [policy] = Object.values(devTemplate.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as Array<{ Properties: { ResponseHeadersPolicyConfig: Record<string, any> } }>;
      const headers = policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      const csp = headers.ContentSecurityPolicy.ContentSecurityPolicy as string;
      expect(csp).toBe(contentSecurityPolicy({ connect: ['https://skillbridge-dev.auth.us-east-1.amazoncognito.com'] }));
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("connect-src 'self' https://skillbridge-dev.auth.us-east-1.amazoncognito.com;");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers).toMatchObject({
        StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
        ContentTypeOptions: { Override: true },
        ReferrerPolicy: { ReferrerPolicy: 'no-referrer' },
        FrameOptions: { FrameOption: 'DENY' },
      });
      const config = distributionConfig(devTemplate);
      const ids = [config.DefaultCacheBehavior, ...config.CacheBehaviors].map((b: Record<string, unknown>) => JSON.stringify(b.ResponseHeadersPolicyId));
      expect(new Set(ids).size).toBe(1);
    });
  });

  describe('deployment', () => {
    it('uploads assets, then index.html and /config.json with no-cache and an invalidation', () => {
      const deployments = Object.values(devTemplate.findResources('Custom::CDKBucketDeployment')) as Array<{ Properties: Record<string, any>; DependsOn?: string[] }>;
      expect(deployments).toHaveLength(2);
      const pages = deployments.find((d) => d.Properties.DistributionPaths !== undefined)!;
      const assets = deployments.find((d) => d !== pages)!;
      expect(pages.Properties).toMatchObject({ DistributionPaths: ['/', '/index.html', '/config.json'], SystemMetadata: { 'cache-control': 'no-cache' }, Prune: false, RetainOnDelete: false });
      expect(assets.Properties).toMatchObject({ SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' }, Prune: false });
      expect(pages.DependsOn?.some((id) => id.startsWith('DeployAssets'))).toBe(true);
    });

    it('writes /config.json for the Cognito hosted UI with the web client id and the callback on this domain', () => {
      const config = dev.web.resolve(dev.web.pagesConfig) as Record<string, unknown>;
      expect(config).toMatchObject({ auth: 'cognito', hostedUiUrl: 'https://skillbridge-dev.auth.us-east-1.amazoncognito.com', clientId: { 'Fn::ImportValue': 'SkillBridge-dev-UserPoolClientId' }, scopes: ['openid'] });
      expect(JSON.stringify(config.redirectUri)).toContain('/signin/callback');
    });

    it('synthesises without a web build, deploying a placeholder page with a warning', () => {
      const { app, config, stateful } = buildApp();
      const web = new WebStack(app, 'NoBuild', { env: { account: '123456789012', region: 'us-east-1' }, config, stateful: stateful.outputs, apiEndpoint: 'https://abc.execute-api.us-east-1.amazonaws.com', webDist: mkdtempSync(join(tmpdir(), 'sb-no-dist-')) });
      Annotations.fromStack(web).hasWarning('*', Match.stringLikeRegexp('npm run build:web'));
      Template.fromStack(web).resourceCountIs('Custom::CDKBucketDeployment', 2);
    });
  });

  describe('other stages', () => {
    it('with an OpenID Connect issuer, points /config.json and connect-src at the issuer', () => {
      const { web } = buildApp(
        { stage: 'prod', identityProvider: 'oidc', oidcIssuer: 'https://id.example.cn/realms/skillbridge', oidcAudience: 'skillbridge-web', webDomain: 'skillbridge.example.cn', webCertificate: 'ASCAEXAMPLE1234567890' },
        { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'cn-north-1' },
      );
      const template = Template.fromStack(web);
      expect(web.pagesConfig).toEqual({ auth: 'oidc', issuer: 'https://id.example.cn/realms/skillbridge', clientId: 'skillbridge-web', scopes: ['openid'], redirectUri: 'https://skillbridge.example.cn/signin/callback' });
      template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
        ResponseHeadersPolicyConfig: { SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: Match.stringLikeRegexp("connect-src 'self' https://id\\.example\\.cn;") } } },
      });
      // CloudFront in the China regions takes IAM server certificates, not ACM.
      expect(distributionConfig(template)).toMatchObject({
        Aliases: ['skillbridge.example.cn'],
        ViewerCertificate: { IamCertificateId: 'ASCAEXAMPLE1234567890', SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
      });
    });

    it('with a custom domain and an ACM certificate, serves the domain over TLS 1.2+ and sends sign-ins back there', () => {
      const { web, config } = buildApp({ stage: 'prod', webDomain: 'skillbridge.example.com', webCertificate: ACM });
      expect(distributionConfig(Template.fromStack(web))).toMatchObject({
        Aliases: ['skillbridge.example.com'],
        ViewerCertificate: { AcmCertificateArn: ACM, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
      });
      expect(config.identity).toMatchObject({ callbackUrls: ['https://skillbridge.example.com/signin/callback'], logoutUrls: ['https://skillbridge.example.com/'] });
      expect(web.url).toBe('https://skillbridge.example.com');
    });

    it.each([
      [{ webDomain: 'skillbridge.example.com' }, /webDomain and webCertificate go together/],
      [{ webCertificate: ACM }, /webDomain and webCertificate go together/],
      [{ webDomain: 'Not A Domain', webCertificate: ACM }, /not a lower-case domain name/],
      [{ webDomain: 'skillbridge.example.com', webCertificate: 'arn:aws:acm:eu-west-1:123456789012:certificate/x' }, /ACM certificate ARN in us-east-1/],
    ])('refuses web settings %j', (inputs, message) => {
      expect(() => loadConfig(inputs, {})).toThrow(message);
    });
  });
});
