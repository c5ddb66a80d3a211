import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/errors';
import { type FileSummary, uploadAttachment } from './programme.api';

interface AttachmentsFieldProps {
  /** The unit the files are uploaded for: the record's unit, so the server accepts them on save. */
  unitId: number;
  purpose: 'plan' | 'topic' | 'breakthrough_update';
  value?: FileSummary[];
  onChange?: (files: FileSummary[]) => void;
  disabled?: boolean;
  'data-testid'?: string;
}

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png,.webp';

/**
 * Files are uploaded as soon as they are picked (through the API client, which adds the CSRF
 * token) and the record keeps only their ids; the server checks each file by its content.
 */
export function AttachmentsField({ unitId, purpose, value = [], onChange, disabled, ...rest }: AttachmentsFieldProps) {
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
        uploadAttachment(unitId, purpose, file as File)
          .then((stored) => {
            onChange?.([...value, stored]);
            onSuccess?.(stored);
          })
          .catch((error: unknown) => {
            void message.error(`${(file as File).name}: ${describeError(error, t)}`);
            onError?.(error instanceof Error ? error : new Error(String(error)));
          });
      }}
      onRemove={(removed) => {
        onChange?.(value.filter((file) => String(file.id) !== removed.uid));
        return true;
      }}
    >
      <Button icon={<UploadOutlined />} disabled={disabled} data-testid={rest['data-testid']}>
        {t('programme.files.add')}
      </Button>
      <div className="field-hint">{t('programme.files.hint')}</div>
    </Upload>
  );
}
