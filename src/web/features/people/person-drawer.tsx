import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../../shared/contracts/domain';
import type { Membership } from '../../../shared/contracts/people';
import { useCan } from '../../app/session';
import { QueryError } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { usePerson } from './people.api';
import { PersonFormModal } from './person-form-modal';
import { PersonMoveModal } from './person-move-modal';
import { PersonValue } from './person-value';

interface PersonDrawerProps {
  personId: number | null;
  onClose: () => void;
}

export function PersonDrawer({ personId, onClose }: PersonDrawerProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const canWrite = useCan('people.write');
  const person = usePerson(personId);
  const [dialog, setDialog] = useState<'edit' | 'move' | null>(null);
  const data = person.data;

  const membershipColumns: ColumnsType<Membership> = [
    {
      title: t('people.fields.unit'),
      dataIndex: 'unitName',
      render: (name: string, row) => (
        <span>
          {name} {row.isPrimary ? <Tag color="blue">{t('people.primary')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('people.fields.position'),
      dataIndex: 'position',
      render: (position: Position | null, row) => (
        <span>
          {position ? t(`enums.position.${position}`) : '—'} {row.isHead ? <Tag color="gold">{t('people.fields.isHead')}</Tag> : null}
        </span>
      ),
    },
    { title: t('people.fields.fromDate'), dataIndex: 'fromDate', render: (value: string) => formatDate(value), width: 120 },
    {
      title: t('people.fields.toDate'),
      dataIndex: 'toDate',
      render: (value: string | null) => (value ? formatDate(value) : t('people.current')),
      width: 120,
    },
  ];

  const actions =
    canWrite && data ? (
      <Space wrap>
        {data.personalVisible ? (
          <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="person-edit">
            {t('people.actions.edit')}
          </Button>
        ) : (
          // Saving rewrites the whole record, which would wipe the fields this user cannot see.
          <Tooltip title={t('people.editNeedsPersonal')}>
            <Button icon={<EditOutlined />} disabled data-testid="person-edit">
              {t('people.actions.edit')}
            </Button>
          </Tooltip>
        )}
        <Button icon={<SwapOutlined />} onClick={() => setDialog('move')} data-testid="person-move">
          {t('people.actions.move')}
        </Button>
      </Space>
    ) : null;

  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 720}
      title={data?.fullName ?? t('people.details')}
      extra={isPhone ? null : actions}
      destroyOnHidden
      data-testid="person-drawer"
    >
      {person.isError ? (
        <QueryError error={person.error} onRetry={() => void person.refetch()} compact />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          {isPhone && actions ? <div className="block-gap-bottom">{actions}</div> : null}
          <Descriptions
            bordered
            size="small"
            column={1}
            className="person-descriptions"
            items={[
              { key: 'fullName', label: t('people.fields.fullName'), children: data.fullName },
              { key: 'sex', label: t('people.fields.sex'), children: t(`enums.sex.${data.sex}`) },
              {
                key: 'birthDate',
                label: t('people.fields.birthDate'),
                children: (
                  <PersonValue value={data.birthDate} visible={data.personalVisible}>
                    {formatDate(data.birthDate)}
                  </PersonValue>
                ),
              },
              { key: 'category', label: t('people.fields.category'), children: t(`enums.category.${data.category}`) },
              {
                key: 'cardNumber',
                label: t('people.fields.cardNumber'),
                children: <PersonValue value={data.cardNumber} visible={data.personalVisible} />,
              },
              {
                key: 'admissionDate',
                label: t('people.fields.admissionDate'),
                children: (
                  <PersonValue value={data.admissionDate} visible={data.personalVisible}>
                    {formatDate(data.admissionDate)}
                  </PersonValue>
                ),
              },
              {
                key: 'idNumber',
                label: t('people.fields.idNumber'),
                children: <PersonValue value={data.idNumber} visible={data.personalVisible} />,
              },
              {
                key: 'phone',
                label: t('people.fields.phone'),
                children: <PersonValue value={data.phone} visible={data.personalVisible} />,
              },
              {
                key: 'email',
                label: t('people.fields.email'),
                children: <PersonValue value={data.email} visible={data.personalVisible} />,
              },
              {
                key: 'address',
                label: t('people.fields.address'),
                children: <PersonValue value={data.address} visible={data.personalVisible} />,
              },
              { key: 'unit', label: t('people.fields.unit'), children: data.unit?.name ?? '—' },
              {
                key: 'position',
                label: t('people.fields.position'),
                children: (
                  <span>
                    {data.position ? t(`enums.position.${data.position}`) : '—'}{' '}
                    {data.isHead ? <Tag color="gold">{t('people.fields.isHead')}</Tag> : null}
                  </span>
                ),
              },
            ]}
          />
          <Typography.Title level={3} className="section-title">
            {t('people.memberships')}
          </Typography.Title>
          <Table<Membership>
            size="small"
            rowKey="id"
            columns={membershipColumns}
            dataSource={[...data.memberships].sort((a, b) => b.fromDate.localeCompare(a.fromDate))}
            pagination={false}
            scroll={{ x: 560 }}
            locale={{ emptyText: t('people.noMemberships') }}
            data-testid="person-memberships"
          />
          {dialog === 'edit' ? <PersonFormModal open person={data} onClose={() => setDialog(null)} onDone={() => setDialog(null)} /> : null}
          {dialog === 'move' ? <PersonMoveModal open person={data} onClose={() => setDialog(null)} onDone={() => setDialog(null)} /> : null}
        </>
      )}
    </Drawer>
  );
}
