import { FileExcelOutlined, SearchOutlined } from '@ant-design/icons';
import { Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { NOMINATION_KINDS, type NominationKind } from '../../../shared/contracts/commendations';
import { type TypicalExampleItem, useTypicalExamples } from './spread.api';

/**
 * What the subtree's levels sent up to the Centre as typical examples: one list ordered by province
 * then year, each province's count, filters by province, year and kind, search, and the Excel file.
 */
export function TypicalExamplesTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 350);
  const [provinceId, setProvinceId] = useState<number | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [kind, setKind] = useState<NominationKind | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const filter = { unitId: actingUnit.id, provinceId, year, kind, q: q || undefined };
  const query = useTypicalExamples({ ...filter, page, pageSize });
  const answer = query.data;
  const filtered = Boolean(q || provinceId || year || kind);
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  const columns: ColumnsType<TypicalExampleItem> = [
    {
      title: t('commendations.typical.province'),
      dataIndex: ['province', 'name'],
      width: 180,
      render: (value: string | undefined) => value ?? t('commendations.typical.noProvince'),
    },
    { title: t('commendations.typical.year'), dataIndex: 'year', width: 100 },
    { title: t('commendations.fields.title'), dataIndex: 'title', width: 300 },
    {
      title: t('commendations.fields.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (value: NominationKind) => <Tag>{t(`commendations.kinds.${value}`)}</Tag>,
    },
    { title: t('commendations.fields.subject'), dataIndex: 'subjectName', width: 180, render: (value: string | null) => value ?? '—' },
    { title: t('commendations.fields.unit'), dataIndex: ['unit', 'name'], width: 200 },
    {
      title: t('commendations.typical.decision'),
      width: 260,
      render: (_, row) =>
        row.decision
          ? t('commendations.typical.decisionValue', {
              form: row.decision.formName,
              number: row.decision.numberSymbol,
              date: formatDate(row.decision.decidedOn),
              unit: row.decision.unitName,
            })
          : '—',
    },
    { title: t('commendations.typical.sentBy'), dataIndex: ['sentBy', 'name'], width: 180 },
  ];

  return (
    <Card
      extra={
        <DownloadButton
          path="/api/typical-examples/export"
          params={filter}
          fileName={t('commendations.typical.exportFile')}
          icon={<FileExcelOutlined />}
          data-testid="typical-export"
        >
          {t('commendations.typical.export')}
        </DownloadButton>
      }
    >
      <Typography.Paragraph type="secondary">{t('commendations.typical.help', { unit: actingUnit.name })}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('commendations.filters.search')}
          value={text}
          onChange={(event) => reset(setText)(event.target.value)}
          style={{ width: 320 }}
          data-testid="typical-search"
        />
        <Select<number>
          allowClear
          placeholder={t('commendations.typical.allProvinces')}
          value={provinceId}
          onChange={reset(setProvinceId)}
          style={{ width: 240 }}
          options={(answer?.provinces ?? [])
            .filter((province) => province.id !== null)
            .map((province) => ({ value: province.id!, label: `${province.name ?? ''} (${formatNumber(province.count)})` }))}
          data-testid="typical-province"
        />
        <Select<number>
          allowClear
          placeholder={t('commendations.typical.allYears')}
          value={year}
          onChange={reset(setYear)}
          style={{ width: 160 }}
          options={(answer?.years ?? []).map((entry) => ({
            value: entry.year,
            label: `${t('commendations.typical.yearOption', { year: entry.year })} (${formatNumber(entry.count)})`,
          }))}
          data-testid="typical-year"
        />
        <Select
          allowClear
          placeholder={t('commendations.filters.allKinds')}
          value={kind}
          onChange={reset(setKind)}
          style={{ width: 200 }}
          options={NOMINATION_KINDS.map((value) => ({ value, label: t(`commendations.kinds.${value}`) }))}
        />
      </Space>
      {answer && answer.provinces.length > 0 ? (
        <Space wrap size={[4, 4]} style={{ marginBottom: 12 }} data-testid="typical-by-province">
          <Typography.Text type="secondary">{t('commendations.typical.byProvince')}</Typography.Text>
          {answer.provinces.map((province) => (
            <Tag key={province.id ?? 0} color={province.id !== null && province.id === provinceId ? 'red' : undefined}>
              {`${province.name ?? t('commendations.typical.noProvince')}: ${formatNumber(province.count)}`}
            </Tag>
          ))}
        </Space>
      ) : null}
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          columns={columns}
          dataSource={answer?.items ?? []}
          scroll={{ x: 1500 }}
          locale={{
            emptyText: <Empty description={filtered ? t('commendations.typical.emptyFiltered') : t('commendations.typical.empty')} />,
          }}
          pagination={{
            current: page,
            pageSize,
            total: answer?.total ?? 0,
            showSizeChanger: true,
            onChange: (next, size) => {
              setPage(next);
              setPageSize(size);
            },
          }}
          data-testid="typical-table"
        />
      )}
    </Card>
  );
}
