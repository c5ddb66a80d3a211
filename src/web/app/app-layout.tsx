import { Drawer, Layout } from 'antd';
import { StatusMessage } from '../components/status-message';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useIsPhone } from '../lib/use-is-phone';
import { ActingUnitProvider, useActingUnit } from './acting-unit';
import { forgetDataFreshness, useDataLag } from './data-freshness';
import { AppHeader } from './app-header';
import { FullPageLoading } from './full-page-loading';
import { LanguageSwitch } from './language-switch';

const COLLAPSED_KEY = 'noiguong.menuCollapsed';

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** The narrow menu is a personal preference, kept on this device. */
function rememberCollapsed(value: boolean): boolean {
  try {
    window.localStorage.setItem(COLLAPSED_KEY, value ? '1' : '0');
  } catch {
    // Kept for this visit only.
  }
  return value;
}

/** Said once above the page while the figures come from a replica that lags (see data-freshness.ts). */
function DataLagNotice() {
  const { t } = useTranslation();
  const seconds = useDataLag();
  const { pathname } = useLocation();
  useEffect(() => forgetDataFreshness(), [pathname]);
  if (seconds === 0) return null;
  return (
    <p className="data-lag-notice" role="status">
      {t('app.dataLag', { seconds })}
    </p>
  );
}

function MainContent() {
  const { t } = useTranslation();
  const { actingUnit } = useActingUnit();
  if (!actingUnit) {
    return <StatusMessage kind="info" title={t('errors.noGrantsTitle')} description={t('errors.noGrants')} />;
  }
  return (
    <>
      <DataLagNotice />
      <Suspense fallback={<FullPageLoading />}>
        <Outlet />
      </Suspense>
    </>
  );
}

// The menu's code comes when it is shown: on a phone, when the drawer is first opened.
const NavMenu = lazy(() => import('./nav-menu').then((module) => ({ default: module.NavMenu })));
const menuFallback = <div className="nav-menu-loading" />;

export function AppLayout() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    // After moving to another page, keyboard and screen-reader users start at its content.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [location.pathname]);

  return (
    <ActingUnitProvider>
      <Layout className="app-layout">
        <a
          className="skip-link"
          href="#main-content"
          onClick={(event) => {
            event.preventDefault();
            mainRef.current?.focus();
          }}
        >
          {t('app.skipToContent')}
        </a>
        <AppHeader isPhone={isPhone} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout>
          {isPhone ? (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={300}
              title={t('app.menu')}
              className="nav-drawer"
            >
              <Suspense fallback={menuFallback}>
                <NavMenu onNavigate={() => setDrawerOpen(false)} />
              </Suspense>
              <div className="drawer-language">
                <span>{t('header.language')}</span>
                <LanguageSwitch />
              </div>
            </Drawer>
          ) : (
            <Layout.Sider
              width={264}
              collapsible
              collapsed={collapsed}
              onCollapse={(value) => setCollapsed(rememberCollapsed(value))}
              theme="light"
              className="app-sider"
              trigger={null}
            >
              <Suspense fallback={menuFallback}>
                <NavMenu />
              </Suspense>
              <button
                type="button"
                className="sider-toggle"
                onClick={() => setCollapsed((value) => rememberCollapsed(!value))}
                aria-expanded={!collapsed}
                aria-label={collapsed ? t('app.expandMenu') : t('app.collapseMenu')}
              >
                {collapsed ? '»' : `« ${t('app.collapseMenu')}`}
              </button>
            </Layout.Sider>
          )}
          <Layout.Content className="app-content">
            <main id="main-content" ref={mainRef} tabIndex={-1} className="main">
              <MainContent />
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </ActingUnitProvider>
  );
}
