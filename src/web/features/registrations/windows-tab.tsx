import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Empty, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmAction } from '../../components/confirm-action';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { DATE_FORMAT, formatDate, formatNumber, fromApiDate, toApiDate } from '../../lib/format';
import { type WindowView, useApplicableWindow, useDeleteWindow, useSaveWindow, useWindowChoices, useWindows } from './registrations.api';
import { RegistrationYearPicker } from './year-picker';

/** "Đợt đăng ký": the windows a level opened; units below inherit the nearest one above them. */
export function WindowsTab({ actingUnit }: { actingUnit: ActingUnit }) {
  const { t } = useTranslation();
  const confirm = useConfirmAction();
  const canOpen = useCan('registrations.windows');
  const [year, setYear] = useState(dayjs().year());
  const [editing, setEditing] = useState<WindowView | 'new' | null>(null);
  const windows = useWindows(year);
  const applicable = useApplicableWindow(actingUnit.id, year);
  const remove = useDeleteWindow();
  const current = applicable.data?.window;

  const columns: ColumnsType<WindowView> = [
    { title: t('registrations.windows.unit'), key: 'unit', width: 220, render: (_v, row) => row.unitName },
    {
      title: t('registrations.windows.years'),
      key: 'years',
      width: 150,
      render: (_v, row) =>
        row.toYear > row.year ? <Tag color="purple">{t('registrations.windows.term', { from: row.year, to: row.toYear })}</Tag> : row.year,
    },
    {
      title: t('registrations.windows.dates'),
      key: 'dates',
      width: 200,
      render: (_v, row) => `${formatDate(row.opensOn)} – ${formatDate(row.closesOn)}`,
    },
    {
      title: t('registrations.windows.topic'),
      key: 'topic',
      width: 240,
      ellipsis: true,
      render: (_v, row) => row.topicTitle ?? t('registrations.windows.anyTopic'),
    },
    {
      title: t('registrations.windows.breakthroughs'),
      key: 'breakthroughs',
      width: 130,
      align: 'right',
      render: (_v, row) => formatNumber(row.breakthroughIds.length),
    },
    {
      title: t('registrations.windows.registrations'),
      key: 'registrations',
      width: 130,
      align: 'right',
      render: (_v, row) => formatNumber(row.registrationCount ?? 0),
    },
    {
      title: '',
      key: 'edit',
      width: 110,
      render: (_v, row) =>
        row.canEdit ? (
          <Space>
            <Button type="text" icon={<EditOutlined />} aria-label={t('registrations.windows.edit')} onClick={() => setEditing(row)} />
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('registrations.windows.delete')}
              disabled={(row.registrationCount ?? 0) > 0}
              onClick={() =>
                confirm({
                  title: t('registrations.windows.deleteConfirm', { year: row.year, unit: row.unitName }),
                  okText: t('registrations.windows.delete'),
                  danger: true,
                  run: () => remove.mutateAsync({ id: row.id, version: row.version }),
                  doneText: t('registrations.windows.deleted'),
                })
              }
            />
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <Space wrap className="filter-bar block-gap-bottom">
        <RegistrationYearPicker value={year} onChange={setYear} />
        {canOpen ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="window-create">
            {t('registrations.windows.create')}
          </Button>
        ) : null}
      </Space>
      {applicable.data ? (
        <Alert
          className="block-gap-bottom"
          type={current ? 'info' : 'warning'}
          showIcon
          data-testid="window-applicable"
          title={
            current
              ? t('registrations.windows.applicable', {
                  unit: actingUnit.name,
                  owner: current.unitName,
                  from: formatDate(current.opensOn),
                  to: formatDate(current.closesOn),
                })
              : t('registrations.windows.noApplicable', { unit: actingUnit.name, year })
          }
          description={current?.guidance ? <Typography.Text className="pre-wrap">{current.guidance}</Typography.Text> : undefined}
        />
      ) : null}
      {windows.isError ? (
        <QueryError error={windows.error} onRetry={() => void windows.refetch()} />
      ) : (
        <Table<WindowView>
          rowKey="id"
          loading={windows.isFetching}
          columns={columns}
          dataSource={windows.data ?? []}
          scroll={{ x: 1180 }}
          pagination={false}
          data-testid="windows-table"
          locale={{ emptyText: <Empty description={t('registrations.windows.empty', { year })} /> }}
        />
      )}
      {editing ? (
        <WindowFormModal actingUnit={actingUnit} year={year} window={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

interface WindowFormValues {
  year: number;
  toYear: number;
  dates: [Dayjs, Dayjs];
  topicId?: number;
  breakthroughIds?: number[];
  guidance?: string;
}

function WindowFormModal({
  actingUnit,
  year,
  window,
  onClose,
}: {
  actingUnit: ActingUnit;
  year: number;
  window: WindowView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WindowFormValues>();
  const save = useSaveWindow();
  const formYear = Form.useWatch('year', form) ?? window?.year ?? year;
  const unitId = window?.unitId ?? actingUnit.id;
  const choices = useWindowChoices(unitId, formYear, true);
  const initial: Partial<WindowFormValues> = window
    ? {
        year: window.year,
        toYear: window.toYear,
        dates: [fromApiDate(window.opensOn)!, fromApiDate(window.closesOn)!],
        topicId: window.topicId ?? undefined,
        breakthroughIds: window.breakthroughIds,
        guidance: window.guidance ?? undefined,
      }
    : { year, toYear: year, dates: [dayjs(`${year}-01-01`), dayjs(`${year}-03-31`)], breakthroughIds: [] };
  return (
    <FormModal
      open
      title={window ? t('registrations.windows.edit') : t('registrations.windows.createTitle', { unit: actingUnit.name })}
      formId="window-form"
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      onCancel={onClose}
    >
      <Form
        form={form}
        id="window-form"
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => {
          save.mutate(
            {
              id: window?.id,
              ...(window ? { version: window.version } : { unitId: actingUnit.id }),
              year: values.year,
              toYear: values.toYear,
              opensOn: toApiDate(values.dates[0])!,
              closesOn: toApiDate(values.dates[1])!,
              topicId: values.topicId ?? null,
              breakthroughIds: values.breakthroughIds ?? [],
              guidance: values.guidance?.trim() || null,
            },
            {
              onSuccess: () => {
                void message.success(t('registrations.windows.saved'));
                onClose();
              },
            },
          );
        }}
      >
        <Space wrap>
          <Form.Item
            name="year"
            label={t('registrations.windows.year')}
            rules={[{ required: true, message: t('registrations.windows.required') }]}
          >
            <InputNumber min={2000} max={2100} data-testid="window-year" />
          </Form.Item>
          <Form.Item
            name="toYear"
            label={t('registrations.windows.toYear')}
            extra={t('registrations.windows.toYearHelp')}
            rules={[{ required: true, message: t('registrations.windows.required') }]}
          >
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
        <Form.Item
          name="dates"
          label={t('registrations.windows.dates')}
          rules={[{ required: true, message: t('registrations.windows.required') }]}
        >
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            placeholder={[t('registrations.windows.opensOn'), t('registrations.windows.closesOn')]}
          />
        </Form.Item>
        <Form.Item name="topicId" label={t('registrations.windows.topic')}>
          <Select
            allowClear
            placeholder={t('registrations.windows.anyTopic')}
            options={choices.topics.map((topic) => ({ value: topic.id, label: topic.title }))}
          />
        </Form.Item>
        <Form.Item name="breakthroughIds" label={t('registrations.windows.breakthroughs')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('registrations.windows.allBreakthroughs')}
            options={choices.breakthroughs.map((item) => ({ value: item.id, label: item.title }))}
          />
        </Form.Item>
        <Form.Item name="guidance" label={t('registrations.windows.guidance')}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
