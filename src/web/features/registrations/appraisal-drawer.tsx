import { Alert, App, Button, type ButtonProps, Divider, Drawer, Form, Input, List, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert } from '../../components/form-bits';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../lib/errors';
import { useIsPhone } from '../../lib/use-is-phone';
import { RegistrationForm } from './registration-form';
import { RegistrationContent, RegistrationDiffView, RegistrationHeader, RegistrationHistory, StatusTag } from './registration-view';
import {
  type LinkOptions,
  type RegistrationDetail,
  useChangeStatus,
  useRegistration,
  useSimilar,
  useUpdateContent,
} from './registrations.api';

type ReasonStep = 'return' | 'unpublish';

/**
 * The appraiser's view of one registration: its content, what changed since the last submission,
 * near-identical registrations around it, the history, and the steps the appraiser may take.
 */
export function AppraisalDrawer({
  id,
  threshold,
  options,
  onClose,
}: {
  id: number | null;
  threshold: number;
  options: LinkOptions | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const detail = useRegistration(id);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('registrations.drawer.title')}
      size={isPhone ? '100%' : 720}
      destroyOnHidden
      data-testid="appraisal-drawer"
    >
      {detail.isPending ? (
        <Spin />
      ) : detail.isError ? (
        <QueryError error={detail.error} compact onRetry={() => void detail.refetch()} />
      ) : (
        <DrawerBody registration={detail.data} threshold={threshold} options={options} />
      )}
    </Drawer>
  );
}

function DrawerBody({
  registration,
  threshold,
  options,
}: {
  registration: RegistrationDetail;
  threshold: number;
  options: LinkOptions | null;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const changeStatus = useChangeStatus();
  const update = useUpdateContent();
  const similar = useSimilar(registration.id);
  const [reasonStep, setReasonStep] = useState<ReasonStep | null>(null);
  const [editing, setEditing] = useState(false);

  const run = (transition: 'approve' | 'publish' | 'submit' | 'withdraw', confirm?: string) => {
    const go = () =>
      changeStatus.mutateAsync({ id: registration.id, transition, version: registration.version }).then(
        () => void message.success(t(`registrations.done.${transition}`)),
        (error: unknown) => void message.error(describeError(error, t)),
      );
    if (confirm)
      modal.confirm({ title: confirm, okText: t(`registrations.transitions.${transition}`), cancelText: t('common.cancel'), onOk: go });
    else void go();
  };

  if (editing && options) {
    return (
      <RegistrationForm
        kind={registration.kind}
        options={options}
        initial={registration}
        pending={update.isPending || changeStatus.isPending}
        error={update.error ?? changeStatus.error}
        onCancel={() => setEditing(false)}
        onSave={(content, submit) =>
          update.mutateAsync({ id: registration.id, version: registration.version, ...content, submit }).then(() => {
            void message.success(t('registrations.form.saved'));
            setEditing(false);
          })
        }
      />
    );
  }

  const status = registration.status;
  return (
    <>
      <RegistrationHeader registration={registration} />
      <Space wrap className="block-gap-bottom">
        {registration.canAppraise && status === 'submitted' ? (
          <>
            <Button
              type="primary"
              size="large"
              loading={changeStatus.isPending}
              onClick={() => run('approve', t('registrations.drawer.approveConfirm'))}
              data-testid="appraisal-approve"
            >
              {t('registrations.transitions.approve')}
            </Button>
            <Button size="large" danger onClick={() => setReasonStep('return')} data-testid="appraisal-return">
              {t('registrations.transitions.return')}
            </Button>
          </>
        ) : null}
        {registration.canAppraise && status === 'approved' ? (
          <Button
            type="primary"
            size="large"
            loading={changeStatus.isPending}
            onClick={() => run('publish', t('registrations.drawer.publishConfirm'))}
            data-testid="appraisal-publish"
          >
            {t('registrations.transitions.publish')}
          </Button>
        ) : null}
        {registration.canAppraise && status === 'published' ? (
          <Button size="large" onClick={() => setReasonStep('unpublish')} data-testid="appraisal-unpublish">
            {t('registrations.transitions.unpublish')}
          </Button>
        ) : null}
        {registration.canEdit && options ? (
          <Button size="large" onClick={() => setEditing(true)} data-testid="appraisal-edit">
            {t('registrations.mine.edit')}
          </Button>
        ) : null}
        {registration.canEdit ? (
          <Button size="large" type="primary" onClick={() => run('submit')} data-testid="appraisal-submit">
            {t('registrations.transitions.submit')}
          </Button>
        ) : null}
      </Space>
      {registration.returnReason ? (
        <Alert
          type="warning"
          showIcon
          className="block-gap-bottom"
          title={t('registrations.mine.returnedTitle')}
          description={registration.returnReason}
        />
      ) : null}
      <RegistrationDiffView registration={registration} />
      <RegistrationContent registration={registration} />
      <Divider />
      <Typography.Title level={5}>{t('registrations.drawer.similarTitle')}</Typography.Title>
      {similar.isPending ? (
        <Spin />
      ) : similar.isError ? (
        <QueryError error={similar.error} compact />
      ) : similar.data.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="similar-none">
          {t('registrations.drawer.similarNone', { percent: Math.round(threshold * 100) })}
        </Typography.Paragraph>
      ) : (
        <>
          <Alert type="warning" showIcon className="block-gap-bottom" title={t('registrations.drawer.similarHint')} />
          <List
            data-testid="similar-list"
            dataSource={similar.data}
            renderItem={(item) => (
              <List.Item key={item.id}>
                <Space direction="vertical" size={2}>
                  <Space wrap size={4}>
                    <Tag color="red">{t('registrations.list.similarTag', { percent: Math.round(item.similarity * 100) })}</Tag>
                    <Typography.Text strong>
                      {item.personName ?? t('registrations.list.collectiveName', { unit: item.unitName })}
                    </Typography.Text>
                    <Typography.Text type="secondary">{item.unitName}</Typography.Text>
                    <StatusTag status={item.status} />
                  </Space>
                  <Typography.Text type="secondary">{item.excerpt}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      <Divider />
      <RegistrationHistory registration={registration} />
      <ReasonModal step={reasonStep} registration={registration} onClose={() => setReasonStep(null)} />
    </>
  );
}

function reasonOkProps(loading: boolean): ButtonProps & { 'data-testid': string } {
  return { danger: true, loading, htmlType: 'submit', form: 'registration-reason', 'data-testid': 'reason-submit' };
}

function ReasonModal({ step, registration, onClose }: { step: ReasonStep | null; registration: RegistrationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changeStatus = useChangeStatus();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={step !== null}
      title={step === 'unpublish' ? t('registrations.drawer.unpublishTitle') : t('registrations.drawer.returnTitle')}
      okText={step ? t(`registrations.transitions.${step}`) : ''}
      cancelText={t('common.cancel')}
      okButtonProps={reasonOkProps(changeStatus.isPending)}
      onCancel={onClose}
      destroyOnHidden
    >
      <MutationErrorAlert error={changeStatus.error} />
      <Form
        form={form}
        id="registration-reason"
        layout="vertical"
        onFinish={(values) => {
          if (!step) return;
          changeStatus.mutate(
            { id: registration.id, transition: step, version: registration.version, reason: values.reason },
            {
              onSuccess: () => {
                void message.success(t(`registrations.done.${step}`));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label={step === 'unpublish' ? t('registrations.drawer.unpublishReason') : t('registrations.drawer.reason')}
          rules={[{ required: true, whitespace: true, message: t('registrations.drawer.reasonRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            maxLength={2000}
            placeholder={t('registrations.drawer.reasonPlaceholder')}
            data-testid="reason-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
