import { App, Alert, DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { FormModal } from '../../components/form-modal';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import { useUnit } from '../units/units.api';
import { AttachmentsField } from './attachments-field';
import {
  type Breakthrough,
  type BreakthroughDetail,
  type FileSummary,
  useAddBreakthroughProgress,
  useAdoptBreakthrough,
  useChangeBreakthroughStatus,
} from './programme.api';

interface DialogProps {
  content: Breakthrough;
  onClose: () => void;
  onDone: (saved: BreakthroughDetail) => void;
}

const notFuture = (date: Dayjs) => date.isAfter(dayjs(), 'day');

/** A progress report with evidence files, uploaded for the unit in charge. */
export function ProgressModal({ content, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutation = useAddBreakthroughProgress();
  const required = { required: true, message: t('programme.validation.required') };
  return (
    <FormModal
      open
      title={t('programme.breakthroughs.progressTitle')}
      formId="breakthrough-progress"
      okText={t('common.save')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
    >
      <Form<{ reportedOn?: Dayjs; progressPercent: number; note: string; files: FileSummary[] }>
        id="breakthrough-progress"
        layout="vertical"
        initialValues={{ reportedOn: dayjs(), progressPercent: content.progressPercent, files: [] }}
        disabled={mutation.isPending}
        onFinish={(values) =>
          mutation.mutate(
            {
              id: content.id,
              reportedOn: toApiDate(values.reportedOn) ?? '',
              progressPercent: values.progressPercent,
              note: values.note.trim(),
              fileIds: values.files.map((file) => file.id),
            },
            {
              onSuccess: (saved) => {
                void message.success(t('programme.breakthroughs.progressSaved'));
                onDone(saved);
              },
            },
          )
        }
      >
        <Form.Item name="reportedOn" label={t('programme.breakthroughs.fields.reportedOn')} rules={[required]}>
          <DatePicker format={DATE_FORMAT} disabledDate={notFuture} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="progressPercent" label={t('programme.breakthroughs.fields.percent')} rules={[required]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} data-testid="progress-percent" />
        </Form.Item>
        <Form.Item name="note" label={t('programme.breakthroughs.fields.note')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="progress-note" />
        </Form.Item>
        <Form.Item name="files" label={t('programme.breakthroughs.evidence')}>
          <AttachmentsField unitId={content.ownerUnit.id} purpose="breakthrough_update" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Done (with its day) or not done (with the reason): the choosing level records the result. */
export function ResultModal({ content, status, onClose, onDone }: DialogProps & { status: 'done' | 'not_done' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutation = useChangeBreakthroughStatus();
  const required = { required: true, message: t('programme.validation.required') };
  return (
    <FormModal
      open
      title={status === 'done' ? t('programme.breakthroughs.markDone') : t('programme.breakthroughs.markNotDone')}
      formId="breakthrough-result"
      okText={t('common.save')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
    >
      <Form<{ completedOn?: Dayjs; result?: string }>
        id="breakthrough-result"
        layout="vertical"
        initialValues={{ completedOn: fromApiDate(content.deadline)?.isBefore(dayjs()) ? fromApiDate(content.deadline) : dayjs() }}
        disabled={mutation.isPending}
        onFinish={(values) =>
          mutation.mutate(
            {
              id: content.id,
              status,
              completedOn: status === 'done' ? toApiDate(values.completedOn) : undefined,
              result: values.result?.trim() || null,
              version: content.version,
            },
            {
              onSuccess: (saved) => {
                void message.success(t('programme.breakthroughs.statusSaved'));
                onDone(saved);
              },
            },
          )
        }
      >
        {status === 'done' ? (
          <Form.Item name="completedOn" label={t('programme.breakthroughs.fields.completedOn')} rules={[required]}>
            <DatePicker format={DATE_FORMAT} disabledDate={notFuture} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="result"
          label={status === 'done' ? t('programme.breakthroughs.fields.result') : t('programme.breakthroughs.notDoneReason')}
          rules={status === 'not_done' ? [required] : []}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="result-text" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** The acting unit takes a content of a level above it as its own. */
export function AdoptModal({ content, actingUnit, onClose, onDone }: DialogProps & { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutation = useAdoptBreakthrough();
  const unit = useUnit(actingUnit.id);
  const required = { required: true, message: t('programme.validation.required') };
  return (
    <FormModal
      open
      title={t('programme.breakthroughs.adoptTitle', { unit: actingUnit.name })}
      formId="breakthrough-adopt"
      okText={t('programme.breakthroughs.adopt')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
      width={720}
    >
      <Alert type="info" showIcon title={content.title} description={t('programme.breakthroughs.adoptHelp')} className="block-gap-bottom" />
      <Form<{ owner?: UnitChoice | null; target: string; deadline?: Dayjs }>
        id="breakthrough-adopt"
        layout="vertical"
        initialValues={{
          owner: { value: actingUnit.id, label: actingUnit.name },
          target: content.target,
          deadline: fromApiDate(content.deadline),
        }}
        disabled={mutation.isPending}
        onFinish={(values) =>
          mutation.mutate(
            {
              id: content.id,
              unitId: actingUnit.id,
              ownerUnitId: values.owner?.value,
              target: values.target.trim(),
              deadline: toApiDate(values.deadline),
            },
            {
              onSuccess: (saved) => {
                void message.success(t('programme.breakthroughs.adopted', { title: saved.title }));
                onDone(saved);
              },
            },
          )
        }
      >
        <Form.Item name="target" label={t('programme.breakthroughs.fields.target')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="owner" label={t('programme.breakthroughs.fields.ownerUnit')} rules={[required]}>
          <UnitTreeSelect roots={unit.data ? [unit.data] : []} />
        </Form.Item>
        <Form.Item name="deadline" label={t('programme.breakthroughs.fields.deadline')} rules={[required]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
