/** Which learner profile a job seeker's account owns (`/me/profile`), and one-time claim codes. */
export interface ProfileLinks {
  /** The learner id the account is linked to, if any. */
  profileOf(sub: string): Promise<string | undefined>;
  /** Links the account to a profile (replacing a link to a profile that no longer exists). */
  link(sub: string, learnerId: string): Promise<void>;
  unlink(sub: string): Promise<void>;
  /** Stores a claim code (by its hash) for a profile until `expiresAt`. */
  saveClaimCode(codeHash: string, learnerId: string, expiresAt: Date): Promise<void>;
  /**
   * Uses a claim code once: removes it and links the account to its profile in one transaction.
   * @returns the learner id, or undefined when the code is unknown, used or expired
   * @throws ConflictError when the account already has a profile
   */
  claim(codeHash: string, sub: string, now: Date): Promise<string | undefined>;
}
