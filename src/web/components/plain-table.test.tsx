// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../testing/render';
import { type PlainColumn, PlainTable } from './plain-table';
import { compareVietnamese } from '../../shared/text';

type Row = { id: number; name: string; members: number };
const rows: Row[] = [
  { id: 1, name: 'Xã Ứng Hòa', members: 85 },
  { id: 2, name: 'Phường An Bình', members: 1200 },
  { id: 3, name: 'Xã Đông Anh', members: 430 },
];
const columns: PlainColumn<Row>[] = [
  { key: 'name', title: 'Đơn vị', render: (row) => row.name, compare: (a, b) => compareVietnamese(a.name, b.name) },
  { key: 'members', title: 'Đảng viên', render: (row) => String(row.members), align: 'right', compare: (a, b) => a.members - b.members },
];

const shownNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('PlainTable', () => {
  it('sorts by the default column in Vietnamese order, then by a header, and says so to screen readers', async () => {
    await renderInApp(<PlainTable columns={columns} rows={rows} rowKey={(row) => row.id} defaultSortKey="name" emptyText="Chưa có" />);
    expect(shownNames()).toEqual(['Phường An Bình', 'Xã Đông Anh', 'Xã Ứng Hòa']);
    const [nameHeader, membersHeader] = screen.getAllByRole('columnheader');
    expect(nameHeader!.getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(screen.getByRole('button', { name: 'Sắp xếp theo Đảng viên' }));
    expect(shownNames()).toEqual(['Xã Ứng Hòa', 'Xã Đông Anh', 'Phường An Bình']);
    expect(membersHeader!.getAttribute('aria-sort')).toBe('ascending');
    expect(nameHeader!.getAttribute('aria-sort')).toBe('none');

    fireEvent.click(screen.getByRole('button', { name: 'Sắp xếp theo Đảng viên' }));
    expect(shownNames()).toEqual(['Phường An Bình', 'Xã Đông Anh', 'Xã Ứng Hòa']);
    expect(membersHeader!.getAttribute('aria-sort')).toBe('descending');
  });

  it('shows rows in steps with a button that says how many more come', async () => {
    await renderInApp(<PlainTable columns={columns} rows={rows} rowKey={(row) => row.id} pageSize={2} emptyText="Chưa có" />);
    expect(shownNames()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Xem thêm 1 dòng' }));
    expect(shownNames()).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /Xem thêm/ })).toBeNull();
  });

  it('says so when there is nothing to show', async () => {
    await renderInApp(<PlainTable columns={columns} rows={[]} rowKey={(row) => row.id} emptyText="Chưa có đơn vị nào" />);
    expect(screen.getByRole('cell').textContent).toBe('Chưa có đơn vị nào');
  });
});
