// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Button } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { renderInApp } from '../testing/render';
import { useConfirmAction, type ConfirmActionOptions } from './confirm-action';

function DeleteTopicButton(props: Pick<ConfirmActionOptions, 'run' | 'onDone'>) {
  const confirm = useConfirmAction();
  return (
    <Button
      onClick={() =>
        confirm({
          title: 'Xóa chuyên đề "Học tập và làm theo 2026"?',
          okText: 'Xóa',
          danger: true,
          okId: 'confirm-delete',
          run: props.run,
          doneText: 'Đã xóa chuyên đề.',
          onDone: props.onDone,
        })
      }
    >
      Xóa chuyên đề
    </Button>
  );
}

const okButton = () => document.getElementById('confirm-delete') as HTMLButtonElement;

describe('useConfirmAction', () => {
  it('asks first, makes the call only on OK, then says it is done', async () => {
    const run = vi.fn().mockResolvedValue(undefined);
    const onDone = vi.fn();
    await renderInApp(<DeleteTopicButton run={run} onDone={onDone} />);
    fireEvent.click(screen.getByText('Xóa chuyên đề'));
    await waitFor(() => expect(okButton()).toBeTruthy());
    expect(document.querySelector('.ant-modal-confirm-title')?.textContent).toBe('Xóa chuyên đề "Học tập và làm theo 2026"?');
    expect(run).not.toHaveBeenCalled();
    fireEvent.click(okButton());
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(run).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Đã xóa chuyên đề.')).toBeTruthy();
  });

  it('makes no call when cancelled', async () => {
    const run = vi.fn().mockResolvedValue(undefined);
    await renderInApp(<DeleteTopicButton run={run} />);
    fireEvent.click(screen.getByText('Xóa chuyên đề'));
    fireEvent.click(await screen.findByText('Hủy'));
    await waitFor(() => expect(okButton()).toBeNull());
    expect(run).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal in words and does not report success', async () => {
    const run = vi.fn().mockRejectedValue(new ApiError(409, 'VERSION_CONFLICT', 'Chuyên đề vừa được người khác sửa.'));
    const onDone = vi.fn();
    await renderInApp(<DeleteTopicButton run={run} onDone={onDone} />);
    fireEvent.click(screen.getByText('Xóa chuyên đề'));
    await waitFor(() => expect(okButton()).toBeTruthy());
    fireEvent.click(okButton());
    expect(await screen.findByText(/vừa được người khác sửa/)).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.queryByText('Đã xóa chuyên đề.')).toBeNull();
  });
});
