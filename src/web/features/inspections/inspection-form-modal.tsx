import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Checkbox, DatePicker, Form, Input, Radio, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import { unitChildrenQuery, useUnit } from '../units/units.api';
import { INSPECTION_KINDS } from '../../../shared/contracts/inspections';
import {
  type InspectionContent,
  type InspectionDetail,
  type InspectionKind,
  useCreateInspection,
  useUpdateInspection,
} from './inspections.api';
import { useInspectionLabels } from './inspection-labels';

interface Values {
  kind: InspectionKind;
  unit?: UnitChoice | null;
  title: string;
  contents: InspectionContent[];
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  team: Array<{ name: string; role: string }>;
  note?: string;
}

const FORM_ID = 'inspection-form';
const ROLES = ['Trưởng đoàn', 'Phó Trưởng đoàn', 'Thành viên', 'Thư ký'];

export interface PlanInspectionModalProps {
  /** The level whose plan it goes into: it inspects, the inspected unit is below it. */
  ownerUnitId: number;
  /** The unit to inspect, chosen beforehand (e.g. a lagging unit); otherwise picked in the form. */
  unitId?: number;
  year: number;
  /** Put into the plan from the lagging list of that year: the handling is recorded with it. */
  fromLaggingYear?: number;
  open: boolean;
  onClose: () => void;
  onCreated: (inspection: InspectionDetail) => void;
}

/**
 * "Thêm vào kế hoạch": puts an inspection or a supervision of a unit below the level into its plan
 * for the year. The lagging list opens it with the unit and `fromLaggingYear` filled in.
 */
export function PlanInspectionModal(props: PlanInspectionModalProps) {
  if (!props.open) return null;
  return <InspectionFormModal mode={{ kind: 'create', create: props }} onClose={props.onClose} />;
}

/** Changes a planned or running inspection: what, when and by whom (its unit and year stay). */
export function EditInspectionModal({ inspection, onClose }: { inspection: InspectionDetail; onClose: () => void }) {
  return <InspectionFormModal mode={{ kind: 'edit', edit: inspection }} onClose={onClose} />;
}

type Mode = { kind: 'create'; create: PlanInspectionModalProps } | { kind: 'edit'; edit: InspectionDetail };

function InspectionFormModal({ mode, onClose }: { mode: Mode; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateInspection();
  const update = useUpdateInspection();
  const mutation = mode.kind === 'create' ? create : update;
  const prefilledId = mode.kind === 'create' ? (mode.create.unitId ?? null) : null;
  const prefilled = useUnit(prefilledId);
  const waiting = prefilledId !== null && prefilled.isPending;
  const year = mode.kind === 'create' ? mode.create.year : mode.edit.year;

  const submit = (values: Values) => {
    const fields = {
      kind: values.kind,
      title: values.title.trim(),
      contents: values.contents,
      startsOn: toApiDate(values.startsOn) ?? '',
      endsOn: toApiDate(values.endsOn) ?? '',
      team: values.team.map((member) => ({ name: member.name.trim(), role: member.role.trim(), userId: null })),
      note: values.note?.trim() || null,
    };
    if (mode.kind === 'create') {
      const { ownerUnitId, fromLaggingYear, onCreated } = mode.create;
      create.mutate(
        { ...fields, ownerUnitId, unitId: values.unit!.value, year, fromLaggingYear: fromLaggingYear ?? null },
        { onSuccess: onCreated },
      );
    } else {
      update.mutate({ ...fields, id: mode.edit.id, version: mode.edit.version }, { onSuccess: onClose });
    }
  };

  return (
    <FormModal
      open
      title={mode.kind === 'create' ? t('inspections.form.createTitle', { year }) : t('inspections.form.editTitle')}
      formId={FORM_ID}
      okText={mode.kind === 'create' ? t('inspections.form.create') : t('common.save')}
      pending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
      width={720}
    >
      {waiting ? (
        <Skeleton active />
      ) : (
        <InspectionForm
          mode={mode}
          year={year}
          prefilledUnit={prefilled.data ? { value: prefilled.data.id, label: prefilled.data.name } : null}
          onSubmit={submit}
        />
      )}
    </FormModal>
  );
}

function InspectionForm({
  mode,
  year,
  prefilledUnit,
  onSubmit,
}: {
  mode: Mode;
  year: number;
  prefilledUnit: UnitChoice | null;
  onSubmit: (values: Values) => void;
}) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const [form] = Form.useForm<Values>();
  const editing = mode.kind === 'edit' ? mode.edit : null;
  const creating = mode.kind === 'create' ? mode.create : null;
  const ownerUnitId = creating?.ownerUnitId ?? null;
  const children = useQuery({ ...unitChildrenQuery(ownerUnitId ?? 0), enabled: ownerUnitId !== null && !prefilledUnit });
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'inspection';
  const inYear = dayjs(`${year}-01-01`);
  const pickerStart = dayjs().year() === year ? dayjs() : inYear;

  /** A title to start from once the unit is known, so most users only check it. */
  const suggestTitle = (unitName: string, nextKind: InspectionKind = kind) => {
    if (form.isFieldTouched('title') && form.getFieldValue('title')) return;
    form.setFieldValue('title', t('inspections.form.titleSuggestion', { kind: labels.kind(nextKind), unit: unitName }));
  };

  return (
    <Form<Values>
      id={FORM_ID}
      form={form}
      layout="vertical"
      onFinish={onSubmit}
      initialValues={{
        kind: editing?.kind ?? 'inspection',
        unit: prefilledUnit,
        title:
          editing?.title ??
          (prefilledUnit ? t('inspections.form.titleSuggestion', { kind: labels.kind('inspection'), unit: prefilledUnit.label }) : ''),
        contents: editing?.contents ?? [],
        startsOn: fromApiDate(editing?.startsOn) ?? null,
        endsOn: fromApiDate(editing?.endsOn) ?? null,
        team: editing?.team.map((member) => ({ name: member.name, role: member.role })) ?? [{ name: '', role: ROLES[0]! }],
        note: editing?.note ?? '',
      }}
      data-testid="inspection-form"
    >
      {creating?.fromLaggingYear ? (
        <Alert
          type="info"
          showIcon
          className="block-gap-bottom"
          title={t('inspections.form.fromLagging', { year: creating.fromLaggingYear })}
        />
      ) : null}
      <Form.Item name="kind" label={t('inspections.fields.kind')} rules={[{ required: true, message: t('inspections.form.kindRequired') }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="large"
          options={INSPECTION_KINDS.map((value) => ({ value, label: labels.kind(value) }))}
          onChange={(event) => {
            const unit = form.getFieldValue('unit') as UnitChoice | null | undefined;
            const name = unit?.label ?? editing?.unit.name;
            if (name && !form.isFieldTouched('title')) suggestTitle(name, event.target.value as InspectionKind);
          }}
          data-testid="inspection-kind"
        />
      </Form.Item>
      {editing ? (
        <Form.Item label={t('inspections.fields.unit')}>
          <Typography.Text strong>{editing.unit.name}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item
          name="unit"
          label={t('inspections.fields.unit')}
          extra={prefilledUnit ? undefined : t('inspections.form.unitHelp')}
          rules={[{ required: true, message: t('inspections.form.unitRequired') }]}
        >
          <UnitTreeSelect
            roots={prefilledUnit ? undefined : (children.data ?? [])}
            searchUnder={ownerUnitId ?? undefined}
            disabled={Boolean(prefilledUnit)}
            placeholder={t('inspections.form.unitPlaceholder')}
            onPickUnit={(unit) => suggestTitle(unit.name)}
            data-testid="inspection-unit"
          />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={t('inspections.fields.title')}
        rules={[{ required: true, whitespace: true, message: t('inspections.form.titleRequired') }, { max: 300 }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="inspection-title" />
      </Form.Item>
      <Form.Item
        name="contents"
        label={t('inspections.fields.contents')}
        rules={[{ required: true, type: 'array', min: 1, message: t('inspections.form.contentsRequired') }]}
      >
        <Checkbox.Group className="inspection-checks" options={labels.contentOptions()} data-testid="inspection-contents" />
      </Form.Item>
      <div className="inspection-dates">
        <Form.Item
          name="startsOn"
          label={t('inspections.fields.startsOn')}
          rules={[
            { required: true, message: t('inspections.form.dateRequired') },
            {
              validator: (_rule, value: Dayjs | null) =>
                !value || value.year() === year
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('inspections.form.startInYear', { year }))),
            },
          ]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.datePlaceholder')}
            defaultPickerValue={pickerStart}
            style={{ width: '100%' }}
            data-testid="inspection-starts-on"
          />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('inspections.fields.endsOn')}
          dependencies={['startsOn']}
          rules={[
            { required: true, message: t('inspections.form.dateRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: Dayjs | null) => {
                const start = getFieldValue('startsOn') as Dayjs | null;
                return !value || !start || !value.isBefore(start, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('inspections.form.endBeforeStart')));
              },
            }),
          ]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.datePlaceholder')}
            defaultPickerValue={pickerStart}
            style={{ width: '100%' }}
            data-testid="inspection-ends-on"
          />
        </Form.Item>
      </div>
      <Form.List
        name="team"
        rules={[
          {
            validator: (_rule, team: Values['team'] | undefined) =>
              team?.length ? Promise.resolve() : Promise.reject(new Error(t('inspections.form.teamRequired'))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <fieldset className="inspection-team">
            <legend>{t('inspections.fields.team')}</legend>
            <Typography.Paragraph type="secondary">{t('inspections.form.teamHelp')}</Typography.Paragraph>
            {fields.map((field, index) => (
              <div key={field.key} className="inspection-team-row">
                <Form.Item
                  name={[field.name, 'name']}
                  label={t('inspections.fields.memberName')}
                  rules={[{ required: true, whitespace: true, message: t('inspections.form.memberNameRequired') }, { max: 120 }]}
                  className="inspection-team-name"
                >
                  <Input data-testid={`team-name-${index}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'role']}
                  label={t('inspections.fields.memberRole')}
                  rules={[{ required: true, whitespace: true, message: t('inspections.form.memberRoleRequired') }, { max: 80 }]}
                  className="inspection-team-role"
                >
                  <AutoComplete options={ROLES.map((value) => ({ value }))} data-testid={`team-role-${index}`} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('inspections.form.removeMember')}
                  title={t('inspections.form.removeMember')}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                  className="inspection-team-remove"
                />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', role: ROLES[2] })}
              disabled={fields.length >= 20}
              data-testid="team-add"
            >
              {t('inspections.form.addMember')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <Form.Item name="note" label={t('inspections.fields.note')} rules={[{ max: 2000 }]} className="block-gap">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="inspection-note" />
      </Form.Item>
    </Form>
  );
}
