import { App, Button, Descriptions, Drawer, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { QueryError } from '../../components/query-error';
import { MutationErrorAlert } from '../../components/form-bits';
import { formatDate } from '../../lib/format';
import {
  type NominationAction,
  type NominationView,
  useDeleteNomination,
  useNomination,
  useNominationStep,
  useSetNominationPublic,
} from './commendations.api';
import { NominationFormModal } from './nomination-form-modal';
import { NominationStatusTag } from './nomination-status-tag';
import { NominationSpreadSection } from './nomination-spread-section';
import { NominationHistory } from './nomination-history';

const NEEDS_REASON: NominationAction[] = ['return', 'decline'];
const STEP_ORDER: NominationAction[] = ['submit', 'endorse', 'forward', 'return', 'decline'];

/** One nomination: what it says, its evidence, where it is, its history, and the steps the user may take. */
export function NominationDrawer({ actingUnit, id, onClose }: { actingUnit: ActingUnit; id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useNomination(id);
  const step = useNominationStep();
  const remove = useDeleteNomination();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<NominationAction | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const nomination = query.data;

  const take = (action: NominationAction, reason: string | null, done?: () => void) => {
    if (!nomination) return;
    step.mutate(
      { id: nomination.id, action, version: nomination.version, reason },
      {
        onSuccess: () => {
          void message.success(t(`commendations.stepDone.${action}`));
          done?.();
        },
      },
    );
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={t('commendations.drawer.title')}
      destroyOnHidden
      data-testid="nomination-drawer"
    >
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {nomination ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Space wrap>
            <NominationStatusTag status={nomination.status} />
            <Tag>{t(`commendations.kinds.${nomination.kind}`)}</Tag>
            {nomination.atUnit ? (
              <Typography.Text type="secondary">
                {t('commendations.fields.atUnit')}: {nomination.atUnit.name}
              </Typography.Text>
            ) : null}
          </Space>
          {nomination.status === 'returned' && nomination.returnReason ? (
            <Typography.Paragraph type="danger" data-testid="nomination-return-reason">
              {t('commendations.drawer.returnReason')}: {nomination.returnReason}
            </Typography.Paragraph>
          ) : null}
          <NominationActions
            nomination={nomination}
            pending={step.isPending || remove.isPending}
            error={step.error}
            onStep={(action) => (NEEDS_REASON.includes(action) ? setAsking(action) : take(action, null))}
            onEdit={() => setEditing(true)}
            onDelete={() =>
              remove.mutate(
                { id: nomination.id, version: nomination.version },
                {
                  onSuccess: () => {
                    void message.success(t('commendations.drawer.deleted'));
                    onClose();
                  },
                },
              )
            }
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('commendations.fields.title')}>{nomination.title}</Descriptions.Item>
            {nomination.subject.name ? (
              <Descriptions.Item label={t('commendations.fields.subject')}>{nomination.subject.name}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('commendations.fields.unit')}>{nomination.unit.name}</Descriptions.Item>
            <Descriptions.Item
              label={t('commendations.fields.period')}
            >{`${formatDate(nomination.periodFrom)} – ${formatDate(nomination.periodTo)}`}</Descriptions.Item>
            <Descriptions.Item label={t('commendations.fields.story')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{nomination.story}</Typography.Paragraph>
            </Descriptions.Item>
            {nomination.results ? (
              <Descriptions.Item label={t('commendations.fields.results')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{nomination.results}</Typography.Paragraph>
              </Descriptions.Item>
            ) : null}
            {nomination.links.registrations.length ? (
              <Descriptions.Item label={t('commendations.fields.registrationIds')}>
                {nomination.links.registrations
                  .map((link) => t('commendations.form.registrationOption', { name: link.name, year: link.year, id: link.id }))
                  .join('; ')}
              </Descriptions.Item>
            ) : null}
            {nomination.links.breakthroughs.length ? (
              <Descriptions.Item label={t('commendations.fields.breakthroughIds')}>
                {nomination.links.breakthroughs.map((link) => link.name).join('; ')}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('commendations.fields.files')}>
              {nomination.files.length === 0 ? (
                t('commendations.drawer.noFiles')
              ) : (
                <Space direction="vertical" size={0}>
                  {nomination.files.map((file) => (
                    <a key={file.id} href={`/api/files/${file.id}?inline=1`} target="_blank" rel="noreferrer">
                      {file.name}
                    </a>
                  ))}
                </Space>
              )}
            </Descriptions.Item>
          </Descriptions>
          {nomination.decisionId ? <PublicSwitch nomination={nomination} /> : null}
          <NominationSpreadSection actingUnit={actingUnit} nomination={nomination} />
          <NominationHistory history={nomination.history} />
        </Space>
      ) : null}
      {editing && nomination ? (
        <NominationFormModal actingUnit={actingUnit} nomination={nomination} onClose={() => setEditing(false)} />
      ) : null}
      <Modal
        open={asking !== null}
        title={t('commendations.drawer.reasonTitle')}
        okText={asking ? t(`commendations.actions.${asking}`) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: step.isPending, danger: true, id: 'nomination-reason-submit' }}
        onCancel={() => setAsking(null)}
        onOk={() =>
          void form.validateFields().then(({ reason }) =>
            take(asking!, reason.trim(), () => {
              setAsking(null);
              form.resetFields();
            }),
          )
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('commendations.fields.reason')}
            rules={[{ required: true, whitespace: true, message: t('commendations.drawer.reasonRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} data-testid="nomination-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

function NominationActions({
  nomination,
  pending,
  error,
  onStep,
  onEdit,
  onDelete,
}: {
  nomination: NominationView;
  pending: boolean;
  error: unknown;
  onStep: (action: NominationAction) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const steps = STEP_ORDER.filter((action) => nomination.steps.includes(action));
  const canEdit = nomination.steps.includes('save');
  if (steps.length === 0 && !canEdit) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <MutationErrorAlert error={error} />
      <Space wrap>
        {canEdit ? (
          <Button onClick={onEdit} data-testid="nomination-edit">
            {t('commendations.actions.edit')}
          </Button>
        ) : null}
        {steps.map((action) => (
          <Button
            key={action}
            type={action === 'return' || action === 'decline' ? 'default' : 'primary'}
            danger={action === 'decline'}
            loading={pending}
            onClick={() => onStep(action)}
            data-testid={`nomination-${action}`}
          >
            {t(`commendations.actions.${action}`)}
          </Button>
        ))}
        {nomination.status === 'draft' && canEdit && nomination.history.length === 0 ? (
          <Popconfirm
            title={t('commendations.drawer.confirmDelete')}
            okText={t('commendations.actions.delete')}
            cancelText={t('common.cancel')}
            onConfirm={onDelete}
          >
            <Button danger loading={pending}>
              {t('commendations.actions.delete')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    </Space>
  );
}

/** A commended example is shown in the public gallery once the deciding level chooses to. */
function PublicSwitch({ nomination }: { nomination: NominationView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const publish = useSetNominationPublic();
  const allowed = nomination.steps.includes('publish');
  return (
    <Space direction="vertical">
      <Typography.Text type="success">{t('commendations.drawer.decision')}</Typography.Text>
      <MutationErrorAlert error={publish.error} />
      <Space>
        <Tag color={nomination.isPublic ? 'green' : 'default'} data-testid="nomination-public-state">
          {nomination.isPublic ? t('commendations.drawer.isPublic') : t('commendations.drawer.notPublic')}
        </Tag>
        {allowed ? (
          <Button
            loading={publish.isPending}
            onClick={() =>
              publish.mutate(
                { id: nomination.id, version: nomination.version, isPublic: !nomination.isPublic },
                {
                  onSuccess: () =>
                    void message.success(nomination.isPublic ? t('commendations.drawer.unpublished') : t('commendations.drawer.published')),
                },
              )
            }
            data-testid="nomination-publish"
          >
            {nomination.isPublic ? t('commendations.drawer.unpublish') : t('commendations.drawer.publish')}
          </Button>
        ) : null}
      </Space>
    </Space>
  );
}
