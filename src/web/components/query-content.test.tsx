// @vitest-environment jsdom
import type { UseQueryResult } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, CLIENT_ERROR_CODES } from '../api/client';
import { renderInApp } from '../testing/render';
import { QueryContent } from './query-content';

/** The fields QueryContent reads, as react-query sets them in each state. */
function queryState(state: { isPending?: boolean; data?: string; error?: ApiError }): UseQueryResult<string> {
  return {
    isPending: state.isPending ?? false,
    isError: state.error !== undefined,
    data: state.data,
    error: state.error ?? null,
    refetch: vi.fn(),
  } as unknown as UseQueryResult<string>;
}

const networkError = new ApiError(0, CLIENT_ERROR_CODES.network, 'Failed to fetch');

describe('QueryContent', () => {
  it('shows the content once loaded', async () => {
    await renderInApp(<QueryContent query={queryState({ data: 'Chuẩn mực chi bộ' })}>{(data) => <p>{data}</p>}</QueryContent>);
    expect(screen.getByText('Chuẩn mực chi bộ')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the error alone when nothing was ever loaded', async () => {
    await renderInApp(<QueryContent query={queryState({ error: networkError })}>{(data) => <p>{data}</p>}</QueryContent>);
    expect(screen.getByRole('alert').textContent).toContain('Không tải được dữ liệu');
  });

  it('keeps what was shown when a later refresh fails, with the error above it', async () => {
    await renderInApp(
      <QueryContent query={queryState({ data: 'Bản dự thảo đang soạn', error: networkError })}>
        {(data) => <textarea defaultValue={data} />}
      </QueryContent>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Không kết nối được với máy chủ');
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Bản dự thảo đang soạn');
  });
});
