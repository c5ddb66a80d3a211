import {
  CheckOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  InfoCircleOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/download-button';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { describeError } from '../../lib/errors';
import {
  type ReportAnswerDetail,
  type FileSummary,
  type RecommendationItem,
  useAcceptAnswer,
  useAnswer,
  useCatalogue,
  useReturnAnswer,
  useSaveAnswer,
  uploadReportFile,
} from './reports.api';
import { AnswerStatusTag, formatRate } from './report-tags';
import { AttachmentsField } from '../../components/attachments-field';

interface Values {
  narrative: Record<string, string>;
  manualValues: Record<string, string>;
  figureNotes: Record<string, string>;
  recommendations: RecommendationItem[];
}

const EDITABLE = ['not_started', 'draft', 'returned'];
const show = (value: number | null, unit: string) => (value === null ? '—' : unit === 'percent' ? formatRate(value) : formatNumber(value));

export function AnswerDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useAnswer(id);
  const answer = query.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={960}
      title={answer ? `${answer.unit.name} — ${answer.request.title}` : t('reports.answer.title')}
      destroyOnHidden
      data-testid="report-answer-drawer"
    >
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !answer ? (
        <Spin />
      ) : (
        <AnswerBody key={answer.version} answer={answer} />
      )}
    </Drawer>
  );
}

function AnswerBody({ answer }: { answer: ReportAnswerDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<FileSummary[]>(answer.files);
  const [returning, setReturning] = useState(false);
  const catalogue = useCatalogue();
  const save = useSaveAnswer(answer.id);
  const accept = useAcceptAnswer(answer.id);
  const editable = answer.canWrite && EDITABLE.includes(answer.status);
  const { content } = answer.request;

  const body = (values: Values) => ({
    narrative: values.narrative ?? {},
    manualValues: Object.fromEntries(Object.entries(values.manualValues ?? {}).map(([key, value]) => [key, (value ?? '').trim()])),
    figureNotes: Object.fromEntries(Object.entries(values.figureNotes ?? {}).map(([key, value]) => [key, (value ?? '').trim()])),
    recommendations: (values.recommendations ?? []).filter((item) => item.body?.trim()),
    fileIds: files.map((file) => file.id),
    version: answer.version,
  });
  const fail = (error: unknown) => void message.error(describeError(error, t));
  const saveDraft = async () => {
    const values = await form.validateFields();
    await save
      .mutateAsync(body(values))
      .then(() => void message.success(t('reports.answer.saved')))
      .catch(fail);
  };
  const saveAndSubmit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({ ...body(values), submit: true });
      void message.success(t('reports.answer.submitted'));
    } catch (error) {
      fail(error);
    }
  };

  /** Pulls what the units below reported: their items, their narrative per section, the sums of their numbers. */
  const pullFromBelow = () => {
    const current = form.getFieldsValue();
    const recommendations = [
      ...(current.recommendations ?? []),
      ...answer.lower.flatMap((lower) =>
        lower.recommendations.map((item) => ({ kind: item.kind, body: `${item.body} (${lower.unitName})` })),
      ),
    ];
    const narrative = { ...(current.narrative ?? {}) };
    for (const section of content.sections) {
      const parts = answer.lower
        .filter((lower) => lower.narrative[section.key])
        .map((lower) => `${lower.unitName}: ${lower.narrative[section.key]}`);
      if (parts.length) narrative[section.key] = [narrative[section.key], ...parts].filter(Boolean).join('\n');
    }
    const manualValues = { ...(current.manualValues ?? {}) };
    for (const item of content.manualItems.filter((entry) => entry.type === 'number')) {
      const values = answer.lower.map((lower) => lower.manualValues[item.key]).filter((value): value is string => Boolean(value));
      if (values.length)
        manualValues[item.key] = String(values.reduce((sum, value) => sum + Number(value.replace(',', '.')), 0)).replace('.', ',');
    }
    form.setFieldsValue({ recommendations, narrative, manualValues });
    void message.info(t('reports.answer.pulled'));
  };

  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('reports.fields.status')}>
          <AnswerStatusTag status={answer.displayStatus} />
        </Descriptions.Item>
        <Descriptions.Item
          label={t('reports.fields.period')}
        >{`${formatDate(answer.request.periodFrom)} – ${formatDate(answer.request.periodTo)}`}</Descriptions.Item>
        <Descriptions.Item label={t('reports.fields.deadline')}>{formatDate(answer.request.deadline)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.fields.requester')}>{answer.request.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('reports.fields.number')}>{answer.numberSymbol ?? t('reports.answer.noNumber')}</Descriptions.Item>
        <Descriptions.Item label={t('reports.fields.submittedOn')}>
          {answer.firstSubmittedOn ? formatDate(answer.firstSubmittedOn) : '—'}
        </Descriptions.Item>
      </Descriptions>
      {answer.status === 'returned' && answer.returnReason && (
        <Alert
          type="warning"
          showIcon
          message={t('reports.answer.returnedBecause')}
          description={answer.returnReason}
          style={{ marginBottom: 12 }}
          data-testid="report-return-reason"
        />
      )}
      {answer.request.guidance && <Alert type="info" showIcon message={answer.request.guidance} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        {editable && (
          <>
            <Button icon={<SaveOutlined />} onClick={() => void saveDraft()} loading={save.isPending} data-testid="report-save-draft">
              {t('reports.answer.saveDraft')}
            </Button>
            <Popconfirm
              title={t('reports.answer.confirmSubmit')}
              onConfirm={() => saveAndSubmit()}
              okText={t('reports.answer.submit')}
              cancelText={t('common.cancel')}
            >
              <Button type="primary" icon={<SendOutlined />} loading={save.isPending} data-testid="report-submit">
                {t('reports.answer.submit')}
              </Button>
            </Popconfirm>
          </>
        )}
        {answer.canReview && answer.status === 'submitted' && (
          <Popconfirm
            title={t('reports.answer.confirmAccept')}
            onConfirm={() =>
              accept
                .mutateAsync(answer.version)
                .then(() => void message.success(t('reports.answer.accepted')))
                .catch(fail)
            }
            okText={t('reports.answer.accept')}
            cancelText={t('common.cancel')}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={accept.isPending} data-testid="report-accept">
              {t('reports.answer.accept')}
            </Button>
          </Popconfirm>
        )}
        {answer.canReview && (answer.status === 'submitted' || answer.status === 'accepted') && (
          <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="report-return">
            {t('reports.answer.return')}
          </Button>
        )}
        <DownloadButton
          path={`/api/report-answers/${answer.id}/document`}
          params={{ format: 'docx' }}
          fileName={`Báo cáo ${answer.numberSymbol ?? 'dự thảo'} - ${answer.unit.name}.docx`}
          icon={<FileWordOutlined />}
          data-testid="report-answer-docx"
        >
          {t('reports.download.docx')}
        </DownloadButton>
        {catalogue.data?.pdfAvailable && (
          <DownloadButton
            path={`/api/report-answers/${answer.id}/document`}
            params={{ format: 'pdf' }}
            fileName={`Báo cáo ${answer.numberSymbol ?? 'dự thảo'} - ${answer.unit.name}.pdf`}
            icon={<FilePdfOutlined />}
          >
            {t('reports.download.pdf')}
          </DownloadButton>
        )}
      </Space>
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={{
          narrative: answer.narrative,
          manualValues: answer.manualValues,
          figureNotes: answer.figureNotes,
          recommendations: answer.recommendations.map(({ kind, body: text }) => ({ kind, body: text })),
        }}
      >
        {answer.figures.length > 0 && (
          <Card
            size="small"
            title={t('reports.answer.figures')}
            style={{ marginBottom: 12 }}
            extra={<Typography.Text type="secondary">{t('reports.answer.figuresHelp')}</Typography.Text>}
          >
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={answer.figures}
              columns={[
                {
                  title: t('reports.answer.figure'),
                  render: (_, row) => (
                    <Space direction="vertical" size={0}>
                      <span>
                        {row.label}{' '}
                        <Tooltip title={row.definition}>
                          <InfoCircleOutlined style={{ color: '#888' }} />
                        </Tooltip>
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('reports.answer.computed', { rule: row.computation })}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('reports.answer.frozen'),
                  width: 120,
                  align: 'right',
                  render: (_, row) => (
                    <span data-testid={`report-frozen-${row.key}`}>{answer.firstSubmittedOn ? show(row.frozen, row.unit) : '—'}</span>
                  ),
                },
                {
                  title: t('reports.answer.live'),
                  width: 120,
                  align: 'right',
                  render: (_, row) => <span data-testid={`report-live-${row.key}`}>{show(row.live, row.unit)}</span>,
                },
                {
                  title: t('reports.answer.note'),
                  width: 300,
                  render: (_, row) => (
                    <Form.Item name={['figureNotes', row.key]} noStyle>
                      <Input maxLength={1000} placeholder={t('reports.answer.notePlaceholder')} />
                    </Form.Item>
                  ),
                },
              ]}
            />
          </Card>
        )}
        {content.manualItems.length > 0 && (
          <Card
            size="small"
            title={t('reports.answer.manual')}
            style={{ marginBottom: 12 }}
            extra={
              answer.enteredBy ? (
                <Typography.Text type="secondary" data-testid="report-entered-by">
                  {t('reports.answer.enteredBy', { name: answer.enteredBy })}
                </Typography.Text>
              ) : null
            }
          >
            {content.manualItems.map((item) => (
              <Form.Item
                key={item.key}
                name={['manualValues', item.key]}
                label={item.label}
                rules={item.type === 'number' ? [{ pattern: /^-?\d+(?:[.,]\d+)?$/, message: t('reports.answer.numberOnly') }] : []}
              >
                <Input maxLength={2000} data-testid={`report-manual-${item.key}`} />
              </Form.Item>
            ))}
          </Card>
        )}
        {content.sections.map((section, index) => (
          <Form.Item key={section.key} name={['narrative', section.key]} label={`${index + 1}. ${section.title}`}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} maxLength={20000} />
          </Form.Item>
        ))}
        <Card size="small" title={t('reports.answer.items')} style={{ marginBottom: 12 }}>
          <Form.List name="recommendations">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'kind']} initialValue="recommendation">
                      <Select
                        style={{ width: 170 }}
                        options={[
                          { value: 'difficulty', label: t('reports.itemKind.difficulty') },
                          { value: 'recommendation', label: t('reports.itemKind.recommendation') },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'body']}
                      rules={[{ required: true, whitespace: true, message: t('reports.requests.labelRequired') }]}
                      style={{ width: 620 }}
                    >
                      <Input.TextArea autoSize maxLength={2000} />
                    </Form.Item>
                    {editable && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('reports.remove')} />}
                  </Space>
                ))}
                {editable && (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ kind: 'recommendation', body: '' })}
                    data-testid="report-add-item"
                  >
                    {t('reports.answer.addItem')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
          {answer.recommendations.some((item) => item.answer) && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text strong>{t('reports.answer.answers')}</Typography.Text>
              {answer.recommendations
                .filter((item) => item.answer)
                .map((item) => (
                  <Alert key={item.id} type="success" style={{ marginTop: 6 }} message={item.body} description={item.answer} />
                ))}
            </div>
          )}
        </Card>
        <Form.Item label={t('reports.answer.files')}>
          <AttachmentsField
            value={files}
            onChange={setFiles}
            upload={(file) => uploadReportFile(answer.unit.id, file)}
            buttonLabel={t('reports.answer.attach')}
            disabled={!editable}
          />
        </Form.Item>
      </Form>
      {answer.lower.length > 0 && (
        <Card
          size="small"
          title={t('reports.answer.lower', { count: answer.lower.length })}
          style={{ marginBottom: 12 }}
          extra={
            editable && (
              <Button onClick={pullFromBelow} data-testid="report-pull-below">
                {t('reports.answer.pull')}
              </Button>
            )
          }
        >
          {answer.lower.map((lower) => (
            <div key={lower.id} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{lower.unitName}</Typography.Text> <AnswerStatusTag status={lower.status} />{' '}
              <Typography.Text type="secondary">{lower.title}</Typography.Text>
              <ul style={{ margin: '4px 0' }}>
                {lower.recommendations.map((item, index) => (
                  <li key={index}>{`${t(`reports.itemKind.${item.kind}`)}: ${item.body}`}</li>
                ))}
              </ul>
            </div>
          ))}
        </Card>
      )}
      {answer.history.length > 0 && (
        <Card size="small" title={t('reports.answer.history')}>
          <Timeline
            items={answer.history.map((event) => ({
              key: event.id,
              children: (
                <>
                  <div>{`${formatDateTime(event.at)} · ${event.actorName}: ${t(`reports.status.${event.fromStatus}`)} → ${t(`reports.status.${event.toStatus}`)}`}</div>
                  {event.reason && (
                    <div>
                      {t('reports.answer.reason')}: {event.reason}
                    </div>
                  )}
                  {event.changes && (
                    <Typography.Text type="secondary">
                      {event.changes.length ? `${t('reports.answer.changed')}: ${event.changes.join('; ')}` : t('reports.answer.unchanged')}
                    </Typography.Text>
                  )}
                </>
              ),
            }))}
          />
        </Card>
      )}
      {returning && <ReturnModal answer={answer} onClose={() => setReturning(false)} />}
    </>
  );
}

function ReturnModal({ answer, onClose }: { answer: ReportAnswerDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const giveBack = useReturnAnswer(answer.id);
  return (
    <FormModal
      open
      danger
      title={t('reports.answer.return')}
      formId="report-return-form"
      okText={t('reports.answer.return')}
      pending={giveBack.isPending}
      error={giveBack.error}
      onCancel={onClose}
    >
      <Form<{ reason: string }>
        id="report-return-form"
        layout="vertical"
        onFinish={(values) =>
          void giveBack
            .mutateAsync({ version: answer.version, reason: values.reason })
            .then(onClose)
            .catch(() => undefined)
        }
      >
        <Form.Item
          name="reason"
          label={t('reports.answer.reason')}
          rules={[{ required: true, whitespace: true, message: t('reports.answer.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} data-testid="report-return-reason-input" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
