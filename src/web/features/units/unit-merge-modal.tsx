import { Alert, App, Divider, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../shared/contracts/domain';
import type { Unit, UnitDetail } from '../../../shared/contracts/units';
import { UnitKindSelect } from '../../components/enum-select';
import { EffectiveDateField } from '../../components/form-bits';
import { FormModal } from '../../components/form-modal';
import { type UnitChoice, UnitTreeSelect } from '../../components/unit-tree-select';
import { toApiDate } from '../../lib/format';
import { unitCodeRules, unitNameRules } from './unit-rules';
import { useMergeUnits } from './units.api';

interface Values {
  sources: UnitChoice[];
  code: string;
  name: string;
  kind: UnitKind;
  parent: UnitChoice | null;
  effectiveDate?: Dayjs;
}

interface UnitMergeModalProps {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  onDone: (unit: Unit) => void;
}

/**
 * Merging ends the chosen units and opens a new one that succeeds them (as the 2025 reform merged
 * provinces and communes); their people and child units move to it.
 */
export function UnitMergeModal({ unit, open, onClose, onDone }: UnitMergeModalProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const merge = useMergeUnits();

  const close = () => {
    merge.reset();
    onClose();
  };

  const submit = (values: Values) => {
    if (!values.parent) return;
    const parentId = values.parent.value;
    modal.confirm({
      title: t('units.merge.confirmTitle'),
      content: t('units.merge.confirm', {
        count: values.sources.length,
        names: values.sources.map((source) => source.label).join(', '),
        name: values.name.trim(),
      }),
      okText: t('units.merge.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        merge
          .mutateAsync({
            sourceIds: values.sources.map((source) => source.value),
            target: { code: values.code.trim(), name: values.name.trim(), kind: values.kind, parentId },
            effectiveDate: toApiDate(values.effectiveDate),
          })
          .then(
            (created) => {
              void message.success(t('units.messages.merged', { name: created.name }));
              merge.reset();
              onDone(created);
            },
            () => undefined,
          ),
    });
  };

  const initialParent = unit.parentId !== null ? { value: unit.parentId, label: unit.parentName ?? String(unit.parentId) } : null;

  return (
    <FormModal
      open={open}
      title={t('units.actions.merge')}
      formId="unit-merge"
      okText={t('units.merge.ok')}
      pending={merge.isPending}
      error={merge.error}
      onCancel={close}
      width={720}
    >
      <Alert type="info" showIcon title={t('units.merge.help')} className="block-gap-bottom" />
      <Form<Values>
        id="unit-merge"
        layout="vertical"
        onFinish={submit}
        disabled={merge.isPending}
        initialValues={{ sources: [{ value: unit.id, label: unit.name }], kind: unit.kind, parent: initialParent }}
      >
        <Form.Item
          name="sources"
          label={t('units.merge.sources')}
          extra={t('units.merge.sourcesHelp')}
          rules={[
            {
              validator: (_rule, value: UnitChoice[] | undefined) =>
                (value?.length ?? 0) >= 2 ? Promise.resolve() : Promise.reject(new Error(t('units.merge.sourcesMin'))),
            },
          ]}
        >
          <UnitTreeSelect multiple />
        </Form.Item>
        <Divider titlePlacement="start">{t('units.merge.target')}</Divider>
        <Form.Item name="code" label={t('units.fields.code')} rules={unitCodeRules(t)}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('units.fields.name')} rules={unitNameRules(t)}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('units.fields.kind')} rules={[{ required: true, message: t('units.form.kindRequired') }]}>
          <UnitKindSelect />
        </Form.Item>
        <Form.Item
          name="parent"
          label={t('units.fields.parent')}
          dependencies={['sources']}
          rules={[
            { required: true, message: t('units.form.newParentRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: UnitChoice | null) => {
                const sources = (getFieldValue('sources') as UnitChoice[] | undefined) ?? [];
                return value && sources.some((source) => source.value === value.value)
                  ? Promise.reject(new Error(t('units.merge.parentIsSource')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <EffectiveDateField />
      </Form>
    </FormModal>
  );
}
