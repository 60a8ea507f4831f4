import { useEffect, useState } from 'preact/hooks';
import { post } from '../api/client.js';
import { ApiError } from '../api/problem.js';
import { finishHostedSignIn, isHostedCallback, startHostedSignIn } from '../auth/cognito.js';
import { LAST_SIGN_IN, useSession } from '../auth/context.js';
import { recall } from '../lib/storage.js';
import { authConfig, sessionFromToken, type AuthConfig, type Role } from '../auth/session.js';
import { ErrorSummary, Notice, TextField } from '../components/form.js';
import { Page, useReady } from '../components/page.js';
import { RegionPicker } from '../components/region-picker.js';
import { useI18n } from '../i18n/index.js';
import { asFormError } from '../lib/errors.js';
import { useLocation } from '../lib/router.js';

const ROLES: readonly Role[] = ['jobseeker', 'employer', 'bureau'];

/**
 * Sign-in. Locally (`/config.json` says `auth: "dev"`) a person picks a role and a name and the
 * local-only `POST /dev/token` signs a token; in AWS the same page sends them to the Cognito
 * hosted UI (or the configured OpenID Connect provider) instead, and finishes the code exchange on
 * /signin/callback.
 */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn, expired } = useSession();
  const { path, query } = useLocation();
  const [config, setConfig] = useState<AuthConfig>();
  // After an expired session the form comes back filled in as it was.
  const last = recall<{ role: Role; sub: string; region?: string }>(LAST_SIGN_IN, 'session');
  const [role, setRole] = useState<Role>(last?.role ?? 'jobseeker');
  const [sub, setSub] = useState(last?.sub ?? '');
  const [region, setRegion] = useState(last?.region ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReturnType<typeof asFormError>>();

  useEffect(() => {
    void authConfig().then(setConfig);
  }, []);
  useReady('signin', config !== undefined);

  useEffect(() => {
    if (config === undefined || config.auth === 'dev' || !isHostedCallback(path)) return;
    finishHostedSignIn(config, query)
      .then((token) => {
        const session = sessionFromToken(token);
        if (session) signIn(session);
        else setError({ title: t.signInNoRole, fieldErrors: new Map() });
      })
      .catch(() => setError({ title: t.signInFailed, fieldErrors: new Map() }));
  }, [config, path]);

  if (!config) return <p class="muted">{t.loading}</p>;

  if (config.auth !== 'dev') {
    return (
      <Page title={t.signInTitle}>
        {expired ? <Notice kind="warn">{t.sessionExpired}</Notice> : null}
        {error ? <Notice kind="error">{error.title}</Notice> : null}
        <div class="card">
          <p>{t.signInHosted}</p>
          <button type="button" class="primary" onClick={() => void startHostedSignIn(config)}>
            {t.signInButton}
          </button>
        </div>
      </Page>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await post<{ token: string }>('/dev/token', { role, sub: sub.trim(), ...(role === 'bureau' ? { region } : {}) });
      const session = sessionFromToken(data.token);
      if (!session) throw new ApiError(500, undefined, 'token without role');
      signIn(session);
    } catch (err) {
      setError(asFormError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t.signInTitle} intro={t.signInIntro}>
      {expired ? <Notice kind="warn">{t.sessionExpired}</Notice> : null}
      <ErrorSummary
        error={error}
        fields={[
          { pointer: '/role', id: 'role-jobseeker', label: t.signInRole },
          { pointer: '/sub', id: 'sub', label: t.signInName },
          { pointer: '/region', id: 'region-province', label: t.signInRegion },
        ]}
      />
      <form class="card" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t.signInRole}</legend>
          <div class="role-choice">
            {ROLES.map((r) => (
              <label key={r}>
                <input type="radio" id={`role-${r}`} name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
                <span>
                  {t.roles[r].name}
                  <span class="desc">{t.roles[r].desc}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          id="sub"
          label={t.signInName}
          hint={t.signInNameHint}
          value={sub}
          onValue={setSub}
          pointer="/sub"
          errors={error?.fieldErrors}
          input={{ autoComplete: 'username', maxLength: 64, autoCapitalize: 'none', spellcheck: false }}
        />
        {role === 'bureau' ? (
          <RegionPicker id="region" label={t.signInRegion} hint={t.signInRegionHint} value={region} onValue={setRegion} pointer="/region" errors={error?.fieldErrors} allowNational atLeast="province" />
        ) : null}
        <p class="muted">{t.signInDevNote}</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t.signingIn : t.signInButton}
          </button>
        </div>
      </form>
    </Page>
  );
}
