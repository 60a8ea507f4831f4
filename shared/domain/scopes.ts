import type { Role } from './caller.js';

/**
 * OAuth scopes of the API. Kept apart from the route table so that code needing only the scopes
 * (the Cognito pre-token trigger, the dev signer) does not bundle every request schema.
 */

/** A route accepts a token carrying any one of its scopes. */
export const SCOPES = {
  read: 'skillbridge/read',
  profile: 'skillbridge/profile',
  demands: 'skillbridge/demands',
  insights: 'skillbridge/insights',
  bureau: 'skillbridge/bureau',
} as const;
export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

/** The scopes each role's tokens carry (the Cognito pre-token trigger and the dev signer both use this). */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  jobseeker: [SCOPES.read, SCOPES.profile],
  employer: [SCOPES.read, SCOPES.demands, SCOPES.insights],
  bureau: [SCOPES.read, SCOPES.demands, SCOPES.insights, SCOPES.bureau],
};
