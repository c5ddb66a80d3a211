import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { FilterBar, PagedTable, SearchFilter, useListFilter, usePaging, useServerSort } from '../../components/list-page';
import { formatDate, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { SESSION_KINDS } from '../../../shared/contracts/study';
import { AttendanceDrawer } from './attendance-drawer';
import { SessionDrawer } from './session-drawer';
import { SessionFormModal } from './session-form-modal';
import { type SessionKind, type SessionParams, type StudySession, useApplicableTopics, useSessions } from './study.api';
import { YearSelect } from './year-select';

/** The columns the server sorts sessions by. */
const SESSION_SORT_KEYS = ['heldOn', 'title', 'unit'] as const satisfies ReadonlyArray<SessionParams['sort']>;

export function SessionsTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const canWrite = useCan('study.write');
  // Attendance lists names: only those who may read the unit's people open it.
  const canSeePeople = useCan('people.read');
  const paging = usePaging();
  const [text, setText] = useListFilter(paging, '');
  const q = useDebouncedValue(text.trim(), 350);
  const [kind, setKind] = useListFilter<SessionKind | undefined>(paging, undefined);
  const [year, setYear] = useListFilter<number | undefined>(paging, dayjs().year());
  const [topicId, setTopicId] = useListFilter<number | undefined>(paging, undefined);
  const { page, pageSize } = paging;
  const { sorting, orderFor, onSort } = useServerSort(SESSION_SORT_KEYS, { sort: 'heldOn', order: 'desc' });
  const [openId, setOpenId] = useState<number | null>(null);
  const [attendanceId, setAttendanceId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const topics = useApplicableTopics(actingUnit.id, year ?? dayjs().year());
  const sessions = useSessions({ unitId: actingUnit.id, kind, year, topicId, q: q || undefined, page, pageSize, ...sorting });
  const filtered = Boolean(q || kind || topicId);

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
      <FilterBar>
        <SearchFilter value={text} onChange={setText} placeholder={t('study.searchPlaceholder')} data-testid="sessions-search" />
        <Select<SessionKind>
          value={kind}
          onChange={(value) => setKind(value ?? undefined)}
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
          }}
          testId="sessions-year"
        />
        <Select<number>
          value={topicId}
          onChange={(value) => setTopicId(value ?? undefined)}
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
      </FilterBar>
      <PagedTable<StudySession>
        query={sessions}
        paging={paging}
        columns={columns}
        data-testid="sessions-table"
        scroll={{ x: 1330 }}
        emptyText={filtered ? t('study.emptyFiltered') : t('study.empty', { unit: actingUnit.name })}
        totalText={(total) => t('study.total', { formatted: formatNumber(total) })}
        onSort={onSort}
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
