import { Logger } from '@aws-lambda-powertools/logger';
import type { ClaimsAndScopeOverrideDetails, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { ROLE_SCOPES, SCOPES, type Scope } from '#shared/domain/scopes.js';
import { RedactingLogFormatter } from './http/redact.js';

/**
 * Cognito pre-token-generation trigger (event version V2_0). The HTTP API's JWT authorizer checks
 * OAuth scopes, and Cognito puts none of ours into tokens from SRP or hosted-UI sign-in: this adds
 * the scopes of the user's role group (from ROLE_SCOPES, as the local dev signer does) and the
 * `custom:region` attribute that `callerFromEvent` reads from the access token.
 */

// Redacted like every other log: a Cognito user name is often a phone number or an e-mail address.
const logger = new Logger({ serviceName: 'skillbridge', logFormatter: new RedactingLogFormatter() });

type RoleName = keyof typeof ROLE_SCOPES;
const ROLE_NAMES = Object.keys(ROLE_SCOPES) as RoleName[];
const ALL_SCOPES: readonly Scope[] = Object.values(SCOPES);

/** GB/T 2260 region code (six digits) or `national`. */
const REGION = /^(\d{6}|national)$/;

/**
 * The token changes for a user in `groups` with `attributes`. A user must be in exactly one role
 * group: with none or several, no API scope is granted (fail closed) rather than guessing which
 * role the caller means, because the API reads the role from `cognito:groups` independently.
 */
export function tokenOverrides(groups: readonly string[], attributes: Readonly<Record<string, string>>): ClaimsAndScopeOverrideDetails {
  const roles = ROLE_NAMES.filter((role) => groups.includes(role));
  const role = roles.length === 1 ? roles[0] : undefined;
  const granted: readonly Scope[] = role === undefined ? [] : ROLE_SCOPES[role];
  const region = attributes['custom:region'];
  const validRegion = region !== undefined && REGION.test(region) ? region : undefined;
  return {
    accessTokenGeneration: {
      ...(granted.length > 0 ? { scopesToAdd: [...granted] } : {}),
      // Belt and braces: should a client ever allow requesting API scopes, a token still carries only the role's.
      scopesToSuppress: ALL_SCOPES.filter((scope) => !granted.includes(scope)),
      ...(validRegion === undefined ? {} : { claimsToAddOrOverride: { 'custom:region': validRegion } }),
    },
  };
}

/** Lambda entry point: Cognito passes the event and takes the same object back with `response` filled in. */
export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const groups = event.request.groupConfiguration.groupsToOverride ?? [];
  const overrides = tokenOverrides(groups, event.request.userAttributes);
  const roles = ROLE_NAMES.filter((role) => groups.includes(role));
  if (roles.length !== 1) logger.warn('User is not in exactly one role group; no API scopes granted', { userName: event.userName, roles });
  const region = event.request.userAttributes['custom:region'];
  if (region !== undefined && !REGION.test(region)) logger.warn('Ignoring malformed custom:region', { userName: event.userName });
  event.response.claimsAndScopeOverrideDetails = overrides;
  return event;
};
