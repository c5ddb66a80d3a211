import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActingUnitPicker } from './acting-unit-picker';
import { LanguageSwitch } from './language-switch';
import { paths } from './paths';
import { UserMenu } from './user-menu';
import { NotificationBell } from '../features/followup/notification-bell';

interface AppHeaderProps {
  isPhone: boolean;
  onOpenMenu: () => void;
}

export function AppHeader({ isPhone, onOpenMenu }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <>
      <Layout.Header className="app-header">
        {isPhone ? (
          <Button
            type="text"
            className="header-button"
            icon={<MenuOutlined />}
            aria-label={t('app.openMenu')}
            onClick={onOpenMenu}
            data-testid="nav-open"
          />
        ) : null}
        <Link to={paths.home} className="brand" aria-label={t('app.homeLink')}>
          <span className="brand-star" aria-hidden>
            ★
          </span>
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            {isPhone ? null : <span className="brand-campaign">{t('app.campaignShort')}</span>}
          </span>
        </Link>
        {isPhone ? null : <ActingUnitPicker className="acting-unit-header" />}
        <div className="header-end">
          {isPhone ? null : <LanguageSwitch className="language-switch" />}
          <NotificationBell />
          <UserMenu compact={isPhone} />
        </div>
      </Layout.Header>
      {isPhone ? (
        <div className="acting-unit-bar">
          <ActingUnitPicker />
        </div>
      ) : null}
    </>
  );
}
