import { Card, Checkbox, Col, Row, Statistic, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { ChoiceFilter, FilterBar, PagedTable, SearchFilter, useListFilter, usePaging } from '../../components/list-page';
import { QueryError } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { FEEDBACK_STATUSES } from '../../../shared/contracts/supervision';
import { RegistrationActions } from './registration-actions';
import { UnitCounts } from './unit-counts';
import { FeedbackStatusTag } from './status-tag';
import {
  type FeedbackStatus,
  type FeedbackStatusItem,
  type PublicRegistration,
  useFeedbackStatusList,
  useFeedbackSummary,
  usePublishedRegistrations,
} from './supervision.api';
import { YearChoice } from './year-choice';

/**
 * What supervisors (MTTQ, mass organisations) follow in their subtree: the counts of feedback, the
 * published registrations, and each feedback item's state. Read-only; senders stay anonymous here.
 */
export function SupervisorTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const summary = useFeedbackSummary(actingUnit.id);
  const counts = summary.data;
  return (
    <>
      {summary.isError ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} compact /> : null}
      <Row gutter={[16, 16]} data-testid="feedback-summary">
        {(['total', 'new', 'answered', 'overdue', 'hidden'] as const).map((key) => (
          <Col key={key} xs={12} md={8} lg={4}>
            <Card size="small">
              <Statistic
                title={t(`supervision.counts.${key}`)}
                value={counts ? formatNumber(counts[key]) : '—'}
                loading={summary.isPending}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <div className="supervision-gap-top">
        <UnitCounts actingUnit={actingUnit} />
      </div>
      <PublishedList actingUnit={actingUnit} />
      <FeedbackStatusList actingUnit={actingUnit} />
    </>
  );
}

function PublishedList({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const paging = usePaging();
  const [text, setText] = useListFilter(paging, '');
  const q = useDebouncedValue(text.trim(), 350);
  const [year, setYear] = useListFilter<number | undefined>(paging, undefined);
  const list = usePublishedRegistrations({ unitId: actingUnit.id, year, q: q || undefined, page: paging.page, pageSize: paging.pageSize });
  const columns: ColumnsType<PublicRegistration> = [
    { title: t('supervision.fields.registrant'), key: 'name', width: 220, render: (_v, row) => row.name },
    {
      title: t('supervision.fields.position'),
      key: 'position',
      width: 140,
      render: (_v, row) =>
        row.kind === 'collective' ? t('supervision.collective') : row.position ? t(`enums.position.${row.position}`) : '—',
    },
    { title: t('supervision.fields.unit'), key: 'unit', width: 200, render: (_v, row) => row.unitName },
    { title: t('supervision.fields.year'), key: 'year', width: 80, render: (_v, row) => row.year },
    { title: t('supervision.fields.actions'), key: 'actions', render: (_v, row) => <RegistrationActions actions={row.actions} /> },
  ];
  return (
    <Card className="supervision-gap-top" title={t('supervision.publishedTitle')}>
      <FilterBar>
        <SearchFilter value={text} onChange={setText} placeholder={t('supervision.publishedSearch')} data-testid="published-search" />
        <YearChoice value={year} allowClear onChange={setYear} />
      </FilterBar>
      <PagedTable<PublicRegistration>
        query={list}
        paging={paging}
        columns={columns}
        data-testid="published-table"
        scroll={{ x: 1000 }}
        emptyText={t('supervision.publishedEmpty', { unit: actingUnit.name })}
        totalText={(total) => t('supervision.publishedTotal', { formatted: formatNumber(total) })}
      />
    </Card>
  );
}

function FeedbackStatusList({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const paging = usePaging();
  const [status, setStatus] = useListFilter<FeedbackStatus | undefined>(paging, undefined);
  const [overdue, setOverdue] = useListFilter(paging, false);
  const list = useFeedbackStatusList({
    unitId: actingUnit.id,
    status,
    overdue: overdue || undefined,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const columns: ColumnsType<FeedbackStatusItem> = [
    { title: t('supervision.fields.createdAt'), key: 'createdAt', width: 120, render: (_v, row) => formatDate(row.createdAt.slice(0, 10)) },
    { title: t('supervision.fields.unit'), key: 'unit', width: 200, render: (_v, row) => row.unitName },
    {
      title: t('supervision.fields.body'),
      key: 'body',
      render: (_v, row) =>
        row.body === null ? (
          <Typography.Text type="secondary">{t('supervision.hiddenBody', { reason: row.hiddenReason ?? '' })}</Typography.Text>
        ) : (
          <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} className="supervision-body-cell">
            {row.body}
          </Typography.Paragraph>
        ),
    },
    {
      title: t('supervision.fields.answer'),
      key: 'answer',
      width: 280,
      render: (_v, row) =>
        row.answer ? (
          <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} className="supervision-body-cell">
            {row.answer}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
    {
      title: t('supervision.fields.status'),
      key: 'status',
      width: 170,
      render: (_v, row) => <FeedbackStatusTag status={row.status} overdue={row.overdue} />,
    },
  ];
  return (
    <Card className="supervision-gap-top" title={t('supervision.statusTitle')}>
      <FilterBar>
        <ChoiceFilter
          value={status}
          onChange={setStatus}
          placeholder={t('supervision.allStatuses')}
          options={FEEDBACK_STATUSES.map((value) => ({ value, label: t(`supervision.status.${value}`) }))}
        />
        <Checkbox checked={overdue} onChange={(event) => setOverdue(event.target.checked)}>
          {t('supervision.onlyOverdue')}
        </Checkbox>
      </FilterBar>
      <PagedTable<FeedbackStatusItem>
        query={list}
        paging={paging}
        columns={columns}
        data-testid="feedback-status-table"
        scroll={{ x: 1000 }}
        emptyText={t('supervision.empty', { unit: actingUnit.name })}
      />
    </Card>
  );
}
