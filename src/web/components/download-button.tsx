import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryParams } from '../api/client';
import { downloadFile } from '../api/download';
import { describeError } from '../lib/errors';

interface DownloadButtonProps {
  path: string;
  params?: QueryParams;
  fileName: string;
  children: ReactNode;
  icon?: ReactNode;
  type?: 'default' | 'link' | 'primary';
  'data-testid'?: string;
}

/** Exports can take a few seconds on a large subtree; the spinner tells the user it is coming. */
export function DownloadButton({ path, params, fileName, children, icon, type = 'default', ...rest }: DownloadButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    try {
      await downloadFile(path, params, fileName);
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button type={type} icon={icon ?? <DownloadOutlined />} loading={busy} onClick={() => void start()} data-testid={rest['data-testid']}>
      {children}
    </Button>
  );
}
