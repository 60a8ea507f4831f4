import { Fragment } from 'preact';
import { useEffect } from 'preact/hooks';
import { configureApi } from './api/client.js';
import { RETURN_TO, SessionProvider, useSession } from './auth/context.js';
import type { Role } from './auth/session.js';
import { InboxBadge } from './components/inbox-badge.js';
import { I18nProvider, useI18n } from './i18n/index.js';
import { Lazy } from './lib/lazy.js';
import { forget, recall } from './lib/storage.js';
import { Link, matchPath, navigate, useLocation } from './lib/router.js';

/** Where each role starts, and the pages it may use. */
const HOME: Record<Role, string> = { jobseeker: '/seeker/profile', employer: '/employer/demands', bureau: '/bureau/dashboard' };

// Loaders are module constants so the lazy cache keys stay stable across renders.
const signIn = () => import('./pages/sign-in.js').then((m) => m.SignInPage);
const seekerProfile = () => import('./pages/seeker-profile.js').then((m) => m.SeekerProfilePage);
const seekerSearch = () => import('./pages/seeker-search.js').then((m) => m.SeekerSearchPage);
const seekerApplications = () => import('./pages/seeker-applications.js').then((m) => m.SeekerApplicationsPage);
const inbox = () => import('./pages/inbox.js').then((m) => m.InboxPage);
const seekerJobs = () => import('./pages/seeker-jobs.js').then((m) => m.SeekerJobsPage);
const seekerCourses = () => import('./pages/seeker-courses.js').then((m) => m.SeekerCoursesPage);
const employerDemands = () => import('./pages/employer-demands.js').then((m) => m.EmployerDemandsPage);
const demandMatches = () => import('./pages/demand-matches.js').then((m) => m.DemandMatchesPage);
const insights = () => import('./pages/insights.js').then((m) => m.InsightsPage);
const dashboard = () => import('./pages/bureau-dashboard.js').then((m) => m.BureauDashboardPage);
const regionEngagements = () => import('./pages/bureau-engagements.js').then((m) => m.BureauEngagementsPage);
const newCampaign = () => import('./pages/campaign-new.js').then((m) => m.CampaignNewPage);
const campaign = () => import('./pages/campaign.js').then((m) => m.CampaignPage);

interface Screen {
  readonly pattern: string;
  /** Who may open it: one role, `any` signed-in user, or null (no sign-in needed). */
  readonly role: Role | 'any' | null;
  readonly render: (params: Record<string, string>) => preact.JSX.Element;
}

const SCREENS: readonly Screen[] = [
  { pattern: '/signin', role: null, render: () => <Lazy load={signIn} props={{}} /> },
  { pattern: '/signin/callback', role: null, render: () => <Lazy load={signIn} props={{}} /> },
  { pattern: '/seeker/profile', role: 'jobseeker', render: () => <Lazy load={seekerProfile} props={{}} /> },
  { pattern: '/seeker/search', role: 'jobseeker', render: () => <Lazy load={seekerSearch} props={{}} /> },
  { pattern: '/seeker/applications', role: 'jobseeker', render: () => <Lazy load={seekerApplications} props={{}} /> },
  { pattern: '/messages', role: 'any', render: () => <Lazy load={inbox} props={{}} /> },
  { pattern: '/seeker/jobs', role: 'jobseeker', render: () => <Lazy load={seekerJobs} props={{}} /> },
  { pattern: '/seeker/courses', role: 'jobseeker', render: () => <Lazy load={seekerCourses} props={{}} /> },
  { pattern: '/employer/demands', role: 'employer', render: () => <Lazy load={employerDemands} props={{}} /> },
  { pattern: '/employer/demands/:id', role: 'employer', render: (p) => <Lazy load={demandMatches} props={{ id: p.id! }} /> },
  { pattern: '/employer/insights', role: 'employer', render: () => <Lazy load={insights} props={{}} /> },
  { pattern: '/bureau/dashboard', role: 'bureau', render: () => <Lazy load={dashboard} props={{}} /> },
  { pattern: '/bureau/engagements', role: 'bureau', render: () => <Lazy load={regionEngagements} props={{}} /> },
  { pattern: '/bureau/campaigns/new', role: 'bureau', render: () => <Lazy load={newCampaign} props={{}} /> },
  { pattern: '/bureau/campaigns/:id', role: 'bureau', render: (p) => <Lazy load={campaign} props={{ id: p.id! }} /> },
];

type NavKey = 'navProfile' | 'navSearch' | 'navApplications' | 'navJobs' | 'navCourses' | 'navDemands' | 'navInsights' | 'navDashboard' | 'navRegionEngagements' | 'navNewCampaign';

const NAV: Record<Role, ReadonlyArray<{ href: string; key: NavKey }>> = {
  jobseeker: [
    { href: '/seeker/profile', key: 'navProfile' },
    { href: '/seeker/search', key: 'navSearch' },
    { href: '/seeker/applications', key: 'navApplications' },
    { href: '/seeker/jobs', key: 'navJobs' },
    { href: '/seeker/courses', key: 'navCourses' },
  ],
  employer: [
    { href: '/employer/demands', key: 'navDemands' },
    { href: '/employer/insights', key: 'navInsights' },
  ],
  bureau: [
    { href: '/bureau/dashboard', key: 'navDashboard' },
    { href: '/bureau/engagements', key: 'navRegionEngagements' },
    { href: '/bureau/campaigns/new', key: 'navNewCampaign' },
  ],
};

function Shell() {
  const { t, lang, setLang } = useI18n();
  const { session, signOut, markExpired } = useSession();
  const { path } = useLocation();

  // During render, not in an effect: pages fetch in their own effects, which run before this component's.
  configureApi({ token: () => session?.token, lang: () => lang, onUnauthorized: markExpired });

  const screen = SCREENS.map((s) => ({ s, params: matchPath(s.pattern, path) })).find((x) => x.params);
  const home = session ? HOME[session.role] : '/signin';

  useEffect(() => {
    if (path === '/' || (!session && screen?.s.role)) navigate(session ? home : '/signin', { replace: true });
    else if (session && screen?.s.pattern.startsWith('/signin')) {
      const back = recall<string>(RETURN_TO, 'session');
      forget(RETURN_TO, 'session');
      const backScreen = back ? SCREENS.find((s) => matchPath(s.pattern, back)) : undefined;
      navigate(back && (backScreen?.role === session.role || backScreen?.role === 'any') ? back : home, { replace: true });
    }
  }, [path, session, home, screen]);

  let content: preact.JSX.Element;
  if (!screen) {
    content = (
      <>
        <h1>{t.notFoundTitle}</h1>
        <p>{t.notFoundBody}</p>
        <Link href={home}>{t.backHome}</Link>
      </>
    );
  } else if (screen.s.role && screen.s.role !== 'any' && session && screen.s.role !== session.role) {
    content = (
      <>
        <h1>{t.wrongRoleTitle}</h1>
        <p>{t.wrongRoleBody(t.roles[screen.s.role as Role].name)}</p>
        <Link href={home}>{t.backHome}</Link>
      </>
    );
  } else if (screen.s.role && !session) {
    content = <p class="muted">{t.loading}</p>;
  } else {
    // Keyed by page and parameters: a new page (or another demand) starts with fresh state.
    content = <Fragment key={`${screen.s.pattern}:${JSON.stringify(screen.params)}`}>{screen.s.render(screen.params!)}</Fragment>;
  }

  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header class="top">
        <div class="top-inner">
          <Link class="brand" href={home}>
            {t.appName}
          </Link>
          {session ? (
            <nav aria-label={t.mainNav}>
              <ul>
                {NAV[session.role].map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={path === item.href ? 'page' : undefined}>
                      {t[item.key]}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div class="tools">
            {session ? <InboxBadge path={path} current={path === '/messages'} /> : null}
            <button type="button" class="link-button" lang={other === 'en' ? 'en' : 'zh-CN'} onClick={() => setLang(other)}>
              {t.switchLanguage}
            </button>
            {session ? (
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  signOut();
                  navigate('/signin');
                }}
              >
                {t.signOut}
              </button>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {session ? <p class="who">{t.signedInAs(t.roles[session.role].name, session.sub)}</p> : null}
        {content}
      </main>
      <footer class="footer">{t.footer}</footer>
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}
