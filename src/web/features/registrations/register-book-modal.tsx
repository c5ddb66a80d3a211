import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Radio, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { DownloadButton } from '../../components/download-button';
import { MutationErrorAlert } from '../../components/form-bits';
import { RowErrorsTable } from '../../components/row-errors-table';
import { describeError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { ENTERED_OUTCOMES, type EnteredOutcome } from '../../../shared/contracts/registrations';
import { type RegisterBookPreview, useEnterRegistrations, usePreviewRegisterBook } from './registrations.api';

interface RegisterBookModalProps {
  actingUnit: ActingUnit;
  year: number;
  onClose: () => void;
}

/**
 * The secretary copies the paper register book into the template (the year's members are listed
 * in it), uploads it, sees every row to fix or the registrations it holds, and enters them all in
 * one write. Nothing is written while any row is wrong.
 */
export function RegisterBookModal({ actingUnit, year, onClose }: RegisterBookModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preview = usePreviewRegisterBook(actingUnit.id, year);
  const enter = useEnterRegistrations();
  const [result, setResult] = useState<RegisterBookPreview | null>(null);
  const [outcome, setOutcome] = useState<EnteredOutcome>('approved');

  const choose = (file: File) => {
    setResult(null);
    enter.reset();
    preview.mutate(file, { onSuccess: setResult });
    return false;
  };
  const collective = result?.entries.filter((entry) => entry.personId === null).length ?? 0;
  const apply = () => {
    if (!result) return;
    const entries = result.entries.map(({ personId, shortcomings, actions }) => ({ personId, shortcomings, actions }));
    enter.mutateAsync({ unitId: actingUnit.id, year, outcome, entries }).then(
      (done) => {
        void message.success(t('registrations.book.done', { formatted: formatNumber(done.created.length), year }));
        onClose();
      },
      () => undefined, // shown by the alert at the top of the dialog
    );
  };

  return (
    <Modal
      open
      title={t('registrations.book.title', { year, unit: actingUnit.name })}
      onCancel={onClose}
      width={820}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={!result || result.errors.length > 0 || result.entries.length === 0}
            loading={enter.isPending}
            onClick={apply}
            data-testid="register-book-apply"
          >
            {t('registrations.book.apply', { formatted: formatNumber(result?.entries.length ?? 0) })}
          </Button>
        </Space>
      }
    >
      <MutationErrorAlert error={enter.error} />
      <Typography.Paragraph type="secondary">{t('registrations.book.intro')}</Typography.Paragraph>
      <DownloadButton
        type="link"
        icon={<FileExcelOutlined />}
        path="/api/registrations/book/template"
        params={{ unitId: actingUnit.id, year }}
        fileName={`Sổ đăng ký làm theo ${year} - ${actingUnit.name}.xlsx`}
        data-testid="register-book-template"
      >
        {t('registrations.book.template')}
      </DownloadButton>
      <Upload.Dragger
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={choose}
        disabled={preview.isPending}
        data-testid="register-book-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('registrations.book.drop')}</p>
      </Upload.Dragger>
      {preview.isPending ? <Spin className="block-gap" /> : null}
      {preview.isError ? <Alert type="error" showIcon title={describeError(preview.error, t)} className="block-gap" /> : null}
      {result && result.errors.length > 0 ? (
        <div className="block-gap">
          <Alert
            type="error"
            showIcon
            className="block-gap-bottom"
            title={t('registrations.book.hasErrors', { formatted: formatNumber(result.errors.length) })}
          />
          <RowErrorsTable errors={result.errors} testId="register-book-errors" />
        </div>
      ) : null}
      {result && result.errors.length === 0 ? (
        <div className="block-gap" data-testid="register-book-ready">
          {result.entries.length === 0 ? (
            <Alert type="warning" showIcon title={t('registrations.book.empty')} />
          ) : (
            <>
              <Alert
                type="success"
                showIcon
                className="block-gap-bottom"
                title={t('registrations.book.ready', {
                  individual: formatNumber(result.entries.length - collective),
                  collective: formatNumber(collective),
                  actions: formatNumber(result.actionCount),
                })}
              />
              <Table
                size="small"
                rowKey="row"
                dataSource={result.entries}
                pagination={result.entries.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                columns={[
                  { title: t('imports.columns.row'), dataIndex: 'row', width: 70, render: (row: number) => formatNumber(row) },
                  { title: t('registrations.list.registrant'), dataIndex: 'registrantName' },
                  {
                    title: t('registrations.list.actions'),
                    key: 'actions',
                    width: 110,
                    align: 'right',
                    render: (_v, entry) => formatNumber(entry.actions.length),
                  },
                ]}
              />
              <Typography.Text strong>{t('registrations.book.outcome')}</Typography.Text>
              <Radio.Group
                value={outcome}
                onChange={(event) => setOutcome(event.target.value as EnteredOutcome)}
                className="block-gap-bottom"
                data-testid="register-book-outcome"
              >
                <Space direction="vertical">
                  {ENTERED_OUTCOMES.map((value) => (
                    <Radio key={value} value={value}>
                      {t(`registrations.book.outcomes.${value}`)}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </>
          )}
        </div>
      ) : null}
    </Modal>
  );
}
