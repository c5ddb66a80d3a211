import { type ButtonProps, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert } from './form-bits';

interface FormModalProps {
  open: boolean;
  title: ReactNode;
  /** The id of the <Form> inside, so that the OK button submits it and Enter works in every field. */
  formId: string;
  okText: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  danger?: boolean;
  width?: number;
  children: ReactNode;
}

/** The frame of every edit dialog: the form's own submit button, the server's refusal on top. */
export function FormModal({ open, title, formId, okText, pending, error, onCancel, danger, width = 620, children }: FormModalProps) {
  const { t } = useTranslation();
  const okButtonProps: ButtonProps & { 'data-testid': string } = {
    htmlType: 'submit',
    form: formId,
    danger,
    loading: pending,
    'data-testid': `${formId}-submit`,
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={okButtonProps}
      cancelButtonProps={{ disabled: pending }}
      mask={{ closable: !pending }}
      keyboard={!pending}
      width={width}
      destroyOnHidden
    >
      <MutationErrorAlert error={error} />
      {children}
    </Modal>
  );
}
