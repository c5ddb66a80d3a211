import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  LineChartOutlined,
  BookOutlined,
  ContainerOutlined,
  DashboardOutlined,
  EyeOutlined,
  EditOutlined,
  FileTextOutlined,
  ReadOutlined,
  RocketOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserSwitchOutlined,
  TrophyOutlined,
  SolutionOutlined,
  FileSearchOutlined,
  FundOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { canOpenPage, PAGE_PERMISSIONS, type PageKey } from './page-permissions';
import { paths } from './paths';
import { useCurrentSession } from './session';

interface NavEntry {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  testId: string;
  permission?: string;
  /** A page a linked person also opens for their own records: offered by canOpenPage rather than the permission alone. */
  page?: PageKey;
}

function selectedKey(pathname: string, entries: NavEntry[]): string | undefined {
  // The longest matching path wins, so "/" only matches the home page itself.
  const match = entries
    .filter((entry) => (entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key;
}

/** Only the modules that exist today, and only those the user may open. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useCurrentSession();
  const { permissions } = session;

  const entries: NavEntry[] = [
    {
      key: 'home',
      path: paths.home,
      label: t('nav.home'),
      icon: <DashboardOutlined />,
      testId: 'nav-home',
      permission: PAGE_PERMISSIONS.home,
    },
    {
      key: 'units',
      path: paths.units,
      label: t('nav.units'),
      icon: <ApartmentOutlined />,
      testId: 'nav-units',
      permission: PAGE_PERMISSIONS.units,
    },
    {
      key: 'people',
      path: paths.people,
      label: t('nav.people'),
      icon: <TeamOutlined />,
      testId: 'nav-people',
      permission: PAGE_PERMISSIONS.people,
    },
    {
      key: 'plans',
      path: paths.plans,
      label: t('programme.nav.plans'),
      icon: <FileTextOutlined />,
      testId: 'nav-plans',
      permission: PAGE_PERMISSIONS.plans,
    },
    {
      key: 'topics',
      path: paths.topics,
      label: t('programme.nav.topics'),
      icon: <BookOutlined />,
      testId: 'nav-topics',
      permission: PAGE_PERMISSIONS.topics,
    },
    {
      key: 'breakthroughs',
      path: paths.breakthroughs,
      label: t('programme.nav.breakthroughs'),
      icon: <RocketOutlined />,
      testId: 'nav-breakthroughs',
      permission: PAGE_PERMISSIONS.breakthroughs,
    },
    {
      key: 'standards',
      path: paths.standards,
      label: t('standards.nav'),
      icon: <SafetyCertificateOutlined />,
      testId: 'nav-standards',
      permission: PAGE_PERMISSIONS.standards,
    },
    {
      key: 'study',
      path: paths.study,
      label: t('study.nav'),
      icon: <ReadOutlined />,
      testId: 'nav-study',
      permission: PAGE_PERMISSIONS.study,
    },
    {
      key: 'registrations',
      path: paths.registrations,
      label: t('registrations.nav'),
      icon: <EditOutlined />,
      testId: 'nav-registrations',
      permission: PAGE_PERMISSIONS.registrations,
    },
    {
      key: 'followup',
      path: paths.followup,
      label: t('followup.nav'),
      icon: <LineChartOutlined />,
      testId: 'nav-followup',
      permission: PAGE_PERMISSIONS.followup,
    },
    {
      key: 'campaignOverview',
      path: paths.campaignOverview,
      label: t('overview.nav'),
      icon: <FundOutlined />,
      testId: 'nav-campaign-overview',
      permission: PAGE_PERMISSIONS.campaignOverview,
    },
    {
      key: 'programmeFigures',
      path: paths.programmeFigures,
      label: t('study.navDashboard'),
      icon: <BarChartOutlined />,
      testId: 'nav-programme-figures',
      permission: PAGE_PERMISSIONS.programmeFigures,
    },
    {
      key: 'supervision',
      path: paths.supervision,
      label: t('supervision.nav'),
      icon: <EyeOutlined />,
      testId: 'nav-supervision',
      permission: PAGE_PERMISSIONS.supervision,
    },
    {
      key: 'reports',
      path: paths.reports,
      label: t('reports.nav'),
      icon: <ContainerOutlined />,
      testId: 'nav-reports',
      permission: PAGE_PERMISSIONS.reports,
    },
    {
      key: 'commendations',
      path: paths.commendations,
      label: t('commendations.nav'),
      icon: <TrophyOutlined />,
      testId: 'nav-commendations',
      permission: PAGE_PERMISSIONS.commendations,
    },
    {
      key: 'grading',
      path: paths.grading,
      label: t('grading.nav'),
      icon: <SolutionOutlined />,
      testId: 'nav-grading',
      page: 'grading',
    },
    {
      key: 'inspections',
      path: paths.inspections,
      label: t('inspections.nav'),
      icon: <FileSearchOutlined />,
      testId: 'nav-inspections',
      page: 'inspections',
    },
    {
      key: 'audit',
      path: paths.audit,
      label: t('nav.audit'),
      icon: <AuditOutlined />,
      testId: 'nav-audit',
      permission: PAGE_PERMISSIONS.audit,
    },
    {
      key: 'accounts',
      path: paths.accounts,
      label: t('nav.accounts'),
      icon: <UserSwitchOutlined />,
      testId: 'nav-accounts',
      permission: PAGE_PERMISSIONS.accounts,
    },
  ];
  const visible = entries.filter((entry) =>
    entry.page ? canOpenPage(entry.page, session) : !entry.permission || permissions.includes(entry.permission),
  );
  const current = selectedKey(location.pathname, visible);

  const items: MenuProps['items'] = visible.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: (
      <span data-testid={entry.testId} aria-current={entry.key === current ? 'page' : undefined}>
        {entry.label}
      </span>
    ),
  }));

  return (
    <nav aria-label={t('app.mainNavigation')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={current ? [current] : []}
        onClick={({ key }) => {
          const entry = visible.find((candidate) => candidate.key === key);
          if (entry) void navigate(entry.path);
          onNavigate?.();
        }}
        className="nav-menu"
      />
    </nav>
  );
}
