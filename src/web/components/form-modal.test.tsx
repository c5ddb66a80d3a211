// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { renderInApp } from '../testing/render';
import { FormModal } from './form-modal';

function UnitNameDialog(props: { pending?: boolean; error?: unknown; onSave: (values: { name: string }) => void; onCancel?: () => void }) {
  return (
    <FormModal
      open
      title="Đổi tên đơn vị"
      formId="rename-unit"
      okText="Lưu"
      pending={props.pending ?? false}
      error={props.error ?? null}
      onCancel={props.onCancel ?? vi.fn()}
    >
      <Form id="rename-unit" onFinish={props.onSave} initialValues={{ name: 'Chi bộ Thôn 1' }}>
        <Form.Item name="name" label="Tên đơn vị" rules={[{ required: true, message: 'Hãy nhập tên đơn vị' }]}>
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

describe('FormModal', () => {
  it('submits the form inside with its own OK button', async () => {
    const onSave = vi.fn();
    await renderInApp(<UnitNameDialog onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('Tên đơn vị'), { target: { value: 'Chi bộ Thôn Đông' } });
    fireEvent.click(screen.getByTestId('rename-unit-submit'));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ name: 'Chi bộ Thôn Đông' }));
  });

  it('does not submit what the form refuses, and says why beside the field', async () => {
    const onSave = vi.fn();
    await renderInApp(<UnitNameDialog onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('Tên đơn vị'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('rename-unit-submit'));
    expect(await screen.findByText('Hãy nhập tên đơn vị')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal with each problem above what was typed, which stays', async () => {
    const refusal = new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu chưa hợp lệ.', [
      { path: 'name', message: 'Tên đơn vị đã có trong xã.' },
    ]);
    await renderInApp(<UnitNameDialog onSave={vi.fn()} error={refusal} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Dữ liệu chưa hợp lệ.');
    expect(alert.textContent).toContain('Tên đơn vị đã có trong xã.');
    expect((screen.getByLabelText('Tên đơn vị') as HTMLInputElement).value).toBe('Chi bộ Thôn 1');
  });

  it('cannot be cancelled while the save is under way', async () => {
    const onCancel = vi.fn();
    await renderInApp(<UnitNameDialog onSave={vi.fn()} pending onCancel={onCancel} />);
    const cancel = screen.getByRole('button', { name: 'Hủy' });
    expect(cancel).toHaveProperty('disabled', true);
    fireEvent.click(cancel);
    expect(onCancel).not.toHaveBeenCalled();
  });
});
