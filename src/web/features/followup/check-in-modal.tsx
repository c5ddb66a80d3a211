import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Slider, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { describeError } from '../../lib/errors';
import { type FileSummary, type FollowupAction, type FollowupRegistration, uploadEvidence, useCheckIn } from './followup.api';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png,.webp';

/** A check-in on one action: progress, what was done, and evidence files uploaded as they are picked. */
export function CheckInModal({
  registration,
  action,
  onClose,
}: {
  registration: FollowupRegistration;
  action: FollowupAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ progressPercent: number; note: string }>();
  const [files, setFiles] = useState<FileSummary[]>([]);
  const checkIn = useCheckIn(registration.id);
  const fileList: UploadFile[] = files.map((file) => ({
    uid: String(file.id),
    name: file.name,
    status: 'done',
    url: `/api/files/${file.id}`,
  }));

  return (
    <FormModal
      open
      title={t('followup.checkIn.title', { position: action.position })}
      formId="check-in-form"
      okText={t('followup.checkIn.save')}
      pending={checkIn.isPending}
      error={checkIn.error}
      onCancel={onClose}
    >
      <p className="followup-muted">{action.content}</p>
      <Form
        id="check-in-form"
        form={form}
        layout="vertical"
        initialValues={{ progressPercent: action.progressPercent, note: '' }}
        onFinish={(values) =>
          checkIn.mutate(
            { actionId: action.id, progressPercent: values.progressPercent, note: values.note, fileIds: files.map((file) => file.id) },
            {
              onSuccess: () => {
                void message.success(t('followup.checkIn.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="progressPercent" label={t('followup.checkIn.progress')} rules={[{ required: true }]}>
          <Slider min={0} max={100} step={5} marks={{ 0: '0%', 50: '50%', 100: '100%' }} data-testid="check-in-progress" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('followup.checkIn.note')}
          rules={[{ required: true, whitespace: true, message: t('followup.checkIn.noteRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t('followup.checkIn.notePlaceholder')}
            data-testid="check-in-note"
          />
        </Form.Item>
        <Form.Item label={t('followup.checkIn.evidence')} extra={t('followup.checkIn.evidenceHint')}>
          <Upload
            accept={ACCEPT}
            multiple
            fileList={fileList}
            customRequest={({ file, onSuccess, onError }) => {
              uploadEvidence(registration.unit.id, file as File)
                .then((stored) => {
                  setFiles((current) => [...current, stored]);
                  onSuccess?.(stored);
                })
                .catch((error: unknown) => {
                  void message.error(`${(file as File).name}: ${describeError(error, t)}`);
                  onError?.(error instanceof Error ? error : new Error(String(error)));
                });
            }}
            onRemove={(removed) => {
              setFiles((current) => current.filter((file) => String(file.id) !== removed.uid));
              return true;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('followup.checkIn.upload')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
