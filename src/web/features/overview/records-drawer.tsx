import { FileExcelOutlined } from '@ant-design/icons';
import { Drawer, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CampaignMetric, CampaignRecord } from '../../../shared/contracts/campaign-overview';
import { DownloadButton } from '../../components/download-button';
import { PagedTable, usePaging } from '../../components/list-page';
import { formatDate, formatNumber } from '../../lib/format';
import { StatusTag } from '../registrations/registration-view';
import { useInspectionLabels } from '../inspections/inspection-labels';
import { GradeTag } from '../grading/grading-labels';
import { type RecordsTarget, useCampaignRecords } from './overview.api';

/**
 * The people, registrations, units, inspections or remedies behind a number: as many rows as the number says, a page at a time,
 * with the whole list one click away in Excel. For a rate, what it counts and what it divides by.
 */
export function RecordsDrawer({
  target,
  metric,
  year,
  onChangePart,
  onClose,
}: {
  target: RecordsTarget | null;
  metric: CampaignMetric | undefined;
  year: number;
  onChangePart: (part: RecordsTarget['part']) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const paging = usePaging(20);
  const query = useCampaignRecords(target, year, paging.page, paging.pageSize);
  const answer = query.data;
  const people = target?.part === 'denominator' ? metric?.records?.denominator : metric?.records?.numerator;
  const labels = useInspectionLabels();
  const kind = answer?.items[0]?.kind ?? 'member';
  const detailOf = (row: CampaignRecord) => {
    if (row.kind === 'registration') return <StatusTag status={row.status} />;
    if (row.kind === 'report') return row.day ? formatDate(row.day) : t('overview.records.notSubmitted');
    if (row.kind === 'graded') return <GradeTag grade={row.status} full />;
    if (row.kind === 'remedy') {
      return (
        <Space size={4} wrap>
          <Tag>{labels.remedyStatus(row.status)}</Tag>
          {t('overview.records.due', { date: formatDate(row.day) })}
        </Space>
      );
    }
    return formatDate(row.day);
  };
  const columns: ColumnsType<CampaignRecord> = [
    {
      title: t('overview.records.index'),
      key: 'index',
      width: 70,
      render: (_value, _row, index) => formatNumber((paging.page - 1) * paging.pageSize + index + 1),
    },
    { title: t(`overview.records.columns.${kind}.name`), key: 'name', render: (_value, row) => row.name },
    { title: t(`overview.records.columns.${kind}.unit`), key: 'unit', render: (_value, row) => row.unitName },
    { title: t(`overview.records.columns.${kind}.detail`), key: 'detail', width: 200, render: (_value, row) => detailOf(row) },
  ];
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      width={860}
      destroyOnHidden
      title={target && metric ? `${t(`overview.metrics.${metric.key}`)} — ${target.unit.name}` : ''}
      data-testid="overview-records"
    >
      {target && metric?.records ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap className="overview-records-bar">
            {metric.records.denominator ? (
              <Segmented
                value={target.part}
                onChange={(part) => {
                  paging.setPage(1);
                  onChangePart(part as RecordsTarget['part']);
                }}
                options={[
                  { value: 'numerator', label: metric.records.numerator },
                  { value: 'denominator', label: metric.records.denominator },
                ]}
                data-testid="overview-records-part"
              />
            ) : null}
            <DownloadButton
              path="/api/exports/campaign-overview/records"
              params={{ unitId: target.unit.id, year, metric: target.metric, part: target.part }}
              fileName={t('overview.records.exportFile', { year })}
              icon={<FileExcelOutlined />}
              data-testid="overview-records-export"
            >
              {t('common.exportExcel')}
            </DownloadButton>
          </Space>
          <Typography.Text data-testid="overview-records-total">
            {answer
              ? t('overview.records.total', {
                  what: people,
                  count: answer.total,
                  total: formatNumber(answer.total),
                  date: formatDate(answer.asOf),
                })
              : ' '}
          </Typography.Text>
          <PagedTable<CampaignRecord>
            rowKey={(row) => `${row.kind}-${row.id}`}
            query={query}
            paging={paging}
            columns={columns}
            emptyText={t('overview.records.empty')}
            totalText={(total) => t('overview.records.rows', { total: formatNumber(total) })}
            data-testid="overview-records-table"
          />
        </Space>
      ) : null}
    </Drawer>
  );
}
