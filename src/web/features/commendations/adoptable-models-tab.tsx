import { SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { QueryError } from '../../components/query-error';
import { MutationErrorAlert } from '../../components/form-bits';
import { formatDate, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { type AdoptableModelItem, useAdoptableModels, useDeleteAdoption } from './spread.api';
import { ModelAdoptionModal } from './model-adoption-modal';

/**
 * Nhân rộng: the good practices commended by the levels above the acting unit, how many units took
 * each up, and the unit's own record of taking it up (record, correct, delete).
 */
export function AdoptableModelsTab({ actingUnit, canRecord }: { actingUnit: ActingUnit; canRecord: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [editing, setEditing] = useState<AdoptableModelItem | null>(null);
  const query = useAdoptableModels({ unitId: actingUnit.id, q: q || undefined, page, pageSize });
  const remove = useDeleteAdoption();

  const columns: ColumnsType<AdoptableModelItem> = [
    {
      title: t('commendations.adoption.model'),
      dataIndex: 'title',
      width: 360,
      render: (title: string, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 3, expandable: true, symbol: '…' }}
            style={{ margin: 0, whiteSpace: 'pre-wrap' }}
          >
            {[row.story, row.results].filter(Boolean).join('\n')}
          </Typography.Paragraph>
        </Space>
      ),
    },
    { title: t('commendations.adoption.nominatedBy'), dataIndex: 'unitName', width: 180 },
    {
      title: t('commendations.adoption.decision'),
      width: 240,
      render: (_, row) =>
        t('commendations.typical.decisionValue', {
          form: row.decision.formName,
          number: row.decision.numberSymbol,
          date: formatDate(row.decision.decidedOn),
          unit: row.decision.unitName,
        }),
    },
    {
      title: t('commendations.adoption.adoptedUnits'),
      dataIndex: 'adoptedUnits',
      width: 120,
      align: 'right',
      render: (value: number) => formatNumber(value),
    },
    {
      title: t('commendations.adoption.mine'),
      width: 260,
      render: (_, row) =>
        row.adoption ? (
          <Space direction="vertical" size={4}>
            <Typography.Text type="success">
              {t('commendations.adoption.adoptedValue', { date: formatDate(row.adoption.adoptedOn) })}
            </Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{row.adoption.note}</Typography.Text>
            {row.adoption.files.map((file) => (
              <a key={file.id} href={`/api/files/${file.id}?inline=1`} target="_blank" rel="noreferrer">
                {file.name}
              </a>
            ))}
            {row.adoption.canEdit ? (
              <Space>
                <Button size="small" onClick={() => setEditing(row)} data-testid={`adoption-edit-${row.id}`}>
                  {t('commendations.adoption.edit')}
                </Button>
                <Popconfirm
                  title={t('commendations.adoption.confirmRemove')}
                  okText={t('commendations.adoption.remove')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove.mutate(
                      { id: row.adoption!.id, version: row.adoption!.version },
                      { onSuccess: () => void message.success(t('commendations.adoption.removed')) },
                    )
                  }
                >
                  <Button size="small" danger loading={remove.isPending}>
                    {t('commendations.adoption.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ) : null}
          </Space>
        ) : canRecord ? (
          <Button type="primary" size="small" onClick={() => setEditing(row)} data-testid={`adoption-create-${row.id}`}>
            {t('commendations.adoption.adopt')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('commendations.adoption.notAdopted')}</Typography.Text>
        ),
    },
  ];

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('commendations.adoption.help', { unit: actingUnit.name })}</Typography.Paragraph>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('commendations.adoption.search')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setPage(1);
        }}
        style={{ width: 340, marginBottom: 12 }}
        data-testid="adoptable-search"
      />
      <MutationErrorAlert error={remove.error} />
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          columns={columns}
          dataSource={query.data?.items ?? []}
          scroll={{ x: 1160 }}
          locale={{
            emptyText: (
              <Empty
                description={q ? t('commendations.adoption.emptyFiltered') : t('commendations.adoption.empty', { unit: actingUnit.name })}
              />
            ),
          }}
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
          data-testid="adoptable-models-table"
        />
      )}
      {editing ? (
        <ModelAdoptionModal
          unit={{ id: actingUnit.id, name: actingUnit.name }}
          nominationId={editing.id}
          adoption={editing.adoption}
          onClose={(saved) => {
            if (saved) void message.success(t('commendations.adoption.saved'));
            setEditing(null);
          }}
        />
      ) : null}
    </Card>
  );
}
