// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, CLIENT_ERROR_CODES } from '../api/client';
import { renderInApp } from '../testing/render';
import { QueryError } from './query-error';

describe('QueryError', () => {
  it('shows a refusal as such, without a retry that could not help', async () => {
    await renderInApp(<QueryError error={new ApiError(403, 'FORBIDDEN', '')} onRetry={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toContain('Bạn không có quyền truy cập');
    expect(screen.queryByRole('button', { name: 'Thử lại' })).toBeNull();
  });

  it('shows the server’s own sentence for a missing record', async () => {
    await renderInApp(<QueryError error={new ApiError(404, 'NOT_FOUND', 'Không tìm thấy bản đăng ký này.')} />);
    const message = screen.getByRole('status');
    expect(message.textContent).toContain('Không tìm thấy');
    expect(message.textContent).toContain('Không tìm thấy bản đăng ký này.');
  });

  it('offers to try again after a failed load, and says a network failure in words', async () => {
    const retry = vi.fn();
    await renderInApp(<QueryError error={new ApiError(0, CLIENT_ERROR_CODES.network, 'Failed to fetch')} onRetry={retry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Không tải được dữ liệu');
    expect(alert.textContent).toContain('Không kết nối được với máy chủ');
    expect(alert.textContent).not.toContain('Failed to fetch');
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('fits inside a drawer as an alert when compact', async () => {
    await renderInApp(<QueryError compact error={new ApiError(500, 'INTERNAL', 'Máy chủ đang bận, hãy thử lại sau ít phút.')} />);
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Máy chủ đang bận, hãy thử lại sau ít phút.');
  });
});
