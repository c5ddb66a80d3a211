import { FileExcelOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType, SorterResult, SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonCategory, Position, Sex } from '../../../shared/contracts/domain';
import type { Person } from '../../../shared/contracts/people';
import { type ActingUnit, useRequiredActingUnit } from '../../app/acting-unit';
import { useCan, useCurrentSession } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { CategorySelect } from '../../components/enum-select';
import { ImportWizard } from '../../components/import-wizard';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useIsPhone } from '../../lib/use-is-phone';
import { templatePath } from '../imports/imports.api';
import { type PeopleSort, usePeople } from './people.api';
import { PersonDrawer } from './person-drawer';
import { PersonFormModal } from './person-form-modal';
import { PersonValue } from './person-value';

const DEFAULT_PAGE_SIZE = 20;

interface Sorting {
  sort: PeopleSort;
  order: 'asc' | 'desc';
}

function orderFor(column: PeopleSort, sorting: Sorting): SortOrder {
  if (sorting.sort !== column) return null;
  return sorting.order === 'asc' ? 'ascend' : 'descend';
}

export function PeoplePage() {
  const actingUnit = useRequiredActingUnit();
  return <PeopleWorkspace key={actingUnit.id} actingUnit={actingUnit} />;
}

function PeopleWorkspace({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const { permissions } = useCurrentSession();
  const isPhone = useIsPhone();
  const canWrite = useCan('people.write');
  const canImport = useCan('imports.people');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [category, setCategory] = useState<PersonCategory | undefined>();
  const [includeSubtree, setIncludeSubtree] = useState(true);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [sorting, setSorting] = useState<Sorting>({ sort: 'name', order: 'asc' });
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const filters = { unitId: actingUnit.id, q: q || undefined, category, includeSubtree };
  const people = usePeople({ ...filters, page, pageSize, sort: sorting.sort, order: sorting.order });
  const rows = people.data?.items ?? [];
  // The birth date column is shown to those who may see personal data, or when any row carries it.
  const showBirth = permissions.includes('people.personal') || rows.some((row) => row.birthDate !== null);
  const filtered = Boolean(q || category);

  const columns: ColumnsType<Person> = [
    {
      title: t('people.fields.fullName'),
      key: 'name',
      width: 230,
      sorter: true,
      sortOrder: orderFor('name', sorting),
      render: (_value, person) => (
        <Button type="link" className="link-cell" onClick={() => setOpenId(person.id)}>
          {person.fullName}
        </Button>
      ),
    },
    { title: t('people.fields.sex'), dataIndex: 'sex', width: 100, render: (sex: Sex) => t(`enums.sex.${sex}`) },
    ...(showBirth
      ? [
          {
            title: t('people.fields.birthDate'),
            key: 'birthDate',
            width: 130,
            sorter: true,
            sortOrder: orderFor('birthDate', sorting),
            render: (_value: unknown, person: Person) => (
              <PersonValue value={person.birthDate} visible={person.personalVisible}>
                {formatDate(person.birthDate)}
              </PersonValue>
            ),
          },
        ]
      : []),
    {
      title: t('people.fields.category'),
      dataIndex: 'category',
      width: 150,
      render: (value: PersonCategory) => t(`enums.category.${value}`),
    },
    {
      title: t('people.fields.unit'),
      key: 'unit',
      sorter: true,
      sortOrder: orderFor('unit', sorting),
      render: (_value, person) => person.unit?.name ?? '—',
    },
    {
      title: t('people.fields.position'),
      key: 'position',
      render: (_value, person) => (
        <span>
          {person.position ? t(`enums.position.${person.position satisfies Position}`) : '—'}
          {person.isHead ? (
            <>
              {' '}
              <Tag color="gold">{t('people.fields.isHead')}</Tag>
            </>
          ) : null}
        </span>
      ),
    },
    {
      title: t('people.fields.cardNumber'),
      key: 'cardNumber',
      width: 130,
      render: (_value, person) => <PersonValue value={person.cardNumber} visible={person.personalVisible} />,
    },
  ];

  // On a phone one column per person reads better than a table scrolled sideways.
  const phoneColumns: ColumnsType<Person> = [
    {
      title: t('people.fields.fullName'),
      key: 'name',
      sorter: true,
      sortOrder: orderFor('name', sorting),
      render: (_value, person) => (
        <div className="compact-row">
          <span className="compact-row-title">
            {person.fullName}
            {person.isHead ? (
              <>
                {' '}
                <Tag color="gold">{t('people.fields.isHead')}</Tag>
              </>
            ) : null}
          </span>
          <span className="compact-row-line">
            {t(`enums.category.${person.category}`)}
            {person.position ? ` · ${t(`enums.position.${person.position}`)}` : ''}
            {person.birthDate ? ` · ${formatDate(person.birthDate)}` : ''}
          </span>
          <span className="compact-row-line">{person.unit?.name ?? '—'}</span>
        </div>
      ),
    },
  ];

  const toolbar = (
    <Space wrap>
      {canWrite ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="people-add">
          {t('people.actions.add')}
        </Button>
      ) : null}
      <DownloadButton
        path="/api/exports/people"
        params={{ unitId: actingUnit.id, q: q || undefined, category, includeSubtree }}
        fileName={t('people.exportFile')}
        icon={<FileExcelOutlined />}
        data-testid="people-export"
      >
        {t('common.exportExcel')}
      </DownloadButton>
      {canImport ? (
        <>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="people-import">
            {t('common.importExcel')}
          </Button>
          <DownloadButton
            type="link"
            path={templatePath('people')}
            fileName={t('imports.templateFile.people')}
            data-testid="people-template"
          >
            {t('common.downloadTemplate')}
          </DownloadButton>
        </>
      ) : null}
    </Space>
  );

  const emptyText = filtered ? t('people.emptyFiltered') : t('people.empty', { unit: actingUnit.name });

  return (
    <>
      <PageHeader title={t('people.title')} subtitle={t('people.subtitle', { unit: actingUnit.name })} extra={toolbar} />
      <Card>
        <div className="filters" role="search">
          <Input
            value={text}
            prefix={<SearchOutlined aria-hidden />}
            enterKeyHint="search"
            onChange={(event) => {
              setText(event.target.value);
              setPage(1);
            }}
            allowClear
            placeholder={t('people.searchPlaceholder')}
            aria-label={t('people.searchLabel')}
            className="filter-search"
            data-testid="people-search"
          />
          <CategorySelect
            value={category}
            onChange={(value) => {
              setCategory(value);
              setPage(1);
            }}
            allowClear
            placeholder={t('people.allCategories')}
            aria-label={t('people.fields.category')}
            className="filter-select"
            data-testid="people-category"
          />
          <Checkbox
            checked={includeSubtree}
            onChange={(event) => {
              setIncludeSubtree(event.target.checked);
              setPage(1);
            }}
            data-testid="people-subtree"
          >
            {t('people.includeSubtree')}
          </Checkbox>
        </div>
        {people.isError ? <QueryError error={people.error} onRetry={() => void people.refetch()} compact /> : null}
        {people.isError && !people.data ? null : (
          <Table<Person>
            rowKey="id"
            columns={isPhone ? phoneColumns : columns}
            dataSource={rows}
            loading={people.isFetching}
            data-testid="people-table"
            scroll={isPhone ? undefined : { x: 1100 }}
            showSorterTooltip={false}
            onRow={(person) => ({ onClick: () => setOpenId(person.id), className: 'clickable-row' })}
            locale={{ emptyText: people.isPending ? ' ' : <Empty description={emptyText} /> }}
            pagination={{
              current: page,
              pageSize,
              total: people.data?.total ?? 0,
              showSizeChanger: !isPhone,
              pageSizeOptions: [10, 20, 50, 100],
              simple: isPhone,
              showTotal: (total) => t('people.total', { count: total, formatted: formatNumber(total) }),
            }}
            onChange={(pagination, _filters, sorter) => {
              const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Person> | undefined;
              const key = single?.columnKey;
              if (single?.order && (key === 'name' || key === 'birthDate' || key === 'unit')) {
                setSorting({ sort: key, order: single.order === 'ascend' ? 'asc' : 'desc' });
              } else {
                setSorting({ sort: 'name', order: 'asc' });
              }
              if (pagination.pageSize && pagination.pageSize !== pageSize) {
                setPageSize(pagination.pageSize);
                setPage(1);
              } else {
                setPage(pagination.current ?? 1);
              }
            }}
          />
        )}
      </Card>
      <PersonDrawer personId={openId} onClose={() => setOpenId(null)} />
      {creating ? (
        <PersonFormModal
          open
          defaultUnit={{ value: actingUnit.id, label: actingUnit.name }}
          onClose={() => setCreating(false)}
          onDone={(person) => {
            setCreating(false);
            setOpenId(person.id);
          }}
        />
      ) : null}
      <ImportWizard kind="people" open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
