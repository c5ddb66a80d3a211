import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { describeError } from '../../lib/errors';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import { fileViewPath, type StandardSign, uploadSignPhoto, useSaveSign } from './standards.api';

interface Values {
  postedOn: Dayjs;
  location?: string;
}

interface SignFormModalProps {
  unitId: number;
  sign: StandardSign | null;
  /** The first adoption: a sign cannot be posted before it. */
  earliest: string | null;
  onClose: () => void;
}

/** Records (or corrects) the posted sign; the photo is uploaded at once and attached on save. */
export function SignFormModal({ unitId, sign, earliest, onClose }: SignFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveSign();
  const [uploading, setUploading] = useState(false);
  const [photo, setPhoto] = useState<UploadFile | null>(
    sign?.photo
      ? {
          uid: String(sign.photo.id),
          name: sign.photo.name,
          status: 'done',
          url: fileViewPath(sign.photo.id),
          response: { id: sign.photo.id },
        }
      : null,
  );

  const submit = (values: Values) => {
    const photoFileId = photo?.status === 'done' ? ((photo.response as { id: number } | undefined)?.id ?? null) : null;
    save
      .mutateAsync({
        unitId,
        postedOn: toApiDate(values.postedOn)!,
        location: values.location?.trim() || null,
        photoFileId,
        version: sign?.version,
      })
      .then(
        () => {
          void message.success(t('standards.sign.saved'));
          onClose();
        },
        () => undefined,
      );
  };

  return (
    <FormModal
      open
      title={t('standards.sign.modalTitle')}
      formId="standards-sign"
      okText={t('common.save')}
      pending={save.isPending || uploading}
      error={save.error}
      onCancel={onClose}
    >
      <Form<Values>
        id="standards-sign"
        layout="vertical"
        onFinish={submit}
        disabled={save.isPending}
        initialValues={{ postedOn: fromApiDate(sign?.postedOn) ?? dayjs(), location: sign?.location ?? '' }}
      >
        <Form.Item
          name="postedOn"
          label={t('standards.sign.postedOn')}
          rules={[{ required: true, message: t('standards.sign.postedOnRequired') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.datePlaceholder')}
            style={{ width: '100%' }}
            disabledDate={(date) => date.isAfter(dayjs(), 'day') || (earliest ? date.isBefore(dayjs(earliest), 'day') : false)}
            data-testid="standards-sign-date"
          />
        </Form.Item>
        <Form.Item name="location" label={t('standards.sign.location')}>
          <Input maxLength={300} placeholder={t('standards.sign.locationPlaceholder')} data-testid="standards-sign-location" />
        </Form.Item>
        <Form.Item label={t('standards.sign.photo')} extra={t('standards.sign.uploadHelp')}>
          <Upload
            accept="image/jpeg,image/png,image/webp"
            listType="picture"
            maxCount={1}
            fileList={photo ? [photo] : []}
            onRemove={() => setPhoto(null)}
            customRequest={({ file, onSuccess, onError }) => {
              setUploading(true);
              // Through the API client, so the upload carries the session's CSRF token like every write.
              uploadSignPhoto(unitId, file as File)
                .then((stored) => {
                  setPhoto({ uid: String(stored.id), name: stored.name, status: 'done', url: fileViewPath(stored.id), response: stored });
                  onSuccess?.(stored);
                })
                .catch((error: unknown) => {
                  setPhoto(null);
                  void message.error(t('standards.sign.uploadFailed', { message: describeError(error, t) }));
                  onError?.(error as Error);
                })
                .finally(() => setUploading(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="standards-sign-photo">
              {t('standards.sign.upload')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
