import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Segmented, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { QueryError } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { MakeUpModal } from './make-up-modal';
import { type StudyStatusRow, useStudyStatus } from './study.api';
import { YearSelect } from './year-select';

type StatusFilter = 'not_studied' | 'studied' | 'all';

/** Per person: studied the year's topic or not yet; the list a secretary works through with make-ups. */
export function StudyStatusTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const canWrite = useCan('study.write');
  const [year, setYear] = useState(dayjs().year());
  const [status, setStatus] = useState<StatusFilter>('not_studied');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [makeUpFor, setMakeUpFor] = useState<StudyStatusRow | null>(null);
  const list = useStudyStatus({ unitId: actingUnit.id, year, status, q: q || undefined, page, pageSize });

  const columns: ColumnsType<StudyStatusRow> = [
    { title: t('study.attendance.person'), key: 'name', render: (_v, row) => row.fullName },
    { title: t('study.fields.unit'), key: 'unit', render: (_v, row) => row.unit.name },
    {
      title: t('study.status.column'),
      key: 'status',
      render: (_v, row) =>
        row.studiedOn ? (
          <span>
            <Tag color="green">{t('study.status.studied')}</Tag>
            {t('study.status.studiedAt', { date: formatDate(row.studiedOn), title: row.sessionTitle ?? '' })}
          </span>
        ) : (
          <Tag color="red">{t('study.status.notStudied')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_v, row) =>
        !row.studiedOn && canWrite && row.makeUpSession ? (
          <Button size="small" onClick={() => setMakeUpFor(row)} data-testid={`status-make-up-${row.personId}`}>
            {t('study.actions.makeUp')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card>
      <div className="filters" role="search">
        <YearSelect
          value={year}
          onChange={(value) => {
            setYear(value ?? dayjs().year());
            setPage(1);
          }}
          testId="status-year"
        />
        <Segmented<StatusFilter>
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={[
            { value: 'not_studied', label: t('study.status.notStudied') },
            { value: 'studied', label: t('study.status.studied') },
            { value: 'all', label: t('study.status.all') },
          ]}
          data-testid="status-filter"
        />
        <Input
          value={text}
          prefix={<SearchOutlined aria-hidden />}
          onChange={(event) => {
            setText(event.target.value);
            setPage(1);
          }}
          allowClear
          placeholder={t('study.attendance.findPerson')}
          aria-label={t('study.attendance.findPerson')}
          className="filter-search"
        />
      </div>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} compact /> : null}
      <Table<StudyStatusRow>
        rowKey="personId"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        data-testid="study-status-table"
        scroll={{ x: 800 }}
        locale={{
          emptyText: list.isPending ? (
            ' '
          ) : (
            <Empty description={status === 'not_studied' ? t('study.status.allStudied') : t('study.status.empty')} />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('study.status.total', { formatted: formatNumber(total) }),
          onChange: (nextPage, nextSize) => {
            setPage(nextSize !== pageSize ? 1 : nextPage);
            setPageSize(nextSize);
          },
        }}
      />
      {makeUpFor?.makeUpSession ? (
        <MakeUpModal
          sessionId={makeUpFor.makeUpSession.id}
          sessionTitle={makeUpFor.makeUpSession.title}
          person={{ id: makeUpFor.personId, name: makeUpFor.fullName }}
          onClose={() => setMakeUpFor(null)}
        />
      ) : null}
    </Card>
  );
}
