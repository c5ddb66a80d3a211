import { App, Button, DatePicker, Form, Input, Modal, Switch, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert } from '../../components/form-bits';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../lib/errors';
import { DATE_FORMAT, formatDate, toApiDate } from '../../lib/format';
import { type LegalBasis, useCreateLegalBasis, useLegalBases, useSetLegalBasisActive } from './programme.api';

interface Values {
  symbol: string;
  title: string;
  issuedOn?: Dayjs;
}

/** The documents plans may cite; a later conclusion is added here, an outdated one switched off. */
export function LegalBasesModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bases = useLegalBases(true);
  const create = useCreateLegalBasis();
  const toggle = useSetLegalBasisActive();
  const [form] = Form.useForm<Values>();

  const submit = (values: Values) => {
    create.mutate(
      { symbol: values.symbol.trim(), title: values.title.trim(), issuedOn: toApiDate(values.issuedOn) ?? '' },
      {
        onSuccess: (saved) => {
          void message.success(t('programme.legalBases.created', { symbol: saved.symbol }));
          form.resetFields();
        },
      },
    );
  };

  const required = { required: true, message: t('programme.validation.required') };

  return (
    <Modal open title={t('programme.legalBases.title')} onCancel={onClose} footer={null} width={860} destroyOnHidden>
      {bases.isError ? <QueryError error={bases.error} compact /> : null}
      <Table<LegalBasis>
        rowKey="id"
        size="small"
        pagination={false}
        loading={bases.isFetching}
        dataSource={bases.data ?? []}
        columns={[
          { title: t('programme.legalBases.symbol'), dataIndex: 'symbol', width: 120 },
          { title: t('programme.legalBases.documentTitle'), dataIndex: 'title' },
          { title: t('programme.legalBases.issuedOn'), dataIndex: 'issuedOn', width: 120, render: (value: string) => formatDate(value) },
          {
            title: t('programme.legalBases.inUse'),
            key: 'active',
            width: 110,
            render: (_value, basis) => (
              <Switch
                checked={basis.isActive}
                loading={toggle.isPending && toggle.variables?.id === basis.id}
                aria-label={t('programme.legalBases.inUse')}
                onChange={(isActive) =>
                  toggle.mutate({ id: basis.id, isActive }, { onError: (error) => void message.error(describeError(error, t)) })
                }
              />
            ),
          },
        ]}
      />
      <Form<Values> form={form} layout="vertical" onFinish={submit} className="block-gap" disabled={create.isPending}>
        <MutationErrorAlert error={create.error} />
        <div className="filters">
          <Form.Item name="symbol" label={t('programme.legalBases.symbol')} rules={[required]}>
            <Input maxLength={40} placeholder="01-KL/TW" />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('programme.legalBases.issuedOn')} rules={[required]}>
            <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('programme.legalBases.documentTitle')} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={400} />
        </Form.Item>
        <div className="modal-actions">
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('programme.legalBases.add')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
