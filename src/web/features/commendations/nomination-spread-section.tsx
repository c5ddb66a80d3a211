import { App, Button, Form, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { MutationErrorAlert } from '../../components/form-bits';
import { QueryError } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import type { NominationView } from './commendations.api';
import { useClearTypical, useMarkTypical, useModelAdoptions, useTypicalState } from './spread.api';

/** For a commended example: whether it was sent up to the Centre, and for a model, who took it up. */
export function NominationSpreadSection({ actingUnit, nomination }: { actingUnit: ActingUnit; nomination: NominationView }) {
  if (nomination.status !== 'commended') return null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <TypicalSection actingUnit={actingUnit} nomination={nomination} />
      {nomination.kind === 'model' ? <AdoptionsSection nominationId={nomination.id} /> : null}
    </Space>
  );
}

function TypicalSection({ actingUnit, nomination }: { actingUnit: ActingUnit; nomination: NominationView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canVet = useCan('commendations.vet');
  const state = useTypicalState(nomination.id, true);
  const mark = useMarkTypical();
  const clear = useClearTypical();
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ year: number }>();
  const typical = state.data;
  const years = Array.from({ length: 3 }, (_, index) => dayjs().year() - index);

  return (
    <div>
      <Typography.Title level={5}>{t('commendations.typical.section')}</Typography.Title>
      {state.error ? <QueryError error={state.error} onRetry={() => void state.refetch()} /> : null}
      <MutationErrorAlert error={mark.error ?? clear.error} />
      {typical ? (
        <Space wrap>
          <Tag color={typical.year ? 'gold' : 'default'} data-testid="nomination-typical-state">
            {typical.year && typical.sentBy
              ? t('commendations.typical.sent', { unit: typical.sentBy.name, year: typical.year })
              : t('commendations.typical.notSent')}
          </Tag>
          {typical.year === null && canVet ? (
            <Button onClick={() => setAsking(true)} data-testid="nomination-typical-mark">
              {t('commendations.typical.mark')}
            </Button>
          ) : null}
          {typical.canClear ? (
            <Popconfirm
              title={t('commendations.typical.confirmClear')}
              okText={t('commendations.typical.clear')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                clear.mutate(
                  { id: nomination.id, version: typical.version },
                  { onSuccess: () => void message.success(t('commendations.typical.cleared')) },
                )
              }
            >
              <Button danger loading={clear.isPending}>
                {t('commendations.typical.clear')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : null}
      <Modal
        open={asking}
        title={t('commendations.typical.markTitle', { unit: actingUnit.name })}
        okText={t('commendations.typical.mark')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: mark.isPending, id: 'nomination-typical-submit' }}
        onCancel={() => setAsking(false)}
        onOk={() =>
          void form.validateFields().then(({ year }) =>
            mark.mutate(
              { id: nomination.id, version: typical?.version ?? nomination.version, unitId: actingUnit.id, year },
              {
                onSuccess: () => {
                  void message.success(t('commendations.typical.marked'));
                  setAsking(false);
                },
              },
            ),
          )
        }
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('commendations.typical.markHelp')}</Typography.Paragraph>
        <MutationErrorAlert error={mark.error} />
        <Form form={form} layout="vertical" initialValues={{ year: years[0] }}>
          <Form.Item
            name="year"
            label={t('commendations.typical.year')}
            rules={[{ required: true, message: t('commendations.typical.yearRequired') }]}
          >
            <Select<number>
              options={years.map((year) => ({ value: year, label: t('commendations.typical.yearOption', { year }) }))}
              style={{ width: 160 }}
              data-testid="nomination-typical-year"
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function AdoptionsSection({ nominationId }: { nominationId: number }) {
  const { t } = useTranslation();
  const query = useModelAdoptions(nominationId, true);
  const answer = query.data;
  return (
    <div data-testid="nomination-adoptions">
      <Typography.Title level={5}>{t('commendations.adoption.section')}</Typography.Title>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {answer ? (
        answer.total === 0 ? (
          <Typography.Text type="secondary">{t('commendations.adoption.none')}</Typography.Text>
        ) : (
          <>
            <Typography.Paragraph>{t('commendations.adoption.count', { count: answer.total })}</Typography.Paragraph>
            {answer.items.length < answer.total ? (
              <Typography.Text type="secondary">{t('commendations.adoption.inScope')}</Typography.Text>
            ) : null}
            <List
              size="small"
              dataSource={answer.items}
              renderItem={(item) => (
                <List.Item key={item.id}>
                  <List.Item.Meta
                    title={`${item.unit.name} · ${t('commendations.adoption.adoptedValue', { date: formatDate(item.adoptedOn) })}`}
                    description={
                      <Space direction="vertical" size={0}>
                        <span style={{ whiteSpace: 'pre-wrap' }}>{item.note}</span>
                        {item.files.map((file) => (
                          <a key={file.id} href={`/api/files/${file.id}?inline=1`} target="_blank" rel="noreferrer">
                            {file.name}
                          </a>
                        ))}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </>
        )
      ) : null}
    </div>
  );
}
