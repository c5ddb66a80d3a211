import { AutoComplete, Button, Card, DatePicker, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/contracts/audit';
import { PageHeader } from '../../components/page-header';
import { FilterBar, PagedTable, useListFilter, usePaging } from '../../components/list-page';
import { DATE_FORMAT, formatDateTime, formatNumber, toApiDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useAudit } from './audit.api';
import { AuditDiff } from './audit-diff';

const PAGE_SIZE = 20;

/** Action codes contain dots, which the translation files use as separators. */
function labelKey(code: string): string {
  return code.replace(/\./g, '_');
}

export function AuditPage() {
  const { t } = useTranslation();
  const paging = usePaging(PAGE_SIZE);
  const [action, setAction] = useListFilter(paging, '');
  const [entityType, setEntityType] = useListFilter<string | undefined>(paging, undefined);
  const [actorText, setActorText] = useListFilter(paging, '');
  const [range, setRange] = useListFilter<[Dayjs | null, Dayjs | null] | null>(paging, null);
  const { page, pageSize } = paging;
  const actor = useDebouncedValue(actorText.trim(), 350);
  const actionFilter = useDebouncedValue(action.trim(), 350);

  const actionLabels = t('audit.actionLabels', { returnObjects: true }) as Record<string, string>;
  const entityLabels = t('audit.entityLabels', { returnObjects: true }) as Record<string, string>;
  const actionName = (code: string) => actionLabels[labelKey(code)] ?? code;
  const entityName = (code: string) => entityLabels[code] ?? code;

  const audit = useAudit({
    action: actionFilter || undefined,
    entityType,
    actor: actor || undefined,
    from: toApiDate(range?.[0]),
    to: toApiDate(range?.[1]),
    page,
    pageSize,
  });

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.columns.at'), dataIndex: 'at', width: 170, render: (value: string) => formatDateTime(value) },
    { title: t('audit.columns.actor'), dataIndex: 'actorName', render: (value: string | null) => value ?? t('audit.system') },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      render: (value: string) => (
        <span>
          {actionName(value)}{' '}
          <Typography.Text type="secondary" code className="audit-code">
            {value}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('audit.columns.entity'),
      key: 'entity',
      render: (_value, entry) => (
        <span>
          <Tag>{entityName(entry.entityType)}</Tag>
          {entry.entityId !== null && entry.entityId !== undefined ? `#${entry.entityId}` : ''}
        </span>
      ),
    },
    { title: t('audit.columns.ip'), dataIndex: 'ip', width: 140, render: (value: string | null) => value ?? '—' },
  ];

  const phoneColumns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.columns.action'),
      key: 'entry',
      render: (_value, entry) => (
        <div className="compact-row">
          <span className="compact-row-title">{actionName(entry.action)}</span>
          <span className="compact-row-line">
            {formatDateTime(entry.at)} · {entry.actorName ?? t('audit.system')}
          </span>
          <span className="compact-row-line">
            {entityName(entry.entityType)}
            {entry.entityId !== null && entry.entityId !== undefined ? ` #${entry.entityId}` : ''}
          </span>
        </div>
      ),
    },
  ];

  // Codes read "<entity>.<verb>" and only the verb may hold underscores, so the first one is the dot.
  const actionOptions = Object.entries(actionLabels).map(([key, label]) => {
    const code = key.replace('_', '.');
    return { value: code, label: `${label} (${code})` };
  });
  const entityOptions = Object.entries(entityLabels).map(([value, label]) => ({ value, label }));
  const hasFilters = Boolean(action || entityType || actorText || range);

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        <FilterBar>
          <AutoComplete
            value={action}
            options={actionOptions}
            onChange={(value: string) => setAction(value)}
            placeholder={t('audit.filters.action')}
            aria-label={t('audit.filters.action')}
            allowClear
            className="filter-select-wide"
            showSearch={{ filterOption: (input, option) => (option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
          />
          <Select<string>
            value={entityType}
            options={entityOptions}
            onChange={(value) => setEntityType(value)}
            allowClear
            placeholder={t('audit.filters.entityType')}
            aria-label={t('audit.filters.entityType')}
            className="filter-select"
          />
          <Input
            value={actorText}
            onChange={(event) => setActorText(event.target.value)}
            allowClear
            placeholder={t('audit.filters.actor')}
            aria-label={t('audit.filters.actor')}
            className="filter-select"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => setRange(value)}
            format={DATE_FORMAT}
            aria-label={t('audit.filters.dateRange')}
            placeholder={[t('audit.filters.from'), t('audit.filters.to')]}
          />
          {hasFilters ? (
            <Button
              onClick={() => {
                setAction('');
                setEntityType(undefined);
                setActorText('');
                setRange(null);
              }}
            >
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </FilterBar>
        <PagedTable<AuditEntry>
          query={audit}
          paging={paging}
          columns={columns}
          phoneColumns={phoneColumns}
          scroll={{ x: 860 }}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (entry) => (
              <div>
                <AuditDiff before={entry.before} after={entry.after} />
                {entry.requestId ? (
                  <Typography.Paragraph type="secondary" className="audit-request">
                    {t('audit.columns.requestId')}: <Typography.Text code>{entry.requestId}</Typography.Text>
                  </Typography.Paragraph>
                ) : null}
              </div>
            ),
            expandRowByClick: true,
          }}
          emptyText={hasFilters ? t('audit.emptyFiltered') : t('audit.empty')}
          totalText={(total) => t('audit.total', { count: total, formatted: formatNumber(total) })}
        />
      </Card>
    </>
  );
}
