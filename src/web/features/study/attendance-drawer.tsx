import { CheckOutlined, FileExcelOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, Input, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/download-button';
import { MutationErrorAlert } from '../../components/form-bits';
import { QueryError } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { foldVietnamese } from '../../../shared/text';
import { ATTENDANCE_STATUSES } from '../../../shared/contracts/study';
import { AttendanceImportModal } from './attendance-import-modal';
import './study.css';
import { MakeUpModal } from './make-up-modal';
import { type Attendance, type AttendanceStatus, type RosterEntry, useAttendance, useSaveAttendance } from './study.api';

type Mark = { status: AttendanceStatus; reason: string };

export function AttendanceDrawer({ sessionId, onClose }: { sessionId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const attendance = useAttendance(sessionId);
  return (
    <Drawer
      open={sessionId !== null}
      onClose={onClose}
      size={isPhone ? 'default' : 980}
      title={attendance.data ? t('study.attendance.title', { title: attendance.data.session.title }) : t('study.actions.attendance')}
      destroyOnHidden
    >
      {attendance.isError ? <QueryError error={attendance.error} onRetry={() => void attendance.refetch()} compact /> : null}
      {attendance.isPending && sessionId !== null ? <Spin /> : null}
      {/* Keyed by session only: a refetch after saving must not remount the editor while its save finishes. */}
      {attendance.data ? (
        <AttendanceEditor key={attendance.data.session.id} data={attendance.data} isPhone={isPhone} onSaved={onClose} />
      ) : null}
    </Drawer>
  );
}

/**
 * One screen for a whole cell: everyone starts as present (or as recorded), the secretary marks the
 * exceptions with one tap per row and types a reason for an excused absence.
 */
function AttendanceEditor({ data, isPhone, onSaved }: { data: Attendance; isPhone: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session, canWrite } = data;
  const save = useSaveAttendance(session.id);
  const [marks, setMarks] = useState<Map<number, Mark>>(
    () => new Map(data.rows.map((row) => [row.personId, { status: row.status ?? 'present', reason: row.reason ?? '' }])),
  );
  const [filter, setFilter] = useState('');
  const [importing, setImporting] = useState(false);
  const [makeUpFor, setMakeUpFor] = useState<RosterEntry | null>(null);
  const isStudy = session.kind !== 'cell_meeting';
  const unrecorded = data.rows.every((row) => row.status === null);

  const visible = useMemo(() => {
    const folded = foldVietnamese(filter.trim());
    return folded ? data.rows.filter((row) => foldVietnamese(row.fullName).includes(folded)) : data.rows;
  }, [data.rows, filter]);
  const counts = { present: 0, absent_excused: 0, absent: 0 } as Record<AttendanceStatus, number>;
  for (const mark of marks.values()) counts[mark.status] += 1;
  const missingReason = [...marks.values()].some((mark) => mark.status === 'absent_excused' && !mark.reason.trim());

  const setMark = (personId: number, change: Partial<Mark>) =>
    setMarks((current) => {
      const next = new Map(current);
      next.set(personId, { ...(current.get(personId) ?? { status: 'present', reason: '' }), ...change });
      return next;
    });

  // The promise form: its continuation runs even if a refetch re-renders the screen meanwhile.
  const submit = () => {
    save
      .mutateAsync({
        version: session.version,
        rows: [...marks.entries()].map(([personId, mark]) => ({
          personId,
          status: mark.status,
          reason: mark.status === 'present' ? null : mark.reason.trim() || null,
        })),
      })
      .then(
        () => {
          void message.success(t('study.attendance.saved'));
          onSaved();
        },
        () => undefined, // shown by the alert above the table
      );
  };

  const renderStatus = (row: RosterEntry) => {
    const mark = marks.get(row.personId) ?? { status: 'present', reason: '' };
    return (
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Segmented<AttendanceStatus>
          className={`attendance-segmented status-${mark.status}`}
          value={mark.status}
          disabled={!canWrite}
          onChange={(status) => setMark(row.personId, { status })}
          options={ATTENDANCE_STATUSES.map((status) => ({ value: status, label: t(`study.statuses.${status}`) }))}
          data-testid={`attendance-status-${row.personId}`}
        />
        {mark.status === 'absent_excused' ? (
          <Input
            value={mark.reason}
            disabled={!canWrite}
            maxLength={300}
            status={mark.reason.trim() ? undefined : 'error'}
            placeholder={t('study.attendance.reasonPlaceholder')}
            aria-label={t('study.attendance.reason')}
            onChange={(event) => setMark(row.personId, { reason: event.target.value })}
            data-testid={`attendance-reason-${row.personId}`}
          />
        ) : null}
      </Space>
    );
  };

  const columns: ColumnsType<RosterEntry> = [
    { title: '#', key: 'index', width: 52, render: (_v, _row, index) => index + 1 },
    {
      title: t('study.attendance.person'),
      key: 'name',
      render: (_v, row) => (
        <div className="compact-row">
          <span className="compact-row-title">{row.fullName}</span>
          <span className="compact-row-line">
            {[row.cardNumber, row.unitName].filter(Boolean).join(' · ')}
            {row.isMember ? null : <Tag className="study-inline-gap">{t('study.attendance.leftUnit')}</Tag>}
          </span>
        </div>
      ),
    },
    {
      title: t('study.attendance.status'),
      key: 'status',
      width: 380,
      render: (_v, row) => renderStatus(row),
    },
    ...(isStudy
      ? [
          {
            title: t('study.attendance.makeUp'),
            key: 'makeUp',
            width: 150,
            render: (_v: unknown, row: RosterEntry) => {
              if (row.madeUpOn) {
                return canWrite ? (
                  <Button type="link" className="link-cell" onClick={() => setMakeUpFor(row)}>
                    {formatDate(row.madeUpOn)}
                  </Button>
                ) : (
                  formatDate(row.madeUpOn)
                );
              }
              // A make-up is for someone recorded as absent; unsaved marks must be saved first.
              return canWrite && row.status !== null && row.status !== 'present' ? (
                <Button size="small" onClick={() => setMakeUpFor(row)} data-testid={`attendance-make-up-${row.personId}`}>
                  {t('study.actions.makeUp')}
                </Button>
              ) : (
                '—'
              );
            },
          },
        ]
      : []),
  ];

  // On a phone the name and the choice stack in one column, so nothing scrolls sideways.
  const phoneColumns: ColumnsType<RosterEntry> = [
    {
      title: t('study.attendance.person'),
      key: 'name',
      render: (_v, row) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <span className="compact-row-title">{row.fullName}</span>
          {renderStatus(row)}
          {row.madeUpOn ? (
            <Typography.Text type="secondary">{t('study.attendance.madeUpOn', { date: formatDate(row.madeUpOn) })}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('study.attendance.intro', { unit: session.unit.name, date: formatDate(session.heldOn) })}
      </Typography.Paragraph>
      {unrecorded && canWrite ? (
        <Alert type="info" showIcon title={t('study.attendance.defaultPresent')} className="block-gap-bottom" />
      ) : null}
      <MutationErrorAlert error={save.error} />
      <div className="filters">
        <Space wrap>
          <Tag color="green" data-testid="attendance-count-present">
            {t('study.attendance.countPresent', { formatted: formatNumber(counts.present) })}
          </Tag>
          <Tag color="orange">{t('study.attendance.countExcused', { formatted: formatNumber(counts.absent_excused) })}</Tag>
          <Tag color="red">{t('study.attendance.countAbsent', { formatted: formatNumber(counts.absent) })}</Tag>
        </Space>
      </div>
      <div className="filters">
        <Input
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          prefix={<SearchOutlined aria-hidden />}
          allowClear
          placeholder={t('study.attendance.findPerson')}
          aria-label={t('study.attendance.findPerson')}
          className="filter-search"
        />
        {canWrite ? (
          <Space wrap>
            <Button
              icon={<CheckOutlined />}
              onClick={() => setMarks(new Map(data.rows.map((row) => [row.personId, { status: 'present', reason: '' }])))}
              data-testid="attendance-all-present"
            >
              {t('study.attendance.allPresent')}
            </Button>
            <DownloadButton
              type="default"
              icon={<FileExcelOutlined />}
              path={`/api/study-sessions/${session.id}/attendance/template`}
              fileName={t('study.attendance.templateFile')}
              data-testid="attendance-template"
            >
              {t('study.attendance.template')}
            </DownloadButton>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="attendance-import">
              {t('common.importExcel')}
            </Button>
          </Space>
        ) : null}
      </div>
      <Table<RosterEntry>
        rowKey="personId"
        size="small"
        columns={isPhone ? phoneColumns : columns}
        dataSource={visible}
        data-testid="attendance-table"
        pagination={visible.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={isPhone ? undefined : { x: 720 }}
        locale={{ emptyText: <Empty description={t('study.attendance.empty')} /> }}
      />
      {canWrite ? (
        <div className="study-save-bar">
          <Button
            type="primary"
            size="large"
            loading={save.isPending}
            disabled={missingReason}
            onClick={submit}
            data-testid="attendance-save"
          >
            {t('study.attendance.save', { formatted: formatNumber(marks.size) })}
          </Button>
          {missingReason ? (
            <Typography.Text type="danger" className="study-inline-gap">
              {t('study.attendance.reasonMissing')}
            </Typography.Text>
          ) : null}
        </div>
      ) : null}
      {importing ? <AttendanceImportModal session={session} onClose={() => setImporting(false)} onApplied={onSaved} /> : null}
      {makeUpFor ? (
        <MakeUpModal
          sessionId={session.id}
          sessionTitle={session.title}
          heldOn={session.heldOn}
          person={{ id: makeUpFor.personId, name: makeUpFor.fullName, madeUpOn: makeUpFor.madeUpOn }}
          onClose={() => setMakeUpFor(null)}
        />
      ) : null}
    </>
  );
}
