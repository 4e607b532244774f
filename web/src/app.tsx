import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { isKpiId } from './api/types.js';
import { AuthGate, UserMenu } from './auth/auth-gate.js';
import { FilterBar, useDashQuery } from './components/filter-bar.js';
import { Logo } from './components/icons.js';
import { LanguageSwitch } from './components/language-switch.js';
import { BreakReminder } from './first-line/break-reminder.js';
import { useI18n } from './i18n/i18n.js';
import { NAV, navPage } from './nav.js';
import { Link } from './router/router.js';
import { searchString, writeQuery } from './router/url-state.js';

// Pages with charts are separate chunks: the overview never loads ECharts.
const KpiPage = lazy(() => import('./pages/kpi-page.js'));
const TicketPage = lazy(() => import('./pages/ticket-page.js'));

function Header() {
  const { t } = useI18n();
  const { query, location } = useDashQuery();
  // the cut (period, filters) travels with the menu: the same view on another page
  const cut = searchString(writeQuery(query));
  const home = `/${cut}`;
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to={home} className="brand" aria-label="Firstline">
          <Logo />
          <span className="brand-name">Firstline</span>
          <span className="brand-tag">{t('app.tagline')}</span>
        </Link>
        <nav className="topnav" aria-label={t('nav.label')}>
          {NAV.map((p) => (
            <Link
              key={p.path}
              to={`${p.path}${p.filters ? cut : ''}`}
              aria-current={location.pathname === p.path ? 'page' : undefined}
              data-testid={p.testId}
            >
              {t(p.label)}
            </Link>
          ))}
          <a href="/api/docs">{t('app.apiDocs')}</a>
        </nav>
        <LanguageSwitch />
        <UserMenu />
      </div>
    </header>
  );
}

function Page() {
  const { t } = useI18n();
  const { location } = useDashQuery();
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const kpi = /^\/kpi\/([a-z_0-9]+)$/.exec(path);
  const ticket = /^\/tickets\/(.+)$/.exec(path);
  const nav = navPage(path);
  if (nav)
    return (
      <>
        {nav.filters && <FilterBar buckets={nav.buckets ?? false} />}
        <Content path={path}>
          <nav.page />
        </Content>
      </>
    );
  if (kpi?.[1] && isKpiId(kpi[1]))
    return (
      <>
        <FilterBar />
        <Content path={path}>
          <KpiPage id={kpi[1]} />
        </Content>
      </>
    );
  if (ticket?.[1])
    return (
      <Content path={path}>
        <TicketPage id={decodeURIComponent(ticket[1])} />
      </Content>
    );
  return (
    <div className="page">
      <p className="banner banner-info">{t('app.notFound')}</p>
    </div>
  );
}

/** The page opened first keeps the focus where the browser puts it; every page opened after takes it. */
let firstPath: string | null = window.location.pathname;

/**
 * A page's own content (below the filter bar): the skip link's target, and where the focus goes when a new
 * page opens, so that keyboard and screen-reader users start at the content, not at the top again.
 */
function Content({ path, children }: { path: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (path === firstPath) return;
    firstPath = null;
    ref.current?.focus({ preventScroll: true });
  }, [path]);
  return (
    <div id="content" ref={ref} tabIndex={-1} className="content">
      {children}
    </div>
  );
}

export function App() {
  const { t } = useI18n();
  return (
    <AuthGate>
      <a href="#content" className="skip-link" data-testid="skip-link">
        {t('app.skip')}
      </a>
      <Header />
      <BreakReminder />
      <main id="main" className="main" tabIndex={-1}>
        <Suspense
          fallback={
            <div className="page">
              <div className="panel skeleton skeleton-tall" aria-busy="true" />
            </div>
          }
        >
          <Page />
        </Suspense>
      </main>
    </AuthGate>
  );
}
