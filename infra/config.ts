import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The stages SkillBridge deploys. */
export const STAGES = ['dev', 'staging', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

/** Powertools log levels the functions accept. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** Steady-state and burst request limits of the HTTP API's default stage. */
export interface ThrottleConfig {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * Who signs users in. Cognito user pools by default; `oidc` for any other OpenID Connect issuer
 * (the HTTP API's JWT authorizer accepts any). CloudFormation in the China regions has no Cognito
 * user pool resources, so a deployment there needs `oidc`, with an issuer whose access tokens carry
 * `scope`, `cognito:groups` and `custom:region` as the Cognito trigger and the local signer do.
 */
export type IdentityConfig =
  | {
      readonly provider: 'cognito';
      /** Prefix of the hosted UI domain; unique within the region. */
      readonly domainPrefix: string;
      /** Where the hosted UI may send users back to after sign-in and sign-out. */
      readonly callbackUrls: readonly string[];
      readonly logoutUrls: readonly string[];
    }
  | {
      readonly provider: 'oidc';
      /** The `iss` of access tokens, https. */
      readonly issuer: string;
      /** Accepted `aud` (or `client_id`) values. */
      readonly audience: readonly string[];
    };

/** The certificate CloudFront shows for a custom domain of the web pages. */
export type WebCertificate =
  /** An ACM certificate in us-east-1 (CloudFront reads certificates from there only). */
  | { readonly kind: 'acm'; readonly arn: string }
  /** An IAM server certificate id (`ASCA…`): CloudFront in the China regions does not take ACM certificates. */
  | { readonly kind: 'iam'; readonly id: string };

/** Where the web pages are served. */
export interface WebConfig {
  /** A custom domain (e.g. skillbridge.example.cn) with its certificate; CloudFront's own domain when undefined. */
  readonly domain: { readonly name: string; readonly certificate: WebCertificate } | undefined;
}

/** Everything that differs between stages. Stacks read this and nothing else from the environment. */
export interface StageConfig {
  readonly stage: StageName;
  /** Prefix of stack names and exported values: `SkillBridge-<stage>`. */
  readonly prefix: string;
  /** From `CDK_DEFAULT_ACCOUNT`; undefined gives environment-agnostic stacks (fine for synth and tests). */
  readonly account: string | undefined;
  /** From `CDK_DEFAULT_REGION`. @default 'cn-north-1' */
  readonly region: string;
  /** Retention of function logs and API access logs. */
  readonly logRetention: RetentionDays;
  readonly logLevel: LogLevel;
  /** Where alarm notifications are emailed; no subscription when undefined. */
  readonly alarmEmail: string | undefined;
  /** For the table, the buckets, the user pool and log groups. */
  readonly removalPolicy: RemovalPolicy;
  /** DynamoDB and Cognito deletion protection. */
  readonly deletionProtection: boolean;
  readonly identity: IdentityConfig;
  readonly throttle: ThrottleConfig;
  /** Days an uploaded import file and its reports are kept before S3 deletes them. */
  readonly importRetentionDays: number;
  readonly web: WebConfig;
}

type StageDefaults = Omit<StageConfig, 'stage' | 'prefix' | 'account' | 'region' | 'alarmEmail' | 'identity' | 'web'> & {
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
};

/**
 * Production keeps network logs six months: China's Cybersecurity Law (art. 21) requires network
 * operators to retain logs for at least that long. Dev throws everything away on `cdk destroy`.
 */
const DEFAULTS: Record<StageName, StageDefaults> = {
  dev: {
    logRetention: RetentionDays.ONE_WEEK,
    logLevel: 'DEBUG',
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    callbackUrls: ['http://localhost:3000/signin/callback'],
    logoutUrls: ['http://localhost:3000/'],
    throttle: { rateLimit: 50, burstLimit: 100 },
    importRetentionDays: 7,
  },
  staging: {
    logRetention: RetentionDays.ONE_MONTH,
    logLevel: 'INFO',
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    callbackUrls: ['http://localhost:3000/signin/callback'],
    logoutUrls: ['http://localhost:3000/'],
    throttle: { rateLimit: 100, burstLimit: 200 },
    importRetentionDays: 14,
  },
  prod: {
    logRetention: RetentionDays.SIX_MONTHS,
    logLevel: 'INFO',
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    callbackUrls: [],
    logoutUrls: [],
    throttle: { rateLimit: 500, burstLimit: 1000 },
    importRetentionDays: 30,
  },
};

/** Values the CDK context (`-c key=value` or cdk.json) may give; each wins over the environment. */
export interface ConfigInputs {
  readonly stage?: unknown;
  readonly alarmEmail?: unknown;
  readonly identityProvider?: unknown;
  readonly authDomainPrefix?: unknown;
  readonly callbackUrls?: unknown;
  readonly logoutUrls?: unknown;
  readonly oidcIssuer?: unknown;
  readonly oidcAudience?: unknown;
  readonly webDomain?: unknown;
  readonly webCertificate?: unknown;
}

const isStage = (value: unknown): value is StageName => typeof value === 'string' && (STAGES as readonly string[]).includes(value);

const optionalString = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Config ${name} must be a string, got ${JSON.stringify(value)}`);
  return value;
};

const urlList = (value: unknown, name: string): readonly string[] | undefined => {
  if (value === undefined) return undefined;
  // `-c callbackUrls=a,b` arrives as one string; cdk.json may hold a real array.
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (!items || !items.every((u): u is string => typeof u === 'string' && URL.canParse(u.trim()))) {
    throw new Error(`Config ${name} must be a list of URLs, got ${JSON.stringify(value)}`);
  }
  return items.map((u) => u.trim());
};

/**
 * The configuration of one stage. Account and region come from `CDK_DEFAULT_ACCOUNT` and
 * `CDK_DEFAULT_REGION` (the CLI sets them from the profile), the stage from context `stage` or
 * `SKILLBRIDGE_STAGE`; a bad value fails here, naming it, rather than half-way through a deploy.
 */
export function loadConfig(inputs: ConfigInputs = {}, env: NodeJS.ProcessEnv = process.env): StageConfig {
  const stage = inputs.stage ?? env.SKILLBRIDGE_STAGE ?? 'dev';
  if (!isStage(stage)) throw new Error(`Config stage must be one of ${STAGES.join(', ')}, got ${JSON.stringify(stage)}`);
  const { callbackUrls, logoutUrls, ...defaults } = DEFAULTS[stage];
  const alarmEmail = optionalString(inputs.alarmEmail, 'alarmEmail') ?? optionalString(env.SKILLBRIDGE_ALARM_EMAIL, 'SKILLBRIDGE_ALARM_EMAIL');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
    throw new Error(`Config alarmEmail ${JSON.stringify(alarmEmail)} is not an email address`);
  }
  const web = loadWeb(inputs);
  // With a domain for the pages, the hosted UI sends people back there unless told otherwise.
  const pages = web.domain === undefined ? undefined : `https://${web.domain.name}`;
  return {
    ...defaults,
    stage,
    prefix: `SkillBridge-${stage}`,
    account: optionalString(env.CDK_DEFAULT_ACCOUNT, 'CDK_DEFAULT_ACCOUNT'),
    region: optionalString(env.CDK_DEFAULT_REGION, 'CDK_DEFAULT_REGION') ?? 'cn-north-1',
    alarmEmail,
    identity: loadIdentity(stage, inputs, pages === undefined ? { callbackUrls, logoutUrls } : { callbackUrls: [`${pages}/signin/callback`], logoutUrls: [`${pages}/`] }),
    web,
  };
}

/**
 * `-c webDomain=skillbridge.example.cn -c webCertificate=<ACM certificate ARN in us-east-1, or an
 * IAM server certificate id ASCA… in the China regions>`: both or neither.
 */
function loadWeb(inputs: ConfigInputs): WebConfig {
  const name = optionalString(inputs.webDomain, 'webDomain');
  const certificate = optionalString(inputs.webCertificate, 'webCertificate');
  if (name === undefined && certificate === undefined) return { domain: undefined };
  if (name === undefined || certificate === undefined) throw new Error('Config webDomain and webCertificate go together: a custom domain needs its certificate, and a certificate its domain');
  if (!/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(name)) throw new Error(`Config webDomain ${JSON.stringify(name)} is not a lower-case domain name`);
  if (/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(certificate)) return { domain: { name, certificate: { kind: 'acm', arn: certificate } } };
  if (/^ASCA[A-Z0-9]{10,}$/.test(certificate)) return { domain: { name, certificate: { kind: 'iam', id: certificate } } };
  throw new Error(`Config webCertificate must be an ACM certificate ARN in us-east-1 or an IAM server certificate id (ASCA…), got ${JSON.stringify(certificate)}`);
}

function loadIdentity(stage: StageName, inputs: ConfigInputs, defaults: { readonly callbackUrls: readonly string[]; readonly logoutUrls: readonly string[] }): IdentityConfig {
  const provider = inputs.identityProvider ?? 'cognito';
  if (provider === 'oidc') {
    const issuer = optionalString(inputs.oidcIssuer, 'oidcIssuer');
    if (issuer === undefined || !issuer.startsWith('https://') || !URL.canParse(issuer)) {
      throw new Error(`Config oidcIssuer must be the https issuer URL of the identity provider, got ${JSON.stringify(inputs.oidcIssuer)}`);
    }
    const audience = typeof inputs.oidcAudience === 'string' ? inputs.oidcAudience.split(',').map((a) => a.trim()).filter(Boolean) : inputs.oidcAudience;
    if (!Array.isArray(audience) || audience.length === 0 || !audience.every((a): a is string => typeof a === 'string' && a !== '')) {
      throw new Error(`Config oidcAudience must list the accepted audiences (client ids), got ${JSON.stringify(inputs.oidcAudience)}`);
    }
    return { provider, issuer, audience };
  }
  if (provider !== 'cognito') throw new Error(`Config identityProvider must be cognito or oidc, got ${JSON.stringify(provider)}`);
  const domainPrefix = optionalString(inputs.authDomainPrefix, 'authDomainPrefix') ?? `skillbridge-${stage}`;
  // Cognito rejects prefixes with upper case, dots, or the words aws, amazon and cognito.
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(domainPrefix) || /aws|amazon|cognito/.test(domainPrefix)) {
    throw new Error(`Config authDomainPrefix ${JSON.stringify(domainPrefix)} is not a valid Cognito domain prefix`);
  }
  const callbackUrls = urlList(inputs.callbackUrls, 'callbackUrls') ?? defaults.callbackUrls;
  const logoutUrls = urlList(inputs.logoutUrls, 'logoutUrls') ?? defaults.logoutUrls;
  // Cognito accepts plain http only for localhost, and a production client pointing there is a mistake.
  if (stage === 'prod' && (callbackUrls.length === 0 || !callbackUrls.every((u) => u.startsWith('https://')))) {
    throw new Error('Config callbackUrls: prod needs https sign-in callback URLs, e.g. -c webDomain=skillbridge.example.cn (with webCertificate) or -c callbackUrls=https://skillbridge.example.cn/signin/callback');
  }
  return { provider, domainPrefix, callbackUrls, logoutUrls };
}
