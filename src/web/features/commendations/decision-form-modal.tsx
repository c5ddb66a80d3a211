import { App, DatePicker, Form, Input, InputNumber, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, formatDate, toApiDate } from '../../lib/format';
import { type NominationListItem, useCommendationForms, useCreateDecision, useNominations } from './commendations.api';

interface Values {
  formCode: string;
  numberValue?: number | null;
  decidedOn: Dayjs;
  period: [Dayjs, Dayjs];
  title: string;
  signerName?: string;
  signerTitle?: string;
}

const FORM_ID = 'decision-form';

/** Records the level's decision: its form, number, date and period, and which held nominations it names. */
export function DecisionFormModal({ actingUnit, onClose }: { actingUnit: ActingUnit; onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const forms = useCommendationForms();
  const held = useNominations({ unitId: actingUnit.id, view: 'held', page: 1, pageSize: 200 });
  const create = useCreateDecision();
  const [picked, setPicked] = useState<number[]>([]);
  const [pickError, setPickError] = useState(false);
  const formCode = Form.useWatch('formCode', form);
  /** "Về việc biểu dương…" for a praise, "Về việc tặng Bằng khen cho…" for an award. */
  const defaultTitle = (code: string | undefined) => {
    const name = forms.data?.find((item) => item.code === code)?.name;
    if (!name) return undefined;
    return code === 'bieu_duong'
      ? t('commendations.decisions.titleDefaultPraise')
      : t('commendations.decisions.titleDefault', { form: name });
  };

  const submit = (values: Values) => {
    if (picked.length === 0) {
      setPickError(true);
      return;
    }
    create.mutate(
      {
        unitId: actingUnit.id,
        formCode: values.formCode,
        numberValue: values.numberValue ?? null,
        decidedOn: toApiDate(values.decidedOn),
        periodFrom: toApiDate(values.period[0]),
        periodTo: toApiDate(values.period[1]),
        title: values.title.trim(),
        signerName: values.signerName?.trim() || null,
        signerTitle: values.signerTitle?.trim() || null,
        nominationIds: picked,
      },
      {
        onSuccess: (decision) => {
          void message.success(t('commendations.decisions.created', { number: decision.numberSymbol }));
          onClose(true);
        },
      },
    );
  };

  return (
    <FormModal
      open
      title={t('commendations.decisions.formTitle')}
      formId={FORM_ID}
      okText={t('common.save')}
      pending={create.isPending}
      error={create.error}
      onCancel={() => onClose(false)}
      width={860}
    >
      <Form<Values>
        id={FORM_ID}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ decidedOn: dayjs(), period: [dayjs().startOf('year'), dayjs()] }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.formCode && !form.isFieldTouched('title')) form.setFieldValue('title', defaultTitle(changed.formCode));
        }}
      >
        <Form.Item
          name="formCode"
          label={t('commendations.decisions.form')}
          rules={[{ required: true, message: t('commendations.decisions.formRequired') }]}
        >
          <Select
            loading={forms.isLoading}
            options={(forms.data ?? []).map((item) => ({ value: item.code, label: item.name }))}
            data-testid="decision-form-code"
          />
        </Form.Item>
        <Form.Item name="numberValue" label={t('commendations.decisions.number')} extra={t('commendations.decisions.numberHelp')}>
          <InputNumber min={1} max={99999} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label={t('commendations.decisions.decidedOn')}
          rules={[{ required: true, message: t('commendations.decisions.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('commendations.fields.period')}
          rules={[{ required: true, message: t('commendations.form.periodRequired') }]}
        >
          <DatePicker.RangePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('commendations.decisions.titleField')}
          rules={[{ required: true, whitespace: true }, { max: 500 }]}
        >
          <Input.TextArea rows={2} placeholder={defaultTitle(formCode)} data-testid="decision-title" />
        </Form.Item>
        <Form.Item name="signerTitle" label={t('commendations.decisions.signerTitle')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="signerName" label={t('commendations.decisions.signerName')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label={t('commendations.decisions.nominations')}
          extra={t('commendations.decisions.nominationsHelp', { unit: actingUnit.name })}
          validateStatus={pickError ? 'error' : undefined}
          help={pickError ? t('commendations.decisions.pickOne') : undefined}
        >
          <Table<NominationListItem>
            rowKey="id"
            size="small"
            loading={held.isFetching}
            pagination={false}
            dataSource={held.data?.items ?? []}
            locale={{ emptyText: t('commendations.decisions.noneHeld') }}
            rowSelection={{
              selectedRowKeys: picked,
              onChange: (keys) => {
                setPicked(keys.map(Number));
                setPickError(false);
              },
            }}
            columns={[
              { title: t('commendations.fields.subject'), render: (_, row) => row.subjectName ?? row.title },
              {
                title: t('commendations.fields.kind'),
                dataIndex: 'kind',
                width: 140,
                render: (value: string) => t(`commendations.kinds.${value as NominationListItem['kind']}`),
              },
              { title: t('commendations.fields.unit'), dataIndex: 'unitName', width: 200 },
              {
                title: t('commendations.fields.period'),
                width: 190,
                render: (_, row) => `${formatDate(row.periodFrom)} – ${formatDate(row.periodTo)}`,
              },
            ]}
            data-testid="decision-nominations"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
