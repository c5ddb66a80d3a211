import { DownloadOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../features/auth/auth.api';
import { paths } from './paths';
import { useCurrentSession } from './session';

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    { key: 'who', label: session.user.username, disabled: true, icon: <UserOutlined /> },
    { type: 'divider' },
    { key: 'password', label: t('header.changePassword'), icon: <KeyOutlined /> },
    { key: 'myData', label: t('header.myData'), icon: <DownloadOutlined /> },
    { key: 'logout', label: t('header.logout'), icon: <LogoutOutlined />, danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate(paths.changePassword);
    // A plain download: the browser saves the file the server names.
    if (key === 'myData') window.location.assign('/api/me/data');
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSettled: () => {
          void message.success(t('header.loggedOut'));
          void navigate(paths.login, { replace: true });
        },
      });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="header-button" aria-label={t('header.userMenu')} data-testid="user-menu">
        <UserOutlined />
        {compact ? null : <span className="user-name">{session.user.displayName}</span>}
        <DownOutlined className="user-menu-caret" />
      </Button>
    </Dropdown>
  );
}
