import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { AttachmentsField } from '../../components/attachments-field';
import { FormModal } from '../../components/form-modal';
import { PersonSelect, type PersonChoice } from '../../components/person-select';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { DATE_FORMAT, fromApiDate, toApiDate } from '../../lib/format';
import { NOMINATION_KINDS } from '../../../shared/contracts/commendations';
import { type FileSummary, type NominationKind, type NominationView, uploadNominationFile, useSaveNomination } from './commendations.api';
import { BreakthroughLinkSelect, RegistrationLinkSelect } from './nomination-link-selects';

interface Values {
  unit: UnitChoice | null;
  kind: NominationKind;
  subjectUnit?: UnitChoice | null;
  subjectPeople?: PersonChoice[];
  title: string;
  story: string;
  results?: string;
  period: [Dayjs, Dayjs] | null;
  registrationIds?: number[];
  breakthroughIds?: number[];
}

const FORM_ID = 'nomination-form';

/** Writes or edits a nomination: who or what is exemplary, the story and its figures, the evidence. */
export function NominationFormModal({
  actingUnit,
  nomination,
  onClose,
}: {
  actingUnit: ActingUnit;
  nomination: NominationView | null;
  onClose: (saved: NominationView | null) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveNomination();
  const [files, setFiles] = useState<FileSummary[]>(nomination?.files ?? []);
  const kind = Form.useWatch('kind', form) ?? nomination?.kind ?? 'individual';
  const unit = Form.useWatch('unit', form);
  const unitId = nomination?.unit.id ?? unit?.value ?? actingUnit.id;
  const periodEnd = Form.useWatch('period', form)?.[1];
  // Registrations are yearly: offer those of the year the period ends in.
  const registrationYear = (periodEnd ?? dayjs()).year();

  const submit = (values: Values) => {
    save.mutate(
      {
        id: nomination?.id ?? null,
        unitId,
        version: nomination?.version ?? null,
        input: {
          kind: values.kind,
          subjectUnitId: values.kind === 'collective' ? (values.subjectUnit?.value ?? null) : null,
          subjectPersonId: values.kind === 'individual' ? (values.subjectPeople?.[0]?.value ?? null) : null,
          title: values.title.trim(),
          story: values.story.trim(),
          results: values.results?.trim() ?? '',
          periodFrom: toApiDate(values.period?.[0]) ?? '',
          periodTo: toApiDate(values.period?.[1]) ?? '',
          registrationIds: values.registrationIds ?? [],
          breakthroughIds: values.breakthroughIds ?? [],
          fileIds: files.map((file) => file.id),
        },
      },
      { onSuccess: (saved) => onClose(saved) },
    );
  };

  const period = nomination ? ([fromApiDate(nomination.periodFrom), fromApiDate(nomination.periodTo)] as [Dayjs, Dayjs]) : null;
  return (
    <FormModal
      open
      title={nomination ? t('commendations.form.editTitle') : t('commendations.form.createTitle')}
      formId={FORM_ID}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      onCancel={() => onClose(null)}
      width={720}
    >
      <Form<Values>
        id={FORM_ID}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          unit: nomination ? null : { value: actingUnit.id, label: actingUnit.name },
          kind: nomination?.kind ?? 'individual',
          subjectUnit: nomination?.subject.unitId ? { value: nomination.subject.unitId, label: nomination.subject.name ?? '' } : null,
          subjectPeople: nomination?.subject.personId ? [{ value: nomination.subject.personId, label: nomination.subject.name ?? '' }] : [],
          title: nomination?.title ?? '',
          story: nomination?.story ?? '',
          results: nomination?.results ?? '',
          period,
          registrationIds: nomination?.registrationIds ?? [],
          breakthroughIds: nomination?.breakthroughIds ?? [],
        }}
      >
        {nomination ? null : (
          <Form.Item
            name="unit"
            label={t('commendations.fields.unit')}
            rules={[{ required: true, message: t('commendations.form.unitRequired') }]}
          >
            <UnitTreeSelect data-testid="nomination-unit" />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('commendations.fields.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            disabled={Boolean(nomination)}
            options={NOMINATION_KINDS.map((value) => ({ value, label: t(`commendations.kinds.${value}`) }))}
            data-testid="nomination-kind"
          />
        </Form.Item>
        {kind === 'collective' ? (
          <Form.Item
            name="subjectUnit"
            label={t('commendations.fields.subjectUnit')}
            rules={[{ required: true, message: t('commendations.form.subjectUnitRequired') }]}
          >
            <UnitTreeSelect data-testid="nomination-subject-unit" />
          </Form.Item>
        ) : null}
        {kind === 'individual' ? (
          <Form.Item
            name="subjectPeople"
            label={t('commendations.fields.subjectPerson')}
            required
            rules={[
              {
                validator: (_, value: PersonChoice[] | undefined) =>
                  value && value.length === 1
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('commendations.form.subjectPersonRequired'))),
              },
            ]}
            getValueFromEvent={(value: PersonChoice[]) => value.slice(-1)}
          >
            <PersonSelect unitId={unitId} includeSubtree />
          </Form.Item>
        ) : null}
        <Form.Item
          name="title"
          label={t('commendations.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('commendations.form.titleRequired') }, { max: 300 }]}
        >
          <Input data-testid="nomination-title" />
        </Form.Item>
        <Form.Item
          name="story"
          label={t('commendations.fields.story')}
          extra={t('commendations.form.storyHelp')}
          rules={[{ required: true, whitespace: true, message: t('commendations.form.storyRequired') }, { max: 20000 }]}
        >
          <Input.TextArea rows={5} data-testid="nomination-story" />
        </Form.Item>
        <Form.Item
          name="results"
          label={t('commendations.fields.results')}
          extra={t('commendations.form.resultsHelp')}
          rules={[{ max: 10000 }]}
        >
          <Input.TextArea rows={3} data-testid="nomination-results" />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('commendations.fields.period')}
          rules={[{ required: true, message: t('commendations.form.periodRequired') }]}
        >
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="nomination-period" />
        </Form.Item>
        <Form.Item
          name="registrationIds"
          label={t('commendations.fields.registrationIds')}
          extra={t('commendations.form.registrationsHelp')}
        >
          <RegistrationLinkSelect
            unitId={unitId}
            year={registrationYear}
            initial={nomination?.links.registrations ?? []}
            data-testid="nomination-registrations"
          />
        </Form.Item>
        <Form.Item
          name="breakthroughIds"
          label={t('commendations.fields.breakthroughIds')}
          extra={t('commendations.form.breakthroughsHelp')}
        >
          <BreakthroughLinkSelect unitId={unitId} initial={nomination?.links.breakthroughs ?? []} data-testid="nomination-breakthroughs" />
        </Form.Item>
        <Form.Item label={t('commendations.fields.files')}>
          <AttachmentsField
            value={files}
            onChange={setFiles}
            upload={(file) => uploadNominationFile(unitId, file)}
            buttonLabel={t('commendations.form.upload')}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
