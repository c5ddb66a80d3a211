import { PaperClipOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { FileSummary } from './programme.api';

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** Attachments as plain download links: the server checks who may read each one. */
export function FileLinks({ files }: { files: FileSummary[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return <Typography.Text type="secondary">{t('programme.files.none')}</Typography.Text>;
  return (
    <ul className="file-links">
      {files.map((file) => (
        <li key={file.id}>
          <PaperClipOutlined aria-hidden />{' '}
          <a href={`/api/files/${file.id}`} download={file.name} data-testid="file-link">
            {file.name}
          </a>{' '}
          <Typography.Text type="secondary">({sizeLabel(file.sizeBytes)})</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
