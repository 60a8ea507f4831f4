import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StringAttribute,
  UserPool,
  UserPoolClientIdentityProvider,
  UserPoolOperation,
  type UserPoolClient,
  type UserPoolDomain,
  type UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ROLE_SCOPES, SCOPES } from '#shared/domain/scopes.js';
import type { LogLevel } from '../config.js';
import { functionEntry, PROJECT_ROOT } from '../paths.js';
import { ServiceFunction } from './service-function.js';

/** Properties of a {@link CognitoIdentity}. */
export interface CognitoIdentityProps {
  /** Names the pool `<prefix>-users`. */
  readonly prefix: string;
  readonly domainPrefix: string;
  readonly callbackUrls: readonly string[];
  /** @default - no sign-out redirect */
  readonly logoutUrls?: readonly string[];
  readonly alarmTopic: ITopic;
  /** @default false */
  readonly deletionProtection?: boolean;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** For the trigger's log group. @default ServiceFunction's default */
  readonly logRetention?: RetentionDays;
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
}

type RoleName = keyof typeof ROLE_SCOPES;

/** Lower precedence wins when Cognito must pick one group's IAM role; most privileged first. */
const GROUP_PRECEDENCE: Record<RoleName, number> = { bureau: 10, employer: 20, jobseeker: 30 };

const SCOPE_DESCRIPTIONS: Record<keyof typeof SCOPES, string> = {
  read: 'Read courses and the skills taxonomy',
  profile: 'Manage the caller’s own learner profile',
  demands: 'Manage job demands',
  insights: 'Read regional skills-shortage insights',
  bureau: 'Act as staff of a labour bureau for its region',
};

/**
 * Sign-in with a Cognito user pool: one group per role of ROLE_SCOPES, a resource server declaring
 * SCOPES, a public web client for the hosted UI, and the V2_0 pre-token-generation trigger that
 * puts the group's scopes and `custom:region` into access tokens. The trigger lives here, beside
 * the pool, because the pool's CloudFormation resource names it: placed in another stack it
 * would make the two stacks depend on each other.
 */
export class CognitoIdentity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly resourceServer: UserPoolResourceServer;
  readonly domain: UserPoolDomain;
  readonly preTokenGeneration: ServiceFunction;

  constructor(scope: Construct, id: string, props: CognitoIdentityProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.preTokenGeneration = new ServiceFunction(this, 'PreTokenGeneration', {
      entry: functionEntry('pre-token-generation'),
      projectRoot: PROJECT_ROOT,
      description: 'Cognito pre-token-generation trigger: adds the role group’s scopes and custom:region to access tokens',
      alarmTopic: props.alarmTopic,
      memorySize: 512,
      // Cognito gives a trigger 5 seconds before it fails the sign-in.
      timeout: Duration.seconds(5),
      logRetention: props.logRetention,
      logRemovalPolicy: removalPolicy,
      logLevel: props.logLevel,
    });

    this.userPool = this.buildUserPool(props, removalPolicy);
    this.resourceServer = this.buildResourceServer();
    this.client = this.buildClient(props);
    this.domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: props.domainPrefix } });
  }

  private buildUserPool(props: CognitoIdentityProps, removalPolicy: RemovalPolicy): UserPool {
    const pool = new UserPool(this, 'UserPool', {
      userPoolName: `${props.prefix}-users`,
      // Job seekers register themselves; an administrator puts employer and bureau accounts in their group.
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // GB/T 2260 code (6 digits) or `national`; only administrators set it (the client cannot write it).
      customAttributes: { region: new StringAttribute({ minLen: 6, maxLen: 8, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Essentials is the lowest plan whose V2_0 pre-token trigger may change access tokens.
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: props.deletionProtection ?? false,
      removalPolicy,
    });
    pool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.preTokenGeneration.function, LambdaVersion.V2_0);

    for (const role of Object.keys(ROLE_SCOPES) as RoleName[]) {
      pool.addGroup(`${role}Group`, {
        groupName: role,
        precedence: GROUP_PRECEDENCE[role],
        description: `SkillBridge ${role}: tokens carry ${ROLE_SCOPES[role].join(' ')}`,
      });
    }

    Validations.of(pool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason: 'MFA is optional (TOTP offered) because job seekers, many on shared phones or without an authenticator app, must be able to register unaided; requiring it for staff only needs a group-aware policy that Cognito cannot express.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason: 'Essentials suffices for access-token customisation; the Plus plan (threat protection) is billed per monthly active user. Revisit before launch.',
      },
    );
    return pool;
  }

  private buildResourceServer(): UserPoolResourceServer {
    const parsed = Object.entries(SCOPES).map(([key, scope]) => {
      const [identifier, scopeName] = scope.split('/');
      if (identifier === undefined || scopeName === undefined) throw new Error(`Scope ${scope} is not <resource server>/<name>`);
      return { key: key as keyof typeof SCOPES, identifier, scopeName };
    });
    const identifiers = new Set(parsed.map((s) => s.identifier));
    const [identifier] = identifiers;
    if (identifiers.size !== 1 || identifier === undefined) throw new Error(`All scopes must share one resource server, got ${[...identifiers].join(', ')}`);
    return this.userPool.addResourceServer('ApiResourceServer', {
      identifier,
      userPoolResourceServerName: 'SkillBridge API',
      scopes: parsed.map((s) => new ResourceServerScope({ scopeName: s.scopeName, scopeDescription: SCOPE_DESCRIPTIONS[s.key] })),
    });
  }

  private buildClient(props: CognitoIdentityProps): UserPoolClient {
    return this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // The API scopes are deliberately not requestable: anyone could otherwise ask the hosted
        // UI for skillbridge/bureau. The pre-token trigger adds exactly the scopes of the user's group.
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [...props.callbackUrls],
        logoutUrls: props.logoutUrls !== undefined && props.logoutUrls.length > 0 ? [...props.logoutUrls] : undefined,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes('region'),
      // Without custom:region: a bureau user must not move themselves to another region.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
    });
  }
}
