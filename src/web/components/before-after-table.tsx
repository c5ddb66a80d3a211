import { Table } from 'antd';
import './before-after-table.css';

export type BeforeAfterRow = { key: string; what: string; before: string; after: string };

/** What changed between two versions, one row per field: the old text struck through, the new one marked. */
export function BeforeAfterTable({ rows, labels }: { rows: BeforeAfterRow[]; labels: { before: string; after: string } }) {
  return (
    <Table<BeforeAfterRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      scroll={{ x: 560 }}
      columns={[
        { title: '', dataIndex: 'what', width: 200 },
        { title: labels.before, dataIndex: 'before', render: (value: string) => <del className="diff-before">{value}</del> },
        { title: labels.after, dataIndex: 'after', render: (value: string) => <ins className="diff-after">{value}</ins> },
      ]}
    />
  );
}
