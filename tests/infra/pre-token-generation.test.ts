import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler, tokenOverrides } from '#functions/pre-token-generation.js';
import { ROLE_SCOPES, SCOPES } from '#functions/routes.js';

const ALL = Object.values(SCOPES);

/** A V2_0 event as Cognito sends it for a sign-in. */
function event(groups: string[], attributes: Record<string, string> = {}): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_Authentication',
    region: 'us-east-1',
    userPoolId: 'us-east-1_test',
    userName: 'user-1',
    callerContext: { awsSdkVersion: '3', clientId: 'client' },
    request: { userAttributes: { sub: 'user-1', ...attributes }, groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [] }, scopes: ['openid'] },
    response: { claimsAndScopeOverrideDetails: {} },
  } as PreTokenGenerationV2TriggerEvent;
}

describe('pre-token-generation trigger', () => {
  it.each(Object.entries(ROLE_SCOPES))('gives a %s exactly the scopes of ROLE_SCOPES and suppresses the rest', (role, scopes) => {
    // Act
    const overrides = tokenOverrides([role], {});
    // Assess
    expect(overrides.accessTokenGeneration?.scopesToAdd).toEqual([...scopes]);
    expect(overrides.accessTokenGeneration?.scopesToSuppress).toEqual(ALL.filter((s) => !scopes.includes(s)));
  });

  it('adds custom:region to the access token of a bureau user', () => {
    const overrides = tokenOverrides(['bureau'], { 'custom:region': '110119' });
    expect(overrides.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ 'custom:region': '110119' });
    expect(tokenOverrides(['bureau'], { 'custom:region': 'national' }).accessTokenGeneration?.claimsToAddOrOverride).toEqual({ 'custom:region': 'national' });
  });

  it('ignores a malformed custom:region', () => {
    expect(tokenOverrides(['bureau'], { 'custom:region': '北京' }).accessTokenGeneration?.claimsToAddOrOverride).toBeUndefined();
  });

  it.each([[[]], [['admins']], [['jobseeker', 'bureau']]])('grants no API scope to a user in groups %j (not exactly one role)', (groups) => {
    const overrides = tokenOverrides(groups, {});
    expect(overrides.accessTokenGeneration?.scopesToAdd).toBeUndefined();
    expect(overrides.accessTokenGeneration?.scopesToSuppress).toEqual(ALL);
  });

  it('ignores groups that are not roles beside the one role', () => {
    expect(tokenOverrides(['employer', 'beta-testers'], {}).accessTokenGeneration?.scopesToAdd).toEqual([...ROLE_SCOPES.employer]);
  });

  it('answers the event with the overrides filled in', async () => {
    const answer = await handler(event(['jobseeker']));
    expect(answer.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.scopesToAdd).toEqual([...ROLE_SCOPES.jobseeker]);
    expect(answer.userName).toBe('user-1');
  });
});
