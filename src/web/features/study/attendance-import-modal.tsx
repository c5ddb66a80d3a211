import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Result, Space, Spin, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert } from '../../components/form-bits';
import { RowErrorsTable } from '../../components/row-errors-table';
import { describeError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import './study.css';
import { type AttendancePreview, type StudySession, usePreviewAttendance, useSaveAttendance } from './study.api';

interface AttendanceImportModalProps {
  session: StudySession;
  onClose: () => void;
  onApplied: () => void;
}

/**
 * The filled template is checked first and nothing is written while any row is wrong; once the
 * file is clean, one click saves the whole attendance it gives (people not listed are present).
 */
export function AttendanceImportModal({ session, onClose, onApplied }: AttendanceImportModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preview = usePreviewAttendance(session.id);
  const save = useSaveAttendance(session.id);
  const [result, setResult] = useState<AttendancePreview | null>(null);

  const choose = (file: File) => {
    setResult(null);
    preview.mutate(file, { onSuccess: setResult });
    return false;
  };
  const apply = () => {
    if (!result) return;
    save
      .mutateAsync({ version: result.version, rows: result.rows.map(({ personId, status, reason }) => ({ personId, status, reason })) })
      .then(
        () => {
          void message.success(t('study.import.done', { formatted: formatNumber(result.rows.length) }));
          onClose();
          onApplied();
        },
        () => undefined, // shown by the alert at the top of the dialog
      );
  };
  const counts = { present: 0, absent_excused: 0, absent: 0 };
  for (const row of result?.rows ?? []) counts[row.status] += 1;

  return (
    <Modal
      open
      title={t('study.import.title')}
      onCancel={onClose}
      width={760}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={!result || result.errors.length > 0 || result.rows.length === 0}
            loading={save.isPending}
            onClick={apply}
            data-testid="attendance-import-apply"
          >
            {t('study.import.apply')}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <MutationErrorAlert error={save.error} />
      <Upload.Dragger accept=".xlsx" showUploadList={false} beforeUpload={choose} disabled={preview.isPending}>
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('study.import.drop')}</p>
      </Upload.Dragger>
      {preview.isPending ? <Spin className="study-gap-top" /> : null}
      {preview.isError ? <Alert type="error" showIcon title={describeError(preview.error, t)} className="study-gap-top" /> : null}
      {result && result.errors.length > 0 ? (
        <>
          <Alert
            type="error"
            showIcon
            className="study-gap-top"
            title={t('study.import.hasErrors', { formatted: formatNumber(result.errors.length) })}
          />
          <RowErrorsTable errors={result.errors} testId="attendance-import-errors" />
        </>
      ) : null}
      {result && result.errors.length === 0 ? (
        <Result
          status="success"
          title={t('study.import.ready')}
          subTitle={
            <Space wrap>
              <Tag color="green">{t('study.attendance.countPresent', { formatted: formatNumber(counts.present) })}</Tag>
              <Tag color="orange">{t('study.attendance.countExcused', { formatted: formatNumber(counts.absent_excused) })}</Tag>
              <Tag color="red">{t('study.attendance.countAbsent', { formatted: formatNumber(counts.absent) })}</Tag>
            </Space>
          }
        />
      ) : null}
    </Modal>
  );
}
