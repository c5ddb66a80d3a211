import { UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Radio, Select, Switch, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { describeError } from '../../lib/errors';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import { SESSION_KINDS } from '../../../shared/contracts/study';
import { type SessionKind, type StudySession, useApplicableTopics, useSaveSession, useUploadSessionFile } from './study.api';

interface FormValues {
  unit: UnitChoice | null;
  kind: SessionKind;
  heldOn: Dayjs | null;
  topicId?: number | null;
  title: string;
  place?: string;
  isOnline: boolean;
  hasCampaignItem: boolean;
  notes?: string;
}

interface SessionFormModalProps {
  session: StudySession | null;
  defaultUnit?: UnitChoice;
  onClose: () => void;
  onDone: (session: StudySession) => void;
}

const FORM_ID = 'session-form';

/** Create or edit a session or meeting; a topic is offered only when it reaches the unit in that year. */
export function SessionFormModal({ session, defaultUnit, onClose, onDone }: SessionFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveSession();
  const upload = useUploadSessionFile();
  const kind = Form.useWatch('kind', form) ?? session?.kind ?? 'study';
  const unit = Form.useWatch('unit', form);
  const heldOn = Form.useWatch('heldOn', form);
  const unitId = session?.unit.id ?? unit?.value ?? defaultUnit?.value;
  const year = (heldOn ?? dayjs()).year();
  const topics = useApplicableTopics(unitId, year);
  const [files, setFiles] = useState<UploadFile<{ id: number }>[]>(
    (session?.files ?? []).map((file) => ({ uid: String(file.id), name: file.name, status: 'done', response: { id: file.id } })),
  );
  const isMeeting = kind === 'cell_meeting';

  const submit = (values: FormValues) => {
    const fileIds = files.flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : []));
    save.mutate(
      {
        id: session?.id ?? null,
        input: {
          ...(session ? { version: session.version } : { unitId }),
          kind: values.kind,
          topicId: values.kind === 'cell_meeting' ? null : (values.topicId ?? null),
          title: values.title,
          heldOn: toApiDate(values.heldOn) ?? '',
          place: values.place?.trim() || null,
          isOnline: values.isOnline,
          hasCampaignItem: values.kind === 'cell_meeting' && values.hasCampaignItem,
          notes: values.notes?.trim() || null,
          fileIds,
        },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <FormModal
      open
      title={session ? t('study.form.editTitle') : t('study.form.createTitle')}
      formId={FORM_ID}
      okText={t('common.save')}
      pending={save.isPending || upload.isPending}
      error={save.error}
      onCancel={onClose}
      width={680}
    >
      <Form<FormValues>
        id={FORM_ID}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          unit: defaultUnit ?? null,
          kind: session?.kind ?? 'study',
          heldOn: fromApiDate(session?.heldOn) ?? null,
          topicId: session?.topic?.id ?? null,
          title: session?.title ?? '',
          place: session?.place ?? '',
          isOnline: session?.isOnline ?? false,
          hasCampaignItem: session?.hasCampaignItem ?? true,
          notes: session?.notes ?? '',
        }}
      >
        {session ? null : (
          <Form.Item name="unit" label={t('study.fields.unit')} rules={[{ required: true, message: t('study.form.unitRequired') }]}>
            <UnitTreeSelect data-testid="session-unit" />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('study.fields.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={SESSION_KINDS.map((value) => ({ value, label: t(`study.kinds.${value}`) }))}
            data-testid="session-kind"
          />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label={t('study.fields.heldOn')}
          rules={[{ required: true, message: t('study.form.dateRequired') }]}
          extra={t('study.form.dateHelp')}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.datePlaceholder')}
            style={{ width: '100%' }}
            disabledDate={(date) => date.isAfter(dayjs(), 'day')}
            data-testid="session-date"
          />
        </Form.Item>
        {isMeeting ? null : (
          <Form.Item
            name="topicId"
            label={t('study.fields.topic')}
            rules={[{ required: true, message: t('study.form.topicRequired') }]}
            extra={topics.data && topics.data.length === 0 ? t('study.form.noTopic', { year }) : undefined}
          >
            <Select<number>
              loading={topics.isFetching}
              placeholder={t('study.form.topicPlaceholder')}
              options={(topics.data ?? []).map((topic) => ({ value: topic.id, label: `${topic.title} (${topic.unitName})` }))}
              data-testid="session-topic"
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('study.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('study.form.titleRequired') }, { max: 300 }]}
        >
          <Input
            placeholder={isMeeting ? t('study.form.meetingTitlePlaceholder') : t('study.form.titlePlaceholder')}
            data-testid="session-title"
          />
        </Form.Item>
        <Form.Item name="place" label={t('study.fields.place')} rules={[{ max: 300 }]}>
          <Input data-testid="session-place" />
        </Form.Item>
        <Form.Item name="isOnline" label={t('study.fields.isOnline')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {isMeeting ? (
          <Form.Item name="hasCampaignItem" valuePropName="checked">
            <Checkbox data-testid="session-campaign">{t('study.fields.hasCampaignItem')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="notes" label={t('study.fields.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t('study.fields.materials')} extra={t('study.form.materialsHelp')}>
          <Upload<{ id: number }>
            fileList={files}
            onChange={({ fileList }) => setFiles(fileList)}
            customRequest={({ file, onSuccess, onError }) => {
              if (!unitId) return;
              // One promise per file: several files may upload at once.
              upload
                .mutateAsync({ unitId, file: file as File })
                .then((stored) => onSuccess?.({ id: stored.id }))
                .catch((error: unknown) => onError?.(new Error(describeError(error, t))));
            }}
          >
            <Button icon={<UploadOutlined />} disabled={!unitId}>
              {t('study.form.upload')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
