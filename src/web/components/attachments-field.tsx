import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';
import type { FileSummary } from '../../shared/contracts/files';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png,.webp';

interface AttachmentsFieldProps {
  value: FileSummary[];
  onChange: (files: FileSummary[]) => void;
  /** Uploads one picked file (the server checks its content) and answers what it stored. */
  upload: (file: File) => Promise<FileSummary>;
  buttonLabel: string;
  disabled?: boolean;
}

/** A record's attachments: uploaded when picked, attached by id when the record is saved. */
export function AttachmentsField({ value, onChange, upload, buttonLabel, disabled = false }: AttachmentsFieldProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fileList: UploadFile[] = value.map((file) => ({
    uid: String(file.id),
    name: file.name,
    status: 'done',
    url: `/api/files/${file.id}`,
  }));
  return (
    <Upload
      accept={ACCEPT}
      multiple
      fileList={fileList}
      disabled={disabled}
      customRequest={({ file, onSuccess, onError }) => {
        upload(file as File)
          .then((stored) => {
            onChange([...value, stored]);
            onSuccess?.(stored);
          })
          .catch((error: unknown) => {
            void message.error(describeError(error, t));
            onError?.(error as Error);
          });
      }}
      onRemove={(file) => onChange(value.filter((item) => String(item.id) !== file.uid))}
    >
      {!disabled && <Button icon={<UploadOutlined />}>{buttonLabel}</Button>}
    </Upload>
  );
}
