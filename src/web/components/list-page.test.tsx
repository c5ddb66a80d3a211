// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { renderInApp } from '../testing/render';
import { ChoiceFilter, FilterBar, PagedTable, SearchFilter, useListFilter, usePaging } from './list-page';

type Row = { id: number; name: string; status: 'draft' | 'sent' };
const ALL: Row[] = Array.from({ length: 45 }, (_, index) => ({
  id: index + 1,
  name: index % 2 ? `Chi bộ Thôn ${index + 1}` : `Đảng ủy xã ${index + 1}`,
  status: index % 3 ? 'sent' : 'draft',
}));

/** A list as a feature writes it, over a server that filters and pages `ALL` as the API does. */
function UnitList({ failWith, refetch = vi.fn() }: { failWith?: Error; refetch?: () => void }) {
  const paging = usePaging(20);
  const [text, setText] = useListFilter(paging, '');
  const [status, setStatus] = useListFilter<Row['status'] | undefined>(paging, undefined);
  const [sort, setSort] = useState<{ key: string; order: 'asc' | 'desc' } | null>(null);
  const matching = ALL.filter((row) => row.name.toLowerCase().includes(text.toLowerCase()) && (!status || row.status === status));
  if (sort) matching.sort((a, b) => (a.id - b.id) * (sort.order === 'asc' ? 1 : -1));
  const items = matching.slice((paging.page - 1) * paging.pageSize, paging.page * paging.pageSize);
  // The page the list would ask the server for, shown so the test can read it.
  const key = `${paging.page}/${paging.pageSize}/${text}/${status ?? ''}${sort ? `/${sort.key} ${sort.order}` : ''}`;
  return (
    <>
      <FilterBar>
        <SearchFilter value={text} onChange={setText} placeholder="Tìm theo tên" />
        <ChoiceFilter
          value={status}
          onChange={setStatus}
          placeholder="Mọi trạng thái"
          options={[
            { value: 'draft', label: 'Đang soạn' },
            { value: 'sent', label: 'Đã gửi' },
          ]}
        />
      </FilterBar>
      <PagedTable<Row>
        query={{ data: failWith ? undefined : { items, total: matching.length }, error: failWith ?? null, isFetching: false, refetch }}
        paging={paging}
        columns={[
          { title: 'Đơn vị', dataIndex: 'name' },
          {
            title: 'Số thứ tự',
            key: 'id',
            dataIndex: 'id',
            sorter: true,
            sortOrder: sort ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
          },
        ]}
        phoneColumns={[{ title: 'Đơn vị và trạng thái', key: 'both', render: (_value, row) => `${row.name} · ${row.status}` }]}
        onSort={setSort}
        emptyText={text || status ? 'Không có đơn vị nào khớp bộ lọc' : 'Chưa có đơn vị nào'}
        totalText={(total) => `${total} đơn vị`}
      />
      <output data-testid="asked">{key}</output>
    </>
  );
}

const page = () => screen.getByTestId('asked').textContent;

describe('list page pieces', () => {
  it('pages the server’s list and tells the total', async () => {
    await renderInApp(<UnitList />);
    expect(screen.getByText('45 đơn vị')).toBeTruthy();
    expect(screen.getByText('Đảng ủy xã 1')).toBeTruthy();
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(page()).toBe('3/20//'));
    expect(screen.getByText('Đảng ủy xã 41')).toBeTruthy();
  });

  it('goes back to the first page when a filter changes, so a narrower list never opens empty', async () => {
    await renderInApp(<UnitList />);
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(page()).toBe('3/20//'));
    fireEvent.change(screen.getByLabelText('Tìm theo tên'), { target: { value: 'thôn' } });
    await waitFor(() => expect(page()).toBe('1/20/thôn/'));
    expect(screen.getByText('22 đơn vị')).toBeTruthy();
  });

  it('asks the server for a sorted list from its first page', async () => {
    await renderInApp(<UnitList />);
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(page()).toBe('2/20//'));
    fireEvent.click(screen.getByText('Số thứ tự'));
    await waitFor(() => expect(page()).toBe('1/20///id asc'));
    fireEvent.click(screen.getByText('Số thứ tự'));
    await waitFor(() => expect(page()).toBe('1/20///id desc'));
    expect(screen.getAllByRole('row')[1]!.textContent).toContain('45');
  });

  it('shows the phone’s own columns and the simple pager on a phone', async () => {
    const desktop = window.matchMedia;
    window.matchMedia = (query: string) => ({ ...desktop(query), matches: query.includes('max-width') });
    try {
      await renderInApp(<UnitList />);
      expect(screen.getByText('Đơn vị và trạng thái')).toBeTruthy();
      expect(screen.queryByText('Số thứ tự')).toBeNull();
      expect(screen.getByText('Đảng ủy xã 1 · draft')).toBeTruthy();
      expect(document.querySelector('.ant-pagination-simple')).not.toBeNull();
    } finally {
      window.matchMedia = desktop;
    }
  });

  it('says when nothing matches the filters', async () => {
    await renderInApp(<UnitList />);
    fireEvent.change(screen.getByLabelText('Tìm theo tên'), { target: { value: 'không có' } });
    expect(await screen.findByText('Không có đơn vị nào khớp bộ lọc')).toBeTruthy();
  });

  it('shows a failed load with a way to try again instead of an empty table', async () => {
    const refetch = vi.fn();
    await renderInApp(<UnitList failWith={new ApiError(503, 'UNAVAILABLE', 'Máy chủ đang bảo trì.')} refetch={refetch} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Máy chủ đang bảo trì.');
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});
