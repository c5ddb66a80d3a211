import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/errors';
import { type FileSummary, uploadReportFile } from './reports.api';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png,.webp';

/** A report's annexes: uploaded when picked (the server checks the content), attached by id on save. */
export function ReportFilesField({ unitId, value, onChange, disabled }: { unitId: number; value: FileSummary[]; onChange: (files: FileSummary[]) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fileList: UploadFile[] = value.map((file) => ({ uid: String(file.id), name: file.name, status: 'done', url: `/api/files/${file.id}` }));
  return (
    <Upload
      accept={ACCEPT}
      multiple
      fileList={fileList}
      disabled={disabled}
      customRequest={({ file, onSuccess, onError }) => {
        uploadReportFile(unitId, file as File)
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
      {!disabled && <Button icon={<UploadOutlined />}>{t('reports.answer.attach')}</Button>}
    </Upload>
  );
}
