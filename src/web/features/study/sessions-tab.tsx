import { FileExcelOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType, SorterResult, SortOrder } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { SESSION_KINDS } from '../../../shared/contracts/study';
import { AttendanceDrawer } from './attendance-drawer';
import { SessionDrawer } from './session-drawer';
import { SessionFormModal } from './session-form-modal';
import { type SessionKind, type SessionParams, type StudySession, useApplicableTopics, useSessions } from './study.api';
import { YearSelect } from './year-select';

type Sort = SessionParams['sort'];

export function SessionsTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const canWrite = useCan('study.write');
  // Attendance lists names: only those who may read the unit's people open it.
  const canSeePeople = useCan('people.read');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [kind, setKind] = useState<SessionKind | undefined>();
  const [year, setYear] = useState<number | undefined>(dayjs().year());
  const [topicId, setTopicId] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sorting, setSorting] = useState<{ sort: Sort; order: 'asc' | 'desc' }>({ sort: 'heldOn', order: 'desc' });
  const [openId, setOpenId] = useState<number | null>(null);
  const [attendanceId, setAttendanceId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const topics = useApplicableTopics(actingUnit.id, year ?? dayjs().year());
  const sessions = useSessions({ unitId: actingUnit.id, kind, year, topicId, q: q || undefined, page, pageSize, ...sorting });
  const rows = sessions.data?.items ?? [];
  const filtered = Boolean(q || kind || topicId);
  const orderFor = (column: Sort): SortOrder => (sorting.sort === column ? (sorting.order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: ColumnsType<StudySession> = [
    {
      title: t('study.fields.heldOn'),
      key: 'heldOn',
      width: 120,
      sorter: true,
      sortOrder: orderFor('heldOn'),
      render: (_v, row) => formatDate(row.heldOn),
    },
    {
      title: t('study.fields.title'),
      key: 'title',
      width: 260,
      sorter: true,
      sortOrder: orderFor('title'),
      render: (_v, row) => (
        <Button type="link" className="link-cell" onClick={() => setOpenId(row.id)}>
          {row.title}
        </Button>
      ),
    },
    {
      title: t('study.fields.kind'),
      key: 'kind',
      width: 190,
      render: (_v, row) => (
        <Space size={4} wrap>
          <Tag color={row.kind === 'cell_meeting' ? 'blue' : 'red'}>{t(`study.kinds.${row.kind}`)}</Tag>
          {row.hasCampaignItem ? <Tag color="gold">{t('study.campaignTag')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('study.fields.topic'), key: 'topic', width: 260, ellipsis: true, render: (_v, row) => row.topic?.title ?? '—' },
    {
      title: t('study.fields.unit'),
      key: 'unit',
      width: 200,
      sorter: true,
      sortOrder: orderFor('unit'),
      render: (_v, row) => row.unit.name,
    },
    {
      title: t('study.fields.attendance'),
      key: 'attendance',
      width: 170,
      render: (_v, row) => {
        const recorded = row.attendance.present + row.attendance.absentExcused + row.attendance.absent;
        if (recorded === 0 && row.kind === 'cell_meeting') return '—';
        return recorded === 0 ? (
          <Tag>{t('study.noAttendance')}</Tag>
        ) : (
          t('study.attendanceSummary', { present: formatNumber(row.attendance.present), total: formatNumber(recorded) })
        );
      },
    },
    ...(canSeePeople
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_v: unknown, row: StudySession) => (
              <Button size="small" onClick={() => setAttendanceId(row.id)} data-testid={`session-attendance-${row.id}`}>
                {t('study.actions.attendance')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card>
      <div className="filters" role="search">
        <Input
          value={text}
          prefix={<SearchOutlined aria-hidden />}
          onChange={(event) => {
            setText(event.target.value);
            setPage(1);
          }}
          allowClear
          placeholder={t('study.searchPlaceholder')}
          aria-label={t('study.searchPlaceholder')}
          className="filter-search"
          data-testid="sessions-search"
        />
        <Select<SessionKind>
          value={kind}
          onChange={(value) => {
            setKind(value ?? undefined);
            setPage(1);
          }}
          allowClear
          placeholder={t('study.allKinds')}
          aria-label={t('study.fields.kind')}
          options={SESSION_KINDS.map((value) => ({ value, label: t(`study.kinds.${value}`) }))}
          className="filter-select"
          data-testid="sessions-kind"
        />
        <YearSelect
          value={year}
          allowClear
          onChange={(value) => {
            setYear(value);
            setTopicId(undefined);
            setPage(1);
          }}
          testId="sessions-year"
        />
        <Select<number>
          value={topicId}
          onChange={(value) => {
            setTopicId(value ?? undefined);
            setPage(1);
          }}
          allowClear
          placeholder={t('study.allTopics')}
          aria-label={t('study.fields.topic')}
          options={(topics.data ?? []).map((topic) => ({ value: topic.id, label: topic.title }))}
          className="filter-select"
          popupMatchSelectWidth={false}
        />
        <DownloadButton
          path="/api/exports/study-sessions"
          params={{ unitId: actingUnit.id, kind, year, topicId, q: q || undefined, ...sorting }}
          fileName={t('study.exportFile')}
          icon={<FileExcelOutlined />}
          data-testid="sessions-export"
        >
          {t('common.exportExcel')}
        </DownloadButton>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="session-add">
            {t('study.actions.add')}
          </Button>
        ) : null}
      </div>
      {sessions.isError ? <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} compact /> : null}
      <Table<StudySession>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={sessions.isFetching}
        data-testid="sessions-table"
        scroll={{ x: 1330 }}
        showSorterTooltip={false}
        locale={{
          emptyText: sessions.isPending ? (
            ' '
          ) : (
            <Empty description={filtered ? t('study.emptyFiltered') : t('study.empty', { unit: actingUnit.name })} />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: sessions.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('study.total', { formatted: formatNumber(total) }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<StudySession> | undefined;
          const key = single?.columnKey;
          if (single?.order && (key === 'heldOn' || key === 'title' || key === 'unit')) {
            setSorting({ sort: key, order: single.order === 'ascend' ? 'asc' : 'desc' });
          } else {
            setSorting({ sort: 'heldOn', order: 'desc' });
          }
          if (pagination.pageSize && pagination.pageSize !== pageSize) {
            setPageSize(pagination.pageSize);
            setPage(1);
          } else {
            setPage(pagination.current ?? 1);
          }
        }}
      />
      <SessionDrawer sessionId={openId} onClose={() => setOpenId(null)} onAttendance={(id) => setAttendanceId(id)} />
      <AttendanceDrawer sessionId={attendanceId} onClose={() => setAttendanceId(null)} />
      {creating ? (
        <SessionFormModal
          session={null}
          defaultUnit={{ value: actingUnit.id, label: actingUnit.name }}
          onClose={() => setCreating(false)}
          onDone={(session) => {
            setCreating(false);
            // A study session is followed straight away by its attendance: the usual next step.
            if (session.kind === 'cell_meeting') setOpenId(session.id);
            else setAttendanceId(session.id);
          }}
        />
      ) : null}
    </Card>
  );
}
