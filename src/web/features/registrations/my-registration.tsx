import { Alert, App, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../lib/errors';
import { formatDate, todayApiDate } from '../../lib/format';
import { RegistrationForm } from './registration-form';
import { RegistrationContent, RegistrationDiffView, RegistrationHistory, StatusTag } from './registration-view';
import { type ContentInput, type MineView, useChangeStatus, useCreateOwn, useMine, useUpdateContent } from './registrations.api';
import { RegistrationYearPicker } from './year-picker';

/** "Bản đăng ký của tôi": a member's own registration for the year, from the first draft to publication. */
export function MyRegistration() {
  const [year, setYear] = useState(dayjs().year());
  const mine = useMine(year);
  return (
    <div className="my-registration">
      <Space className="block-gap-bottom" wrap>
        <RegistrationYearPicker value={year} onChange={setYear} />
      </Space>
      {mine.isPending ? (
        <Spin />
      ) : mine.isError ? (
        <QueryError error={mine.error} onRetry={() => void mine.refetch()} compact />
      ) : (
        <MineBody key={year} view={mine.data} year={year} />
      )}
    </div>
  );
}

function MineBody({ view, year }: { view: MineView; year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const createOwn = useCreateOwn();
  const update = useUpdateContent();
  const changeStatus = useChangeStatus();
  const registration = view.registration;

  if (!view.person) return <Alert type="info" showIcon title={t('registrations.mine.noPerson')} />;
  if (!view.unit) return <Alert type="info" showIcon title={t('registrations.mine.noMembership')} />;
  if (!view.window || !view.options) return <Empty description={t('registrations.mine.noWindow', { year, unit: view.unit.name })} />;
  const window = view.window;
  const pending = createOwn.isPending || update.isPending || changeStatus.isPending;

  const save = async (content: ContentInput, submit: boolean) => {
    // One call saves and, when asked, submits: both happen or neither.
    if (registration) await update.mutateAsync({ id: registration.id, version: registration.version, ...content, submit });
    else await createOwn.mutateAsync({ year, supplementOfId: view.termRegistration?.id ?? null, ...content, submit });
    void message.success(submit ? t('registrations.done.submit') : t('registrations.form.saved'));
    setEditing(false);
  };
  const step = (transition: 'submit' | 'withdraw') => {
    if (!registration) return;
    changeStatus.mutate(
      { id: registration.id, transition, version: registration.version },
      {
        onSuccess: () => void message.success(t(`registrations.done.${transition}`)),
        onError: (error) => void message.error(describeError(error, t)),
      },
    );
  };

  return (
    <>
      <Card size="small" className="block-gap-bottom">
        <Space direction="vertical" size={4}>
          <Typography.Text strong>{t('registrations.mine.who', { name: view.person.fullName, unit: view.unit.name })}</Typography.Text>
          {view.isLeader ? <Tag color="gold">{t('registrations.mine.leader')}</Tag> : null}
          <Typography.Text type="secondary">
            {t('registrations.mine.window', { unit: window.unitName, from: formatDate(window.opensOn), to: formatDate(window.closesOn) })}
          </Typography.Text>
          {view.termRegistration ? (
            <Typography.Text type="secondary">{t('registrations.mine.term', { year: view.termRegistration.year })}</Typography.Text>
          ) : null}
        </Space>
      </Card>
      {todayApiDate() > window.closesOn && (!registration || registration.status === 'draft') ? (
        <Alert
          type="warning"
          showIcon
          className="block-gap-bottom"
          title={t('registrations.mine.late', { date: formatDate(window.closesOn) })}
        />
      ) : null}
      {registration ? (
        <Space className="block-gap-bottom" wrap>
          <Typography.Text strong>{t('registrations.mine.statusTitle')}:</Typography.Text>
          <StatusTag status={registration.status} />
        </Space>
      ) : null}
      {registration?.returnReason ? (
        <Alert
          type="warning"
          showIcon
          className="block-gap-bottom"
          title={t('registrations.mine.returnedTitle')}
          description={registration.returnReason}
          data-testid="return-reason"
        />
      ) : null}
      {!registration || editing ? (
        <RegistrationForm
          kind="individual"
          options={view.options}
          initial={registration}
          guidance={window.guidance}
          pending={pending}
          error={createOwn.error ?? update.error ?? changeStatus.error}
          onSave={save}
          draftKey={`registration.mine.${year}.${registration ? `${registration.id}.${registration.version}` : 'new'}`}
          onCancel={registration ? () => setEditing(false) : undefined}
        />
      ) : (
        <>
          <Space wrap className="block-gap-bottom">
            {registration.canEdit ? (
              <Button size="large" onClick={() => setEditing(true)} data-testid="registration-edit">
                {t('registrations.mine.edit')}
              </Button>
            ) : null}
            {registration.canEdit ? (
              <Button
                size="large"
                type="primary"
                loading={changeStatus.isPending}
                onClick={() => step('submit')}
                data-testid="registration-submit"
              >
                {t('registrations.transitions.submit')}
              </Button>
            ) : null}
            {registration.status === 'submitted' ? (
              <Button size="large" loading={changeStatus.isPending} onClick={() => step('withdraw')} data-testid="registration-withdraw">
                {t('registrations.transitions.withdraw')}
              </Button>
            ) : null}
          </Space>
          {registration.status === 'submitted' ? (
            <Alert type="info" showIcon className="block-gap-bottom" title={t('registrations.mine.submittedHint')} />
          ) : null}
          {registration.status === 'approved' || registration.status === 'published' ? (
            <Alert type="success" showIcon className="block-gap-bottom" title={t('registrations.mine.approvedHint')} />
          ) : null}
          <RegistrationContent registration={registration} />
        </>
      )}
      {registration ? (
        <>
          <RegistrationDiffView registration={registration} />
          <RegistrationHistory registration={registration} />
        </>
      ) : null}
    </>
  );
}
