import { FileExcelOutlined, FileWordOutlined, NotificationOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Empty, Input, Progress, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { YearSelect } from '../study/year-select';
import { type FollowupQuery, type FollowupRow, useFollowupList, useRegistration, useSendReminders } from './followup.api';
import { LevelTag, StatusTag } from './followup-labels';
import { RegistrationView } from './registration-view';

const STATUSES = ['submitted', 'returned', 'approved', 'published', 'in_progress', 'self_assessed', 'reviewed', 'closed'] as const;

/**
 * The cell's (or a level's) view of the registrations in its subtree: who has not updated for
 * months, reviews at the year's end, the register book, and reminders to register.
 */
export function UnitFollowupTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const canRemind = useCan('registrations.windows');
  const [year, setYear] = useState(dayjs().year());
  const [status, setStatus] = useState<FollowupQuery['status']>();
  const [staleMonths, setStaleMonths] = useState<number | undefined>();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useFollowupList({ unitId: actingUnit.id, year, status, staleMonths, q: q || undefined, page, pageSize });
  const detail = useRegistration(openId);
  const remind = useSendReminders();

  const sendReminders = () =>
    modal.confirm({
      title: t('followup.remind.title'),
      content: t('followup.remind.content', { unit: actingUnit.name }),
      okText: t('followup.remind.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        remind.mutateAsync(actingUnit.id).then(
          (outcome) => void message.success(t('followup.remind.done', { notified: outcome.notified, emailed: outcome.emailed })),
          (error: unknown) => void message.error(describeError(error, t)),
        ),
    });

  const columns: ColumnsType<FollowupRow> = [
    {
      title: t('followup.fields.registrant'),
      key: 'name',
      render: (_v, row) => (
        <Button type="link" className="link-cell" onClick={() => setOpenId(row.id)} data-testid={`followup-open-${row.id}`}>
          {row.kind === 'collective' ? t('followup.collectiveOf', { unit: row.unit.name }) : row.person?.name}
        </Button>
      ),
    },
    { title: t('followup.fields.unit'), key: 'unit', render: (_v, row) => row.unit.name },
    { title: t('followup.fields.status'), key: 'status', render: (_v, row) => <StatusTag status={row.status} /> },
    {
      title: t('followup.fields.progress'),
      key: 'progress',
      width: 160,
      render: (_v, row) => (row.averageProgress === null ? '—' : <Progress percent={row.averageProgress} size="small" />),
    },
    {
      title: t('followup.fields.lastCheckIn'),
      key: 'lastCheckIn',
      render: (_v, row) =>
        row.lastCheckInAt ? (
          formatDate(row.lastCheckInAt)
        ) : (
          <Typography.Text type="secondary">{t('followup.neverCheckedIn')}</Typography.Text>
        ),
    },
    { title: t('followup.fields.selfAssessment'), key: 'self', render: (_v, row) => <LevelTag level={row.selfLevel} /> },
    { title: t('followup.fields.review'), key: 'review', render: (_v, row) => <LevelTag level={row.reviewLevel} /> },
  ];

  const reset = () => setPage(1);
  return (
    <>
      <Space wrap className="block-gap-bottom">
        <YearSelect value={year} onChange={(value) => (setYear(value ?? dayjs().year()), reset())} testId="followup-year" />
        <Select
          allowClear
          placeholder={t('followup.filters.allStatuses')}
          value={status}
          onChange={(value) => (setStatus(value), reset())}
          options={STATUSES.map((value) => ({ value, label: t(`followup.status.${value}`) }))}
          className="filter-select"
          aria-label={t('followup.fields.status')}
        />
        <Select
          allowClear
          placeholder={t('followup.filters.stale')}
          value={staleMonths}
          onChange={(value) => (setStaleMonths(value), reset())}
          options={[2, 3, 6].map((months) => ({ value: months, label: t('followup.filters.staleFor', { months }) }))}
          className="filter-select"
          aria-label={t('followup.filters.stale')}
          data-testid="followup-stale"
        />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('followup.filters.search')}
          value={text}
          onChange={(event) => (setText(event.target.value), reset())}
          aria-label={t('followup.filters.search')}
        />
        <DownloadButton
          path="/api/exports/register-book"
          params={{ unitId: actingUnit.id, year, format: 'xlsx' }}
          fileName={t('followup.book.file', { year, ext: 'xlsx' })}
          icon={<FileExcelOutlined />}
          data-testid="book-xlsx"
        >
          {t('followup.book.excel')}
        </DownloadButton>
        <DownloadButton
          path="/api/exports/register-book"
          params={{ unitId: actingUnit.id, year, format: 'docx' }}
          fileName={t('followup.book.file', { year, ext: 'docx' })}
          icon={<FileWordOutlined />}
          data-testid="book-docx"
        >
          {t('followup.book.word')}
        </DownloadButton>
        {canRemind ? (
          <Button icon={<NotificationOutlined />} onClick={sendReminders} loading={remind.isPending} data-testid="remind-now">
            {t('followup.remind.ok')}
          </Button>
        ) : null}
      </Space>
      {staleMonths ? (
        <Tag color="orange" className="block-gap-bottom">
          {t('followup.filters.staleHint', { months: staleMonths })}
        </Tag>
      ) : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card>
        <Table<FollowupRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          data-testid="followup-table"
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (nextPage, nextSize) => (setPage(nextPage), setPageSize(nextSize)),
          }}
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : (
              <Empty description={staleMonths ? t('followup.emptyStale') : t('followup.empty', { year })} />
            ),
          }}
        />
      </Card>
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} size="large" title={t('followup.detailTitle')} destroyOnHidden>
        {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
        {detail.isPending ? <Skeleton active /> : null}
        {detail.data ? <RegistrationView registration={detail.data} /> : null}
      </Drawer>
    </>
  );
}
