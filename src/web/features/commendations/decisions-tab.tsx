import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { type DecisionListItem, useDecisions } from './commendations.api';
import { DecisionFormModal } from './decision-form-modal';
import { CommendationFormsModal } from './commendation-forms-modal';
import { useCurrentSession } from '../../app/session';

/** The commendation decisions of the subtree, newest first, each with its Party-format document. */
export function DecisionsTab({ actingUnit, canDecide }: { actingUnit: ActingUnit; canDecide: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [keepingForms, setKeepingForms] = useState(false);
  // The forms are shared by the whole tree: the server lets only a top-level administrator change them.
  const canKeepForms = useCurrentSession().grants.some((grant) => grant.role === 'admin' && !grant.unitPath.includes('.'));
  const query = useDecisions({ unitId: actingUnit.id, page, pageSize });

  const columns: ColumnsType<DecisionListItem> = [
    { title: t('commendations.decisions.number'), dataIndex: 'numberSymbol', width: 130 },
    { title: t('commendations.decisions.decidedOn'), dataIndex: 'decidedOn', width: 120, render: formatDate },
    { title: t('commendations.decisions.titleField'), dataIndex: 'title', width: 360 },
    { title: t('commendations.decisions.form'), width: 130, render: (_, row) => row.form.name },
    { title: t('commendations.decisions.issuingUnit'), width: 200, render: (_, row) => row.unit.name },
    { title: t('commendations.decisions.entries'), dataIndex: 'entries', width: 120, align: 'right', render: formatNumber },
    {
      title: '',
      width: 200,
      render: (_, row) => (
        <DownloadButton
          path={`/api/commendation-decisions/${row.id}/document`}
          fileName={`Quyết định ${row.numberSymbol.replace(/\//g, '-')}.docx`}
          icon={<FileWordOutlined />}
          type="link"
          data-testid={`decision-document-${row.id}`}
        >
          {t('commendations.decisions.document')}
        </DownloadButton>
      ),
    },
  ];

  return (
    <Card
      title={t('commendations.decisions.title')}
      extra={
        <Space wrap>
          {canKeepForms ? (
            <Button onClick={() => setKeepingForms(true)} data-testid="commendation-forms-open">
              {t('commendations.forms.manage')}
            </Button>
          ) : null}
          {canDecide ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="decision-create">
              {t('commendations.decisions.create')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          columns={columns}
          dataSource={query.data?.items ?? []}
          scroll={{ x: 1200 }}
          locale={{ emptyText: <Empty description={t('commendations.decisions.empty', { unit: actingUnit.name })} /> }}
          pagination={{
            current: page,
            pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (next, size) => {
              setPage(next);
              setPageSize(size);
            },
          }}
          data-testid="decisions-table"
        />
      )}
      {creating ? <DecisionFormModal actingUnit={actingUnit} onClose={() => setCreating(false)} /> : null}
      {keepingForms ? <CommendationFormsModal onClose={() => setKeepingForms(false)} /> : null}
    </Card>
  );
}
