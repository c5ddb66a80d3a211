import { Alert, Card, Collapse, Empty, List, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { useConsolidation } from './reports.api';
import { formatRate, ItemStatusTag } from './report-tags';

const show = (value: number | null | undefined, unit: string) => (unit === 'percent' ? formatRate(value) : formatNumber(value ?? 0));

/** What the requesting level drafts its own report from: totals, missing units, items and sections side by side. */
export function ConsolidationView({ requestId }: { requestId: number }) {
  const { t } = useTranslation();
  const query = useConsolidation(requestId);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const view = query.data;
  if (!view) return <Spin />;
  if (view.answering === 0) return <Empty description={t('reports.consolidation.none')} />;
  const numberItems = view.manualItems.filter((item) => item.type === 'number');
  return (
    <>
      <Alert
        type={view.missing.length ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        message={t('reports.consolidation.answering', { answering: view.answering, expected: view.expected })}
        description={
          view.missing.length ? `${t('reports.consolidation.missing')}: ${view.missing.map((item) => item.unitName).join(', ')}` : undefined
        }
        data-testid="report-consolidation-summary"
      />
      <Table
        size="small"
        rowKey="answerId"
        scroll={{ x: 800 }}
        pagination={false}
        dataSource={view.byUnit}
        columns={[
          { title: t('reports.fields.unit'), dataIndex: 'unitName', fixed: 'left', width: 220 },
          ...view.figures.map((figure) => ({
            title: figure.label,
            width: 140,
            align: 'right' as const,
            render: (_: unknown, row: (typeof view.byUnit)[number]) => show(row.figures[figure.key], figure.unit),
          })),
          ...numberItems.map((item) => ({
            title: item.label,
            width: 140,
            align: 'right' as const,
            render: (_: unknown, row: (typeof view.byUnit)[number]) => row.manualValues[item.key] ?? '—',
          })),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('reports.consolidation.total')}</strong>
            </Table.Summary.Cell>
            {view.figures.map((figure, index) => (
              <Table.Summary.Cell index={index + 1} key={figure.key} align="right">
                <strong data-testid={`report-total-${figure.key}`}>{show(figure.total, figure.unit)}</strong>
              </Table.Summary.Cell>
            ))}
            {numberItems.map((item, index) => (
              <Table.Summary.Cell index={view.figures.length + index + 1} key={item.key} align="right">
                <strong>{item.total === null ? '—' : formatNumber(item.total)}</strong>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
        data-testid="report-consolidation-table"
      />
      <Card size="small" title={t('reports.consolidation.items')} style={{ marginTop: 16 }}>
        <List
          dataSource={view.recommendations}
          locale={{ emptyText: t('reports.consolidation.noItems') }}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <>
                    <Tag>{t(`reports.itemKind.${item.kind}`)}</Tag>
                    {item.body}
                  </>
                }
                description={
                  <>
                    {item.unitName} · <ItemStatusTag status={item.status} />
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('reports.consolidation.sections')}
      </Typography.Title>
      <Collapse
        items={view.sections.map((section) => ({
          key: section.key,
          label: `${section.title} (${section.entries.length})`,
          children: section.entries.length ? (
            section.entries.map((entry) => (
              <div key={entry.unitName} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{entry.unitName}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{entry.text}</Typography.Paragraph>
              </div>
            ))
          ) : (
            <Typography.Text type="secondary">{t('reports.consolidation.emptySection')}</Typography.Text>
          ),
        }))}
      />
    </>
  );
}
