import { App } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

export interface ConfirmActionOptions {
  title: string;
  content?: ReactNode;
  okText: string;
  /** A deletion or another step that cannot be taken back: the OK button is red. */
  danger?: boolean;
  /** The OK button's id, for the browser journeys. */
  okId?: string;
  /** The call the confirmation makes; the OK button shows it loading until it answers. */
  run: () => Promise<unknown>;
  doneText: string;
  onDone?: () => void;
}

/**
 * Asks before a step, makes the call on OK, and says how it went: the success message, or the
 * server's refusal in words. One shape for every "are you sure?" of the app.
 */
export function useConfirmAction(): (options: ConfirmActionOptions) => void {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  return (options) => {
    modal.confirm({
      title: options.title,
      content: options.content,
      okText: options.okText,
      okButtonProps: { danger: options.danger ?? false, ...(options.okId ? { id: options.okId } : {}) },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await options.run();
          void message.success(options.doneText);
          options.onDone?.();
        } catch (error) {
          void message.error(describeError(error, t));
        }
      },
    });
  };
}
