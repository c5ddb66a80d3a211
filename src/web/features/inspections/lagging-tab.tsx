import { FileExcelOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../shared/contracts/domain';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { LAGGING_REASONS } from '../../../shared/contracts/inspections';
import { type LaggingReasonCode, type LaggingUnit, laggingDownloads, useLaggingUnits } from './lagging.api';
import { useLaggingColumns } from './lagging-columns';
import { LaggingDefinitions } from './lagging-definitions';
import { LaggingHistoryDrawer } from './lagging-history-drawer';
import { LaggingRecordModal } from './lagging-record-modal';
import { LaggingThresholdsModal } from './lagging-thresholds-modal';
import { PlanInspectionModal } from './inspection-form-modal';

/** The kinds a level may assess across its whole subtree; without one, its direct subordinate units. */
const SCOPE_KINDS: UnitKind[] = ['commune_committee', 'bloc_committee', 'grassroots_committee', 'grassroots_cell', 'cell', 'agency'];
type Scope = 'children' | UnitKind;

/**
 * "Đơn vị chưa thực hiện nghiêm túc": the units below a level that miss a threshold this year, why
 * (each reason opening the records behind it), what was last done about them, and the handling:
 * record a reminder or a working session, put the unit into next year's inspection plan, read the
 * history. The server evaluates and refuses whoever may not handle; the buttons follow the session.
 */
export function LaggingTab({ unitId, year }: { unitId: number; year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canHandle = useCan('inspections.handle');
  const canPlan = useCan('inspections.conduct');
  const isPhone = useIsPhone();
  const [scope, setScope] = useState<Scope>('children');
  const [reason, setReason] = useState<LaggingReasonCode | undefined>();
  const [includeRecovered, setIncludeRecovered] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [recording, setRecording] = useState<LaggingUnit | null>(null);
  const [planning, setPlanning] = useState<LaggingUnit | null>(null);
  const [history, setHistory] = useState<LaggingUnit | null>(null);
  const [editingThresholds, setEditingThresholds] = useState(false);
  const kind = scope === 'children' ? undefined : scope;
  const query = useLaggingUnits({ unitId, year, kind, reason, includeRecovered, page, pageSize });
  const answer = query.data;
  const download = laggingDownloads.units({ unitId, year, kind, reason, includeRecovered });
  const columns = useLaggingColumns({ canHandle, canPlan, onRecord: setRecording, onPlan: setPlanning, onHistory: setHistory });

  return (
    <Card data-testid="lagging-tab">
      <Typography.Paragraph type="secondary">{t('lagging.intro', { year })}</Typography.Paragraph>
      <div className="filters" role="search">
        <Select<Scope>
          value={scope}
          onChange={(value) => {
            setScope(value);
            setPage(1);
          }}
          aria-label={t('lagging.filters.scope')}
          className="filter-select-wide"
          options={[
            { value: 'children' as const, label: t('lagging.filters.children') },
            ...SCOPE_KINDS.map((value) => ({ value, label: t(`enums.unitKind.${value}`) })),
          ]}
          data-testid="lagging-kind"
        />
        <Select<LaggingReasonCode>
          allowClear
          value={reason}
          placeholder={t('lagging.filters.allReasons')}
          aria-label={t('lagging.filters.reason')}
          onChange={(value) => {
            setReason(value);
            setPage(1);
          }}
          className="filter-select-wide"
          options={LAGGING_REASONS.map((value) => ({ value, label: t(`lagging.reasons.${value}`) }))}
          data-testid="lagging-reason-filter"
        />
        <Checkbox
          checked={includeRecovered}
          onChange={(event) => {
            setIncludeRecovered(event.target.checked);
            setPage(1);
          }}
          data-testid="lagging-include-recovered"
        >
          {t('lagging.filters.includeRecovered')}
        </Checkbox>
      </div>
      <Space wrap className="block-gap-bottom">
        {canHandle ? (
          <Button icon={<SettingOutlined />} onClick={() => setEditingThresholds(true)} data-testid="lagging-thresholds">
            {t('lagging.actions.thresholds')}
          </Button>
        ) : null}
        <DownloadButton
          path={download.path}
          params={download.params}
          fileName={t('lagging.exportFile', { year })}
          icon={<FileExcelOutlined />}
          data-testid="lagging-export"
        >
          {t('common.exportExcel')}
        </DownloadButton>
      </Space>
      {answer ? (
        <>
          <Typography.Paragraph data-testid="lagging-summary">
            {t('lagging.summary', {
              evaluated: formatNumber(answer.evaluated),
              total: formatNumber(answer.total),
              date: formatDate(answer.asOf),
            })}{' '}
            <Tag>
              {answer.thresholdsFrom ? t('lagging.thresholdsFrom', { unit: answer.thresholdsFrom.name }) : t('lagging.thresholdsDefault')}
            </Tag>
          </Typography.Paragraph>
          <LaggingDefinitions answer={answer} />
        </>
      ) : null}
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<LaggingUnit>
          rowKey={(item) => item.unit.id}
          size="middle"
          loading={query.isFetching}
          columns={columns}
          dataSource={answer?.items ?? []}
          scroll={isPhone ? undefined : { x: 1000 }}
          onRow={(item) => ({ 'data-testid': `lagging-row-${item.unit.code}` }) as HTMLAttributes<HTMLElement>}
          locale={{
            emptyText: query.isPending ? (
              ' '
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={<span data-testid="lagging-empty">{reason ? t('lagging.emptyReason') : t('lagging.empty')}</span>}
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: answer?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: true,
            showTotal: (total) => t('lagging.total', { count: total }),
            onChange: (next, size) => {
              setPage(size === pageSize ? next : 1);
              setPageSize(size);
            },
          }}
          data-testid="lagging-table"
        />
      )}
      {recording ? <LaggingRecordModal byUnitId={unitId} year={year} item={recording} onClose={() => setRecording(null)} /> : null}
      {planning ? (
        <PlanInspectionModal
          open
          ownerUnitId={unitId}
          unitId={planning.unit.id}
          year={year + 1}
          fromLaggingYear={year}
          onClose={() => setPlanning(null)}
          onCreated={() => {
            void message.success(t('lagging.planned', { unit: planning.unit.name, year: year + 1 }));
            setPlanning(null);
          }}
        />
      ) : null}
      <LaggingHistoryDrawer item={history} onClose={() => setHistory(null)} />
      {editingThresholds ? <LaggingThresholdsModal unitId={unitId} onClose={() => setEditingThresholds(false)} /> : null}
    </Card>
  );
}
