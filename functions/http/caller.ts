import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { ROLES, type Caller, type Role } from '#shared/domain/caller.js';
import { UnauthorizedError } from '#shared/domain/errors.js';
import { logger } from './observability.js';

/** The one detail a 401 carries, whatever was wrong with the token. */
export const INVALID_TOKEN = 'invalid or expired token';

/**
 * API Gateway passes array claims as a string like "[bureau admin]"; DynamoDB Local's dev server
 * passes real arrays. Accept both.
 */
const asList = (claim: unknown): string[] => {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
};

/** The caller the JWT authorizer vouched for: `sub`, a role from `cognito:groups`, `custom:region`. */
export function callerFromEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller {
  const claims = (event.requestContext.authorizer?.jwt?.claims ?? {}) as Record<string, unknown>;
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  const role = asList(claims['cognito:groups']).find((g): g is Role => (ROLES as readonly string[]).includes(g));
  if (!sub || !role) {
    // The reason is logged, not answered: a 401 says only that the token was not accepted.
    logger.warn('Token rejected', { reason: !sub ? 'no sub claim' : 'no known role in cognito:groups' });
    throw new UnauthorizedError(INVALID_TOKEN);
  }
  const region = typeof claims['custom:region'] === 'string' ? claims['custom:region'] : undefined;
  return role === 'bureau' && region ? { sub, role, region } : { sub, role };
}
