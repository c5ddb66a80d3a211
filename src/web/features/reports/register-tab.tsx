import { Button, Card, Checkbox, DatePicker, Form, Input, Segmented, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { FormModal } from '../../components/form-modal';
import { ChoiceFilter, FilterBar, PagedTable, SearchFilter, useListFilter, usePaging } from '../../components/list-page';
import { DATE_FORMAT, formatDate, fromApiDate, toApiDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { RECOMMENDATION_STATUSES } from '../../../shared/contracts/reports';
import { type RecommendationStatus, type RegisterItem, useRegister, useRespond } from './reports.api';
import { ItemStatusTag } from './report-tags';

/** The register of difficulties and recommendations: those addressed to the unit, and those it raised. */
export function RegisterTab({ actingUnit, canRequest }: { actingUnit: ActingUnit; canRequest: boolean }) {
  const { t } = useTranslation();
  const paging = usePaging();
  const [direction, setDirection] = useListFilter<'addressed' | 'raised'>(paging, canRequest ? 'addressed' : 'raised');
  const [status, setStatus] = useListFilter<RecommendationStatus | undefined>(paging, undefined);
  const [overdue, setOverdue] = useListFilter(paging, false);
  const [text, setText] = useListFilter(paging, '');
  const q = useDebouncedValue(text.trim(), 350);
  const { page, pageSize } = paging;
  const [responding, setResponding] = useState<RegisterItem | null>(null);
  const query = useRegister({
    unitId: actingUnit.id,
    direction,
    status,
    overdue: overdue ? 'true' : undefined,
    q: q || undefined,
    page,
    pageSize,
  });
  const canRespond = canRequest && direction === 'addressed';

  const columns: ColumnsType<RegisterItem> = [
    {
      title: t('reports.register.item'),
      render: (_, row) => (
        <>
          <Tag>{t(`reports.itemKind.${row.kind}`)}</Tag>
          {row.body}
          <div>
            <Typography.Text type="secondary">{row.requestTitle}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: direction === 'addressed' ? t('reports.register.raisedBy') : t('reports.register.addressedTo'),
      width: 200,
      render: (_, row) => (direction === 'addressed' ? row.unit.name : row.addressedTo.name),
    },
    { title: t('reports.fields.status'), width: 170, render: (_, row) => <ItemStatusTag status={row.status} overdue={row.overdue} /> },
    { title: t('reports.register.dueOn'), dataIndex: 'dueOn', width: 110, render: formatDate },
    { title: t('reports.register.answer'), width: 280, render: (_, row) => row.answer ?? '—' },
    ...(canRespond
      ? [
          {
            title: t('common.actions'),
            width: 110,
            render: (_: unknown, row: RegisterItem) =>
              row.status !== 'closed' && (
                <Button size="small" onClick={() => setResponding(row)} data-testid={`report-respond-${row.id}`}>
                  {t('reports.register.respond')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Card title={t('reports.register.title')}>
      <FilterBar>
        {canRequest && (
          <Segmented
            value={direction}
            onChange={(value) => setDirection(value as 'addressed' | 'raised')}
            options={[
              { value: 'addressed', label: t('reports.register.addressed') },
              { value: 'raised', label: t('reports.register.raised') },
            ]}
          />
        )}
        <SearchFilter value={text} onChange={setText} placeholder={t('reports.register.search')} />
        <ChoiceFilter
          value={status}
          onChange={setStatus}
          placeholder={t('reports.allStatuses')}
          options={RECOMMENDATION_STATUSES.map((value) => ({ value, label: t(`reports.itemStatus.${value}`) }))}
        />
        <Checkbox checked={overdue} onChange={(event) => setOverdue(event.target.checked)} data-testid="report-register-overdue">
          {t('reports.register.onlyOverdue')}
        </Checkbox>
      </FilterBar>
      <PagedTable
        query={query}
        paging={paging}
        columns={columns}
        scroll={{ x: 1000 }}
        emptyText={t('reports.register.empty')}
        data-testid="report-register-table"
      />
      {responding && <RespondModal item={responding} onClose={() => setResponding(null)} />}
    </Card>
  );
}

function RespondModal({ item, onClose }: { item: RegisterItem; onClose: () => void }) {
  const { t } = useTranslation();
  const respond = useRespond(item.id);
  return (
    <FormModal
      open
      title={t('reports.register.respond')}
      formId="report-respond-form"
      okText={t('common.save')}
      pending={respond.isPending}
      error={respond.error}
      onCancel={onClose}
    >
      <Typography.Paragraph>{item.body}</Typography.Paragraph>
      <Form<{ status: 'in_progress' | 'answered' | 'closed'; answer?: string; dueOn?: Dayjs }>
        id="report-respond-form"
        layout="vertical"
        initialValues={{ status: 'answered', answer: item.answer ?? '', dueOn: fromApiDate(item.dueOn) }}
        onFinish={(values) =>
          void respond
            .mutateAsync({
              status: values.status,
              answer: values.answer?.trim() || null,
              dueOn: toApiDate(values.dueOn) ?? null,
              version: item.version,
            })
            .then(onClose)
            .catch(() => undefined)
        }
      >
        <Form.Item name="status" label={t('reports.fields.status')}>
          <Select
            options={(['in_progress', 'answered', 'closed'] as const).map((value) => ({ value, label: t(`reports.itemStatus.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="answer" label={t('reports.register.answer')}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="report-respond-answer" />
        </Form.Item>
        <Form.Item name="dueOn" label={t('reports.register.dueOn')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
