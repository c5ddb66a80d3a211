import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Space, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActingUnit } from '../../app/acting-unit';
import { paths } from '../../app/paths';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { GRADES } from '../../../shared/contracts/grading';
import { formatPercent } from '../dashboard/programme-figures.api';
import { gradingDownloads, useGradingFigures } from './grading.api';
import { type GradingChildRow, useGradingChildColumns, useGradingFigureHeader } from './grading-figure-columns';
import { useGradingLabels } from './grading-labels';

/** The dashboard's grading block: the members of the subtree by decided grade, then each child unit. */
export function GradingFiguresCard({ actingUnit, year }: { actingUnit: ActingUnit; year: number }) {
  const { t } = useTranslation();
  const labels = useGradingLabels();
  const canRead = useCan('grading.read');
  const answer = useGradingFigures(actingUnit.id, year, canRead);
  const data = answer.data;
  const header = useGradingFigureHeader(data?.definitions);
  const columns = useGradingChildColumns(data?.definitions);
  const download = gradingDownloads.figures(actingUnit.id, year);
  // The grades are the grading readers' to see (the server refuses the others): no card for them.
  if (!canRead) return null;
  return (
    <Card
      title={t('grading.figures.dashboardTitle', { year })}
      className="study-gap-top"
      data-testid="grading-figures-card"
      extra={
        <Space wrap>
          <Link to={paths.grading}>{t('grading.figures.openPage')}</Link>
          <DownloadButton
            path={download.path}
            params={download.params}
            fileName={t('grading.files.figures', { unit: actingUnit.name, year })}
            icon={<FileExcelOutlined />}
            data-testid="dashboard-grading-export"
          >
            {t('common.exportExcel')}
          </DownloadButton>
        </Space>
      }
    >
      {answer.isError ? <QueryError compact error={answer.error} onRetry={() => void answer.refetch()} /> : null}
      {data?.figures.capExceeded ? (
        <Alert type="warning" showIcon className="block-gap-bottom" title={t('grading.figures.capExceeded')} />
      ) : null}
      {data ? (
        <Space size="large" wrap className="block-gap-bottom">
          <Statistic
            title={header(t('grading.figures.membersDecided'), 'membersDecided')}
            value={formatNumber(data.figures.membersDecided)}
            suffix={`/ ${formatNumber(data.figures.partyMembers)}`}
          />
          {GRADES.map((grade) => (
            <Statistic
              key={grade}
              title={header(labels.grade(grade), 'members')}
              value={formatNumber(data.figures.members[grade])}
              suffix={data.figures.memberShares[grade] !== null ? `(${formatPercent(data.figures.memberShares[grade])})` : undefined}
              formatter={(raw) => <span data-testid={`dashboard-grading-${grade}`}>{String(raw)}</span>}
            />
          ))}
        </Space>
      ) : null}
      <Table<GradingChildRow>
        size="middle"
        rowKey={(row) => row.unit.id}
        columns={columns}
        dataSource={data?.children ?? []}
        loading={answer.isFetching}
        pagination={(data?.children.length ?? 0) > 30 ? { pageSize: 30, showSizeChanger: false } : false}
        scroll={{ x: 1100 }}
        showSorterTooltip={false}
        data-testid="dashboard-grading-children"
        locale={{ emptyText: answer.isPending ? ' ' : <Empty description={t('grading.figures.noChildren')} /> }}
      />
    </Card>
  );
}
