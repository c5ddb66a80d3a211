import { BellOutlined, CalendarOutlined, FileExcelOutlined, FileWordOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Popconfirm, Space, Spin, Table, Tabs, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/download-button';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { DATE_FORMAT, formatDate, fromApiDate, toApiDate } from '../../lib/format';
import { describeError } from '../../lib/errors';
import { type RequestAnswerRow, type ReportRequestDetail, useCatalogue, useRemind, useRequest, useUpdateDeadline } from './reports.api';
import { AnswerStatusTag, formatRate } from './report-tags';
import { ConsolidationView } from './consolidation-view';
import { AnswerDrawer } from './answer-drawer';

export function RequestDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useRequest(id);
  const request = query.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={980}
      title={request?.title ?? t('reports.requests.drawerTitle')}
      destroyOnHidden
      data-testid="report-request-drawer"
    >
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !request ? (
        <Spin />
      ) : (
        <RequestBody request={request} />
      )}
    </Drawer>
  );
}

function RequestBody({ request }: { request: ReportRequestDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const catalogue = useCatalogue();
  const remind = useRemind(request.id);
  const [openAnswer, setOpenAnswer] = useState<number | null>(null);
  const [editingDeadline, setEditingDeadline] = useState(false);
  const late = request.answers.filter((answer) => answer.displayStatus === 'late').length;

  const columns = [
    { title: t('reports.fields.unit'), render: (_: unknown, row: RequestAnswerRow) => row.unit.name },
    {
      title: t('reports.fields.status'),
      width: 150,
      render: (_: unknown, row: RequestAnswerRow) => <AnswerStatusTag status={row.displayStatus} />,
    },
    {
      title: t('reports.fields.submittedOn'),
      width: 130,
      render: (_: unknown, row: RequestAnswerRow) =>
        row.firstSubmittedOn ? (
          <span>
            {formatDate(row.firstSubmittedOn)}
            {row.onTime === false && <span style={{ color: '#cf1322' }}> ({t('reports.lateSubmission')})</span>}
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('reports.fields.number'), width: 120, render: (_: unknown, row: RequestAnswerRow) => row.numberSymbol ?? '—' },
    {
      title: t('common.actions'),
      width: 110,
      render: (_: unknown, row: RequestAnswerRow) => (
        <Button
          size="small"
          onClick={() => setOpenAnswer(row.id)}
          disabled={row.status === 'not_started'}
          data-testid={`report-open-answer-${row.unit.code}`}
        >
          {t('reports.open')}
        </Button>
      ),
    },
  ];

  const statusTab = (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('reports.fields.kind')}>{t(`reports.kinds.${request.kind}`)}</Descriptions.Item>
        <Descriptions.Item
          label={t('reports.fields.period')}
        >{`${formatDate(request.periodFrom)} – ${formatDate(request.periodTo)}`}</Descriptions.Item>
        <Descriptions.Item label={t('reports.fields.deadline')}>{formatDate(request.deadline)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.fields.reportingRate')}>
          <span data-testid="report-reporting-rate">{`${request.figures.submitted}/${request.figures.expected} (${formatRate(request.figures.reportingRate)})`}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.fields.onTimeRate')}>
          <span data-testid="report-on-time-rate">{`${request.figures.onTime}/${request.figures.expected} (${formatRate(request.figures.onTimeRate)})`}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.fields.audience')}>{t(`reports.audience.${request.audience}`)}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 16 }}>
        <Popconfirm
          title={t('reports.remind.confirm', { count: late })}
          onConfirm={() =>
            remind
              .mutateAsync()
              .then((result) => void message.success(t('reports.remind.done', { units: result.lateUnits, accounts: result.notifications })))
              .catch((error: unknown) => void message.error(describeError(error, t)))
          }
          okText={t('reports.remind.action')}
          cancelText={t('common.cancel')}
          disabled={late === 0}
        >
          <Button icon={<BellOutlined />} disabled={late === 0} loading={remind.isPending} data-testid="report-remind">
            {t('reports.remind.action')} ({late})
          </Button>
        </Popconfirm>
        <Button icon={<CalendarOutlined />} onClick={() => setEditingDeadline(true)} data-testid="report-change-deadline">
          {t('reports.deadline.change')}
        </Button>
      </Space>
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={request.answers}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="report-answers-table"
      />
      {request.bySubtree.length > 1 && request.audience !== 'children' && (
        <Table
          rowKey={(row) => row.unit.id}
          size="small"
          style={{ marginTop: 16 }}
          title={() => t('reports.bySubtree')}
          pagination={false}
          dataSource={request.bySubtree}
          columns={[
            { title: t('reports.fields.unit'), render: (_, row) => row.unit.name },
            {
              title: t('reports.fields.reportingRate'),
              render: (_, row) => `${row.submitted}/${row.expected} (${formatRate(row.reportingRate)})`,
            },
            { title: t('reports.fields.onTimeRate'), render: (_, row) => `${row.onTime}/${row.expected} (${formatRate(row.onTimeRate)})` },
          ]}
        />
      )}
    </>
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DownloadButton
          path={`/api/report-requests/${request.id}/document`}
          params={{ format: 'docx' }}
          fileName={`Báo cáo tổng hợp - ${request.title}.docx`}
          icon={<FileWordOutlined />}
          data-testid="report-consolidated-docx"
        >
          {t('reports.download.consolidatedDocx')}
        </DownloadButton>
        {catalogue.data?.pdfAvailable ? (
          <DownloadButton
            path={`/api/report-requests/${request.id}/document`}
            params={{ format: 'pdf' }}
            fileName={`Báo cáo tổng hợp - ${request.title}.pdf`}
            icon={<FilePdfOutlined />}
          >
            {t('reports.download.pdf')}
          </DownloadButton>
        ) : (
          <Tooltip title={t('reports.download.noPdf')}>
            <span style={{ color: '#888', fontSize: 12 }}>{t('reports.download.noPdfShort')}</span>
          </Tooltip>
        )}
        <DownloadButton
          path={`/api/report-requests/${request.id}/figures-export`}
          fileName={`Số liệu tổng hợp - ${request.title}.xlsx`}
          icon={<FileExcelOutlined />}
          data-testid="report-figures-excel"
        >
          {t('reports.download.figuresExcel')}
        </DownloadButton>
      </Space>
      {request.guidance && <Alert type="info" showIcon message={request.guidance} style={{ marginBottom: 12 }} />}
      <Tabs
        destroyOnHidden
        items={[
          { key: 'status', label: t('reports.requests.statusTab'), children: statusTab },
          { key: 'consolidation', label: t('reports.requests.consolidationTab'), children: <ConsolidationView requestId={request.id} /> },
        ]}
        data-testid="report-request-tabs"
      />
      {editingDeadline && <DeadlineModal request={request} onClose={() => setEditingDeadline(false)} />}
      <AnswerDrawer id={openAnswer} onClose={() => setOpenAnswer(null)} />
    </>
  );
}

function DeadlineModal({ request, onClose }: { request: ReportRequestDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDeadline(request.id);
  return (
    <FormModal
      open
      title={t('reports.deadline.change')}
      formId="report-deadline-form"
      okText={t('common.save')}
      pending={update.isPending}
      error={update.error}
      onCancel={onClose}
      width={420}
    >
      <Form<{ deadline: Dayjs }>
        id="report-deadline-form"
        layout="vertical"
        initialValues={{ deadline: fromApiDate(request.deadline) }}
        onFinish={(values) =>
          void update
            .mutateAsync({ deadline: toApiDate(values.deadline)!, version: request.version })
            .then(onClose)
            .catch(() => undefined)
        }
      >
        <Form.Item
          name="deadline"
          label={t('reports.fields.deadline')}
          extra={t('reports.deadline.help')}
          rules={[{ required: true, message: t('reports.requests.deadlineRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
