import { BookOutlined, CheckOutlined, SearchOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Empty, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { REGISTRATION_STATUSES } from '../../../shared/contracts/registration-status';
import { AppraisalDrawer } from './appraisal-drawer';
import { OnBehalfModal } from './on-behalf-modal';
import { RegisterBookModal } from './register-book-modal';
import { RegistrationForm } from './registration-form';
import { SimilarityTag, StatusTag } from './registration-view';
import {
  type RegistrationStatus,
  type RegistrationSummary,
  useApplicableWindow,
  useBulkApprove,
  useCreateCollective,
  useLeadersMissing,
  useRegistrations,
} from './registrations.api';
import { RegistrationYearPicker } from './year-picker';

/** The appraiser's list of the acting unit's registrations: collective first, then leaders, with near-duplicates flagged. */
export function AppraisalTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canAppraise = useCan('registrations.appraise');
  const [year, setYear] = useState(dayjs().year());
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [status, setStatus] = useState<RegistrationStatus | undefined>();
  const [kind, setKind] = useState<'individual' | 'collective' | undefined>();
  const [similarOnly, setSimilarOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [selected, setSelected] = useState<RegistrationSummary[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [collectiveOpen, setCollectiveOpen] = useState(false);
  const [bookOpen, setBookOpen] = useState(false);
  const [onBehalfOpen, setOnBehalfOpen] = useState(false);
  const list = useRegistrations({
    year,
    unitId: actingUnit.id,
    status,
    kind,
    q: q || undefined,
    similarOnly: similarOnly || undefined,
    page,
    pageSize,
  });
  const leaders = useLeadersMissing(actingUnit.id, year, true);
  const applicable = useApplicableWindow(actingUnit.id, year);
  const bulk = useBulkApprove();
  const rows = list.data?.items ?? [];
  const threshold = list.data?.threshold ?? 0.6;
  const filtered = Boolean(q || status || kind || similarOnly);

  const approveSelected = () => {
    Modal.confirm({
      title: t('registrations.list.bulkConfirm', { count: selected.length }),
      okText: t('registrations.transitions.approve'),
      cancelText: t('common.cancel'),
      onOk: () =>
        bulk.mutateAsync(selected.map((row) => ({ id: row.id, version: row.version }))).then(
          (result) => {
            void message.success(t('registrations.list.bulkDone', { approved: result.approved.length }));
            if (result.failed.length > 0) void message.warning(t('registrations.list.bulkFailed', { count: result.failed.length }));
            setSelected([]);
          },
          (error: unknown) => void message.error(describeError(error, t)),
        ),
    });
  };

  const columns: ColumnsType<RegistrationSummary> = [
    {
      title: t('registrations.list.registrant'),
      key: 'registrant',
      width: 260,
      render: (_v, row) => (
        <Space direction="vertical" size={0}>
          <Button type="link" className="link-cell" onClick={() => setOpenId(row.id)} data-testid={`registration-row-${row.id}`}>
            {row.personName ?? t('registrations.list.collectiveName', { unit: row.unitName })}
          </Button>
          <Space size={4} wrap>
            {row.kind === 'collective' ? <Tag color="blue">{t('registrations.kinds.collective')}</Tag> : null}
            {row.isLeader ? <Tag color="gold">{t('registrations.list.leaderTag')}</Tag> : null}
          </Space>
        </Space>
      ),
    },
    { title: t('registrations.list.unit'), key: 'unit', width: 200, ellipsis: true, render: (_v, row) => row.unitName },
    { title: t('registrations.list.status'), key: 'status', width: 190, render: (_v, row) => <StatusTag status={row.status} /> },
    {
      title: t('registrations.list.actions'),
      key: 'actions',
      width: 110,
      align: 'right',
      render: (_v, row) => formatNumber(row.actionCount),
    },
    { title: t('registrations.list.submittedAt'), key: 'submittedAt', width: 120, render: (_v, row) => formatDate(row.submittedAt) },
    {
      title: t('registrations.list.similarity'),
      key: 'similarity',
      width: 130,
      render: (_v, row) => <SimilarityTag value={row.maxSimilarity} />,
    },
  ];

  return (
    <>
      <Space wrap className="filter-bar block-gap-bottom">
        <RegistrationYearPicker
          value={year}
          onChange={(value) => {
            setYear(value);
            setPage(1);
            setSelected([]);
          }}
        />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPage(1);
          }}
          placeholder={t('registrations.list.searchPlaceholder')}
          aria-label={t('registrations.list.searchPlaceholder')}
          className="filter-search"
          data-testid="registrations-search"
        />
        <Select<RegistrationStatus>
          allowClear
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          placeholder={t('registrations.list.allStatuses')}
          aria-label={t('registrations.list.status')}
          options={REGISTRATION_STATUSES.map((value) => ({ value, label: t(`registrations.statuses.${value}`) }))}
          className="filter-select"
          data-testid="registrations-status-filter"
        />
        <Select<'individual' | 'collective'>
          allowClear
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
          placeholder={t('registrations.list.allKinds')}
          aria-label={t('registrations.list.allKinds')}
          options={(['individual', 'collective'] as const).map((value) => ({ value, label: t(`registrations.kinds.${value}`) }))}
          className="filter-select"
        />
        <Checkbox
          checked={similarOnly}
          onChange={(event) => {
            setSimilarOnly(event.target.checked);
            setPage(1);
          }}
          data-testid="registrations-similar-only"
        >
          {t('registrations.list.similarOnly')}
        </Checkbox>
        <DownloadButton
          path="/api/exports/registrations"
          params={{ year, unitId: actingUnit.id, status, kind, q: q || undefined, similarOnly: similarOnly || undefined }}
          fileName={`Đăng ký làm theo ${year} - ${actingUnit.name}.xlsx`}
          data-testid="registrations-export"
        >
          {t('registrations.list.export')}
        </DownloadButton>
        {canAppraise ? (
          <Button
            icon={<TeamOutlined />}
            onClick={() => setCollectiveOpen(true)}
            disabled={!applicable.data?.window}
            data-testid="registration-collective"
          >
            {t('registrations.list.collective')}
          </Button>
        ) : null}
        {canAppraise ? (
          <Button
            icon={<UserAddOutlined />}
            onClick={() => setOnBehalfOpen(true)}
            disabled={!applicable.data?.window}
            data-testid="registration-on-behalf"
          >
            {t('registrations.onBehalf.open')}
          </Button>
        ) : null}
        {canAppraise ? (
          <Button
            icon={<BookOutlined />}
            onClick={() => setBookOpen(true)}
            disabled={!applicable.data?.window}
            data-testid="register-book-open"
          >
            {t('registrations.book.open')}
          </Button>
        ) : null}
        {canAppraise ? (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={selected.length === 0}
            loading={bulk.isPending}
            onClick={approveSelected}
            data-testid="registrations-bulk-approve"
          >
            {t('registrations.list.bulkApprove', { count: selected.length })}
          </Button>
        ) : null}
      </Space>
      {leaders.data ? (
        leaders.data.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            className="block-gap-bottom"
            data-testid="leaders-missing"
            title={t('registrations.list.leadersMissing', { count: leaders.data.length })}
            description={
              <>
                <Typography.Paragraph type="secondary">{t('registrations.list.leadersMissingHint')}</Typography.Paragraph>
                <Typography.Text>
                  {leaders.data
                    .slice(0, 30)
                    .map((leader) => `${leader.fullName} (${leader.unitName})`)
                    .join('; ')}
                </Typography.Text>
              </>
            }
          />
        ) : (
          <Alert type="success" showIcon className="block-gap-bottom" title={t('registrations.list.leadersAllDone')} />
        )
      ) : null}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<RegistrationSummary>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1010 }}
          data-testid="registrations-table"
          rowSelection={
            canAppraise
              ? {
                  selectedRowKeys: selected.map((row) => row.id),
                  onChange: (_keys, chosen) => setSelected(chosen),
                  getCheckboxProps: (row) => ({
                    disabled: row.status !== 'submitted',
                    title: row.status !== 'submitted' ? t('registrations.list.onlySubmitted') : undefined,
                  }),
                }
              : undefined
          }
          locale={{
            emptyText: (
              <Empty
                description={
                  filtered ? t('registrations.list.emptyFiltered') : t('registrations.list.empty', { unit: actingUnit.name, year })
                }
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('registrations.list.total', { formatted: formatNumber(total) }),
            onChange: (nextPage, nextSize) => {
              setPage(nextPage);
              setPageSize(nextSize);
            },
          }}
        />
      )}
      <AppraisalDrawer id={openId} threshold={threshold} options={applicable.data?.options ?? null} onClose={() => setOpenId(null)} />
      {onBehalfOpen ? (
        <OnBehalfModal actingUnit={actingUnit} year={year} onClose={() => setOnBehalfOpen(false)} onCreated={(id) => setOpenId(id)} />
      ) : null}
      {bookOpen ? <RegisterBookModal actingUnit={actingUnit} year={year} onClose={() => setBookOpen(false)} /> : null}
      <CollectiveModal
        open={collectiveOpen}
        actingUnit={actingUnit}
        year={year}
        onClose={() => setCollectiveOpen(false)}
        onCreated={(id) => setOpenId(id)}
      />
    </>
  );
}

function CollectiveModal({
  open,
  actingUnit,
  year,
  onClose,
  onCreated,
}: {
  open: boolean;
  actingUnit: ActingUnit;
  year: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const applicable = useApplicableWindow(actingUnit.id, year);
  const create = useCreateCollective();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
      title={t('registrations.list.collectiveTitle', { unit: actingUnit.name, year })}
    >
      {applicable.data?.options ? (
        <RegistrationForm
          kind="collective"
          options={applicable.data.options}
          guidance={applicable.data.window?.guidance}
          pending={create.isPending}
          error={create.error}
          onCancel={onClose}
          draftKey={`registration.collective.${actingUnit.id}.${year}`}
          onSave={(content, submit) =>
            create.mutateAsync({ unitId: actingUnit.id, year, ...content, submit }).then((saved) => {
              void message.success(t('registrations.form.saved'));
              onClose();
              onCreated(saved.id);
            })
          }
        />
      ) : (
        <Empty description={t('registrations.windows.noApplicable', { unit: actingUnit.name, year })} />
      )}
    </Modal>
  );
}
