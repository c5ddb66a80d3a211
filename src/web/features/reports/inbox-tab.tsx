import { Button, Card } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { ChoiceFilter, FilterBar, PagedTable, useListFilter, usePaging } from '../../components/list-page';
import { formatDate } from '../../lib/format';
import { DISPLAY_STATUSES } from '../../../shared/contracts/reports';
import { type DisplayStatus, type ReportInboxItem, useInbox } from './reports.api';
import { AnswerStatusTag } from './report-tags';
import { AnswerDrawer } from './answer-drawer';

/** The reports the acting unit and the units below it must send up. */
export function InboxTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const paging = usePaging();
  const [status, setStatus] = useListFilter<DisplayStatus | undefined>(paging, undefined);
  const { page, pageSize } = paging;
  const [openId, setOpenId] = useState<number | null>(null);
  const query = useInbox({ unitId: actingUnit.id, status, page, pageSize });

  const columns: ColumnsType<ReportInboxItem> = [
    {
      title: t('reports.fields.title'),
      width: 340,
      render: (_, row) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setOpenId(row.id)}
          data-testid={`report-inbox-${row.id}`}
        >
          {row.title}
        </Button>
      ),
    },
    { title: t('reports.fields.unit'), width: 200, render: (_, row) => row.unit.name },
    { title: t('reports.fields.requester'), dataIndex: 'requesterName', width: 180 },
    { title: t('reports.fields.period'), width: 190, render: (_, row) => `${formatDate(row.periodFrom)} – ${formatDate(row.periodTo)}` },
    { title: t('reports.fields.deadline'), dataIndex: 'deadline', width: 110, render: formatDate },
    { title: t('reports.fields.status'), width: 140, render: (_, row) => <AnswerStatusTag status={row.displayStatus} /> },
  ];
  return (
    <Card title={t('reports.inbox.title')}>
      <FilterBar>
        <ChoiceFilter
          value={status}
          onChange={setStatus}
          placeholder={t('reports.allStatuses')}
          options={DISPLAY_STATUSES.map((value) => ({ value, label: t(`reports.status.${value}`) }))}
        />
      </FilterBar>
      <PagedTable
        query={query}
        paging={paging}
        columns={columns}
        scroll={{ x: 1000 }}
        emptyText={status ? t('reports.inbox.emptyFiltered') : t('reports.inbox.empty', { unit: actingUnit.name })}
        data-testid="report-inbox-table"
      />
      <AnswerDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
