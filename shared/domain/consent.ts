import type { Caller } from './caller.js';
import type { FieldIssue } from './errors.js';

/**
 * Consent to be shown to employers (PIPL: consent comes from the individual). Only the learner,
 * with their own token, may give it; bureau staff may create a profile without it or withdraw it
 * on the person's request, never give it.
 */

/** Version of the privacy-notice text a consent decision was made under; raise it when the text changes. */
export const PRIVACY_NOTICE_VERSION = '2026-12';

/** Who decided a learner's `consentToShare`, when, and under which notice text. */
export interface ConsentRecord {
  readonly given: boolean;
  /** `self`: the learner with their own token; `bureau`: bureau staff (a withdrawal, or a profile created without consent). */
  readonly by: 'self' | 'bureau';
  /** Subject id of whoever decided. */
  readonly subject: string;
  readonly at: string;
  readonly noticeVersion: string;
}

/** What a learner's consent looked like before the request (nothing for a new profile). */
export interface ConsentState {
  readonly consentToShare: boolean;
  readonly consent?: ConsentRecord | undefined;
}

/** The caller is the learner the profile belongs to (their own job-seeker token). */
export const isSelf = (caller: Caller, owner: string): boolean => caller.role === 'jobseeker' && caller.sub === owner;

export type ConsentOutcome =
  | { readonly ok: true; readonly consentToShare: boolean; readonly consent?: ConsentRecord | undefined }
  | { readonly ok: false; readonly issue: FieldIssue };

/**
 * Decides a learner's consent after a request: `requested` is the submitted `consentToShare`
 * (undefined when a patch leaves it alone). Granting (false or nothing → true) needs the
 * learner's own token; everything else is allowed. A changed value gets a fresh provenance
 * record; an unchanged one keeps the one it has.
 */
export function decideConsent(caller: Caller, owner: string, previous: ConsentState | undefined, requested: boolean | undefined, now: Date, path = '/consentToShare'): ConsentOutcome {
  const wanted = requested ?? previous?.consentToShare ?? false;
  if (previous !== undefined && previous.consentToShare === wanted) return { ok: true, consentToShare: wanted, consent: previous.consent };
  const self = isSelf(caller, owner);
  if (wanted && !self) {
    return {
      ok: false,
      issue: { path, message: 'Only the learner, signed in with their own account, may give consent to share; bureau staff may only create profiles without it or withdraw it.' },
    };
  }
  return {
    ok: true,
    consentToShare: wanted,
    consent: { given: wanted, by: self ? 'self' : 'bureau', subject: caller.sub, at: now.toISOString(), noticeVersion: PRIVACY_NOTICE_VERSION },
  };
}
