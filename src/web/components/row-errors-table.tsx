import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { useIsPhone } from '../lib/use-is-phone';

export type RowError = { row: number; column: string | null; message: string };

/** The problems found in an uploaded file, row by row, as every import shows them. */
export function RowErrorsTable({ errors, testId }: { errors: RowError[]; testId: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const columns: ColumnsType<RowError> = [
    { title: t('imports.columns.row'), dataIndex: 'row', width: isPhone ? 64 : 90, render: (row: number) => formatNumber(row) },
    {
      title: t('imports.columns.column'),
      dataIndex: 'column',
      width: isPhone ? 110 : 180,
      render: (column: string | null) => column ?? '—',
    },
    { title: t('imports.columns.message'), dataIndex: 'message' },
  ];
  return (
    <Table<RowError>
      data-testid={testId}
      size="small"
      rowKey={(error) => `${error.row}-${error.column ?? ''}-${error.message}`}
      columns={columns}
      dataSource={errors}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('imports.noErrors') }}
      tableLayout="fixed"
    />
  );
}
