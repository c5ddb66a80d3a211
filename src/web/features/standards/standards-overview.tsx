import { FileExcelOutlined } from '@ant-design/icons';
import { Card, Col, Row, Segmented, Statistic, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { type ActingUnit, useActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { FilterBar, PagedTable, SearchFilter, useListFilter, usePaging, useServerSort } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { formatDate, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useIsPhone } from '../../lib/use-is-phone';
import { OVERVIEW_FILTERS } from '../../../shared/contracts/standards';
import { type OverviewFilter, type StandardsOverviewItem, type OverviewSort, useStandardsOverview } from './standards.api';

/** The columns the server sorts the overview by. */
const OVERVIEW_SORT_KEYS = ['name', 'adoptedOn', 'postedOn'] as const satisfies readonly OverviewSort[];

/** For a commune, a bloc or the province: which cells and agencies have adopted standards and posted a sign. */
export function StandardsOverview({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const { setActingUnit } = useActingUnit();
  const isPhone = useIsPhone();
  const paging = usePaging();
  const [text, setText] = useListFilter(paging, '');
  const q = useDebouncedValue(text.trim(), 350);
  const [filter, setFilter] = useListFilter<OverviewFilter>(paging, 'all');
  const { sorting, orderFor: sortOrder, onSort } = useServerSort(OVERVIEW_SORT_KEYS, { sort: 'name', order: 'asc' });
  const params = { unitId: actingUnit.id, q: q || undefined, filter, ...sorting, page: paging.page, pageSize: paging.pageSize };
  const overview = useStandardsOverview(params);
  const summary = overview.data?.summary;

  const open = (item: StandardsOverviewItem) => setActingUnit({ id: item.id, code: item.code, name: item.name, path: item.path });

  const columns: ColumnsType<StandardsOverviewItem> = [
    {
      title: t('standards.overview.columns.unit'),
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_value, item) => (
        <div className="compact-row">
          <Typography.Link onClick={() => open(item)} className="compact-row-title">
            {item.name}
          </Typography.Link>
          <Typography.Text type="secondary" className="compact-row-line">
            {item.parentName ?? ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('standards.overview.columns.standards'),
      key: 'adoptedOn',
      width: isPhone ? undefined : 230,
      sorter: true,
      sortOrder: sortOrder('adoptedOn'),
      render: (_value, item) => (
        <span>
          {item.adoptedOn ? (
            <Tag color="green">{t('standards.overview.versionOn', { number: item.versionNumber, date: formatDate(item.adoptedOn) })}</Tag>
          ) : (
            <Tag color="red">{t('standards.overview.notAdopted')}</Tag>
          )}
          {item.hasDraft ? <Tag>{t('standards.overview.hasDraft')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('standards.overview.columns.sign'),
      key: 'postedOn',
      width: isPhone ? undefined : 200,
      sorter: true,
      sortOrder: sortOrder('postedOn'),
      render: (_value, item) =>
        item.postedOn ? (
          <Tag color="blue">{t('standards.overview.signOn', { date: formatDate(item.postedOn) })}</Tag>
        ) : (
          <Tag color="orange">{t('standards.overview.noSign')}</Tag>
        ),
    },
  ];

  const filtered = Boolean(q) || filter !== 'all';
  return (
    <>
      <PageHeader
        title={t('standards.title')}
        subtitle={t('standards.subtitleOverview', { unit: actingUnit.name })}
        extra={
          <DownloadButton
            path="/api/standards/overview/export"
            params={{ unitId: actingUnit.id, q: q || undefined, filter, sort: sorting.sort, order: sorting.order }}
            fileName={t('standards.overview.exportFile')}
            icon={<FileExcelOutlined />}
            data-testid="standards-export"
          >
            {t('common.exportExcel')}
          </DownloadButton>
        }
      />
      <Row gutter={[16, 16]} className="block-gap-bottom">
        <Col xs={24} sm={8}>
          <Card>
            <Statistic
              title={t('standards.overview.units')}
              value={summary ? formatNumber(summary.units) : '—'}
              data-testid="standards-summary-units"
            />
          </Card>
        </Col>
        <Col xs={12} sm={8}>
          <Card>
            <Statistic
              title={t('standards.overview.adopted')}
              value={summary ? `${formatNumber(summary.adopted)} / ${formatNumber(summary.units)}` : '—'}
              data-testid="standards-summary-adopted"
            />
          </Card>
        </Col>
        <Col xs={12} sm={8}>
          <Card>
            <Statistic
              title={t('standards.overview.signed')}
              value={summary ? `${formatNumber(summary.signed)} / ${formatNumber(summary.units)}` : '—'}
              data-testid="standards-summary-signed"
            />
          </Card>
        </Col>
      </Row>
      <Card>
        <Typography.Paragraph type="secondary">{t('standards.overview.definition')}</Typography.Paragraph>
        <FilterBar>
          <SearchFilter
            value={text}
            onChange={setText}
            placeholder={t('standards.overview.searchPlaceholder')}
            label={t('standards.overview.searchLabel')}
            data-testid="standards-search"
          />
          <Segmented<OverviewFilter>
            value={filter}
            onChange={setFilter}
            options={OVERVIEW_FILTERS.map((value) => ({
              value,
              label: <span data-testid={`standards-filter-${value}`}>{t(`standards.overview.filters.${value}`)}</span>,
            }))}
            aria-label={t('standards.overview.filterLabel')}
          />
        </FilterBar>
        <PagedTable<StandardsOverviewItem>
          query={overview}
          paging={paging}
          columns={columns}
          data-testid="standards-overview-table"
          emptyText={filtered ? t('standards.overview.emptyFiltered') : t('standards.overview.empty', { unit: actingUnit.name })}
          totalText={(total) => t('standards.overview.total', { formatted: formatNumber(total) })}
          onSort={onSort}
        />
      </Card>
    </>
  );
}
