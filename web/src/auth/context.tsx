import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';
import { remember } from '../lib/storage.js';
import { loadSession, saveSession, type Session } from './session.js';

interface SessionValue {
  readonly session: Session | undefined;
  readonly signIn: (session: Session) => void;
  readonly signOut: () => void;
  /** Set when the last session ended because the API refused its token. */
  readonly expired: boolean;
  readonly markExpired: () => void;
}

/** Where to go back to after signing in again. */
export const RETURN_TO = 'sb.returnTo';
/** Who was signed in when the session expired, to fill the sign-in form again. */
export const LAST_SIGN_IN = 'sb.lastSignIn';

const SessionContext = createContext<SessionValue>({
  session: undefined,
  signIn: () => undefined,
  signOut: () => undefined,
  expired: false,
  markExpired: () => undefined,
});

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [expired, setExpired] = useState(false);
  const value = useMemo<SessionValue>(
    () => ({
      session,
      expired,
      signIn: (next) => {
        saveSession(next);
        setExpired(false);
        setSession(next);
      },
      signOut: () => {
        // Drafts (a pasted résumé among them) go with an explicit sign-out: office PCs are shared.
        try {
          for (const key of Object.keys(sessionStorage)) if (key.startsWith('sb.draft.') || key === RETURN_TO || key === LAST_SIGN_IN) sessionStorage.removeItem(key);
        } catch {
          // Storage unavailable: nothing was kept.
        }
        saveSession(undefined);
        setSession(undefined);
      },
      markExpired: () => {
        // Drafts stay, and the page is remembered, so signing in again returns to the work in progress.
        remember(RETURN_TO, location.pathname, 'session');
        if (session) remember(LAST_SIGN_IN, { role: session.role, sub: session.sub, region: session.region }, 'session');
        saveSession(undefined);
        setExpired(true);
        setSession(undefined);
      },
    }),
    [session, expired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = (): SessionValue => useContext(SessionContext);
