import { App, Empty, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { type PersonChoice, PersonSelect } from '../../components/person-select';
import { RegistrationForm } from './registration-form';
import { useApplicableWindow, useEnterRegistrations } from './registrations.api';

interface OnBehalfModalProps {
  actingUnit: ActingUnit;
  year: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}

/**
 * The secretary or officer writes one member's registration for them (a member without an account,
 * or one who handed in a paper form): it is marked as entered on the member's behalf, and its
 * history says who typed it in. Saved as a draft, or sent for appraisal at once.
 */
export function OnBehalfModal({ actingUnit, year, onClose, onCreated }: OnBehalfModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const applicable = useApplicableWindow(actingUnit.id, year);
  const enter = useEnterRegistrations();
  const [person, setPerson] = useState<PersonChoice | null>(null);
  return (
    <Modal
      open
      onCancel={onClose}
      footer={null}
      width={760}
      destroyOnHidden
      title={t('registrations.onBehalf.title', { year, unit: actingUnit.name })}
    >
      <Typography.Paragraph type="secondary">{t('registrations.onBehalf.intro')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('registrations.onBehalf.member')} required>
          <PersonSelect
            unitId={actingUnit.id}
            includeSubtree
            value={person ? [person] : []}
            // One member at a time: choosing another replaces the one chosen.
            onChange={(chosen) => setPerson(chosen.at(-1) ?? null)}
          />
        </Form.Item>
      </Form>
      {!applicable.data?.options ? (
        <Empty description={t('registrations.windows.noApplicable', { unit: actingUnit.name, year })} />
      ) : person ? (
        <RegistrationForm
          key={person.value}
          kind="individual"
          options={applicable.data.options}
          guidance={applicable.data.window?.guidance}
          pending={enter.isPending}
          error={enter.error}
          onCancel={onClose}
          draftKey={`registration.on-behalf.${actingUnit.id}.${year}.${person.value}`}
          onSave={(content, submit) =>
            enter
              .mutateAsync({
                unitId: actingUnit.id,
                year,
                outcome: submit ? 'submitted' : 'draft',
                entries: [{ personId: person.value, ...content }],
              })
              .then((done) => {
                void message.success(t('registrations.onBehalf.done', { name: person.label }));
                onClose();
                const created = done.created[0];
                if (created) onCreated(created.id);
              })
          }
        />
      ) : null}
    </Modal>
  );
}
