/** Who is calling, as the JWT authorizer (Cognito in AWS, the dev signer locally) vouches. */

export const ROLES = ['jobseeker', 'employer', 'bureau'] as const;
export type Role = (typeof ROLES)[number];

export interface Caller {
  /** Stable subject id of the signed-in user. */
  readonly sub: string;
  readonly role: Role;
  /**
   * For bureau staff: the GB/T 2260 code of the region they serve, or `national` for
   * ministry-level staff. Absent for other roles.
   */
  readonly region?: string;
}
