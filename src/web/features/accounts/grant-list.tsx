import { CloseOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/contracts/accounts';
import { describeError } from '../../lib/errors';
import { useRemoveGrant } from './accounts.api';

/** The account's grants, each with its own "withdraw" button, so one role can go without touching the others. */
export function GrantList({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveGrant();
  if (account.grants.length === 0) return <Typography.Text type="secondary">{t('accounts.noGrants')}</Typography.Text>;
  return (
    <ul className="grant-list">
      {account.grants.map((grant) => {
        const role = t(`enums.role.${grant.role}`);
        return (
          <li key={grant.id}>
            <span>
              <strong>{role}</strong> · {grant.unitName}
            </span>
            <Popconfirm
              title={t('accounts.confirmRemoveGrant', { role, unit: grant.unitName, username: account.username })}
              okText={t('accounts.actions.removeGrant')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                remove.mutateAsync({ accountId: account.id, grantId: grant.id }).then(
                  () => void message.success(t('accounts.messages.grantRemoved', { role, unit: grant.unitName })),
                  (error: unknown) => void message.error(describeError(error, t)),
                )
              }
            >
              <Button
                type="text"
                size="small"
                danger
                icon={<CloseOutlined />}
                aria-label={t('accounts.removeGrantLabel', { role, unit: grant.unitName })}
              />
            </Popconfirm>
          </li>
        );
      })}
    </ul>
  );
}
