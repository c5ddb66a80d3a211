import { KeyOutlined, LockOutlined, PlusOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/contracts/accounts';
import { useCurrentSession } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { FilterBar, PagedTable, SearchFilter, useListFilter, usePaging } from '../../components/list-page';
import { describeError } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useIsPhone } from '../../lib/use-is-phone';
import { useAccounts, useUpdateAccount } from './accounts.api';
import { AddGrantModal } from './add-grant-modal';
import { CreateAccountModal } from './create-account-modal';
import { GrantList } from './grant-list';
import { ResetPasswordModal } from './reset-password-modal';

const PAGE_SIZE = 20;

type Dialog = { kind: 'reset' | 'grant'; account: Account } | { kind: 'create' };

export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const paging = usePaging(PAGE_SIZE);
  const [text, setText] = useListFilter(paging, '');
  const q = useDebouncedValue(text.trim(), 350);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const accounts = useAccounts(q, paging.page, paging.pageSize);
  const update = useUpdateAccount();

  const toggle = (account: Account) =>
    update.mutateAsync({ id: account.id, isDisabled: !account.isDisabled }).then(
      () => {
        void message.success(
          t(account.isDisabled ? 'accounts.messages.enabled' : 'accounts.messages.disabled', { username: account.username }),
        );
      },
      (error: unknown) => {
        void message.error(describeError(error, t));
      },
    );

  const renderActions = (account: Account) => {
    const isSelf = account.id === session.user.id;
    return (
      <Space orientation={isPhone ? 'horizontal' : 'vertical'} wrap size={4}>
        <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'grant', account })}>
          {t('accounts.actions.addGrant')}
        </Button>
        <Button size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'reset', account })}>
          {t('accounts.actions.resetPassword')}
        </Button>
        {isSelf ? (
          <Tooltip title={t('accounts.cannotDisableSelf')}>
            <Button size="small" icon={<LockOutlined />} disabled>
              {t('accounts.actions.disable')}
            </Button>
          </Tooltip>
        ) : (
          <Popconfirm
            title={t(account.isDisabled ? 'accounts.confirmEnable' : 'accounts.confirmDisable', { username: account.username })}
            description={account.isDisabled ? undefined : t('accounts.disableHint')}
            okText={account.isDisabled ? t('accounts.actions.enable') : t('accounts.actions.disable')}
            okButtonProps={{ danger: !account.isDisabled }}
            cancelText={t('common.cancel')}
            onConfirm={() => toggle(account)}
          >
            <Button size="small" danger={!account.isDisabled} icon={account.isDisabled ? <UnlockOutlined /> : <LockOutlined />}>
              {account.isDisabled ? t('accounts.actions.enable') : t('accounts.actions.disable')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  };

  const columns: ColumnsType<Account> = [
    { title: t('accounts.fields.username'), dataIndex: 'username', render: (value: string) => <strong>{value}</strong> },
    { title: t('accounts.fields.displayName'), dataIndex: 'displayName' },
    {
      title: t('accounts.fields.status'),
      dataIndex: 'isDisabled',
      width: 140,
      render: (disabled: boolean) =>
        disabled ? <Tag color="red">{t('accounts.status.disabled')}</Tag> : <Tag color="green">{t('accounts.status.active')}</Tag>,
    },
    {
      title: t('accounts.fields.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (value: string | null) => (value ? formatDateTime(value) : t('accounts.neverLoggedIn')),
    },
    { title: t('accounts.fields.grants'), key: 'grants', render: (_value, account) => <GrantList account={account} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_value, account) => renderActions(account),
    },
  ];

  const phoneColumns: ColumnsType<Account> = [
    {
      title: t('accounts.fields.username'),
      key: 'account',
      render: (_value, account) => (
        <div className="compact-row">
          <span className="compact-row-title">
            {account.username} {account.isDisabled ? <Tag color="red">{t('accounts.status.disabled')}</Tag> : null}
          </span>
          <span className="compact-row-line">{account.displayName}</span>
          <GrantList account={account} />
          {renderActions(account)}
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="account-create">
            {t('accounts.actions.create')}
          </Button>
        }
      />
      <Card>
        <FilterBar>
          <SearchFilter value={text} onChange={setText} placeholder={t('accounts.searchPlaceholder')} />
        </FilterBar>
        <PagedTable<Account>
          query={accounts}
          paging={paging}
          columns={columns}
          phoneColumns={phoneColumns}
          scroll={{ x: 1000 }}
          data-testid="accounts-table"
          emptyText={q ? t('accounts.emptyFiltered') : t('accounts.empty')}
          totalText={(total) => t('accounts.total', { count: total, formatted: formatNumber(total) })}
        />
      </Card>
      {dialog?.kind === 'create' ? <CreateAccountModal open onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reset' ? <ResetPasswordModal account={dialog.account} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'grant' ? <AddGrantModal account={dialog.account} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
