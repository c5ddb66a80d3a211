import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { ChoiceFilter, FilterBar, PagedTable, SearchFilter, useListFilter, usePaging } from '../../components/list-page';
import { formatDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { REPORT_KINDS } from '../../../shared/contracts/reports';
import { type ReportKind, type ReportRequestItem, useRequests } from './reports.api';
import { RequestFormModal } from './request-form-modal';
import { RequestDrawer } from './request-drawer';
import { formatRate } from './report-tags';

export function RequestsTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const paging = usePaging();
  const [text, setText] = useListFilter(paging, '');
  const q = useDebouncedValue(text.trim(), 350);
  const [kind, setKind] = useListFilter<ReportKind | undefined>(paging, undefined);
  const { page, pageSize } = paging;
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const query = useRequests({ unitId: actingUnit.id, q: q || undefined, kind, page, pageSize });

  const columns: ColumnsType<ReportRequestItem> = [
    {
      title: t('reports.fields.title'),
      dataIndex: 'title',
      width: 340,
      render: (title: string, row) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setOpenId(row.id)}
          data-testid={`report-request-${row.id}`}
        >
          {title}
        </Button>
      ),
    },
    { title: t('reports.fields.kind'), dataIndex: 'kind', width: 190, render: (value: ReportKind) => t(`reports.kinds.${value}`) },
    { title: t('reports.fields.requester'), dataIndex: 'unitName', width: 200 },
    { title: t('reports.fields.period'), width: 190, render: (_, row) => `${formatDate(row.periodFrom)} – ${formatDate(row.periodTo)}` },
    { title: t('reports.fields.deadline'), dataIndex: 'deadline', width: 110, render: formatDate },
    {
      title: t('reports.fields.reportingRate'),
      width: 170,
      render: (_, row) => (
        <Space direction="vertical" size={0} style={{ width: '100%' }}>
          <Progress percent={Math.round((row.reportingRate ?? 0) * 100)} size="small" format={() => `${row.submitted}/${row.expected}`} />
          <span style={{ fontSize: 12 }}>{t('reports.onTimeShort', { rate: formatRate(row.onTimeRate) })}</span>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('reports.requests.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="report-request-create">
          {t('reports.requests.create')}
        </Button>
      }
    >
      <FilterBar>
        <SearchFilter value={text} onChange={setText} placeholder={t('reports.requests.search')} />
        <ChoiceFilter
          value={kind}
          onChange={setKind}
          placeholder={t('reports.allKinds')}
          wide
          options={REPORT_KINDS.map((value) => ({ value, label: t(`reports.kinds.${value}`) }))}
        />
      </FilterBar>
      <PagedTable
        query={query}
        paging={paging}
        columns={columns}
        scroll={{ x: 1000 }}
        emptyText={q || kind ? t('reports.requests.emptyFiltered') : t('reports.requests.empty', { unit: actingUnit.name })}
        data-testid="report-requests-table"
      />
      {creating && (
        <RequestFormModal
          actingUnit={actingUnit}
          onClose={(id) => {
            setCreating(false);
            if (id) setOpenId(id);
          }}
        />
      )}
      <RequestDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
