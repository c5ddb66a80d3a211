import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Modal, Result, Row, Spin, Statistic, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportPreview, ImportResult } from '../../shared/contracts/imports';
import { templatePath, useApplyImport, usePreviewImport } from '../features/imports/imports.api';
import { describeError } from '../lib/errors';
import { formatNumber } from '../lib/format';
import { useIsPhone } from '../lib/use-is-phone';
import { DownloadButton } from './download-button';
import { RowErrorsTable } from './row-errors-table';

interface ImportWizardProps {
  kind: ImportKind;
  open: boolean;
  onClose: () => void;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function isXlsx(file: File): boolean {
  return file.name.toLowerCase().endsWith('.xlsx') || file.type === XLSX_MIME;
}

/**
 * Import in three steps: the server checks the whole file first and nothing is written until the
 * user has seen what will be added, updated and refused, row by row.
 */
export function ImportWizard({ kind, open, onClose }: ImportWizardProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isPhone = useIsPhone();
  const preview = usePreviewImport(kind);
  const apply = useApplyImport();
  const [step, setStep] = useState(0);
  const [previewData, setPreviewData] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const reset = () => {
    setStep(0);
    setPreviewData(null);
    setResult(null);
    setFileError(null);
    preview.reset();
    apply.reset();
  };

  const close = () => {
    reset();
    onClose();
  };

  const choose = (file: File) => {
    setFileError(null);
    if (!isXlsx(file)) {
      setFileError(t('imports.onlyXlsx'));
      return;
    }
    preview.mutate(file, {
      onSuccess: (data) => {
        setPreviewData(data);
        setStep(1);
      },
    });
  };

  const confirmApply = (data: ImportPreview) => {
    modal.confirm({
      title: t('imports.applyConfirmTitle'),
      content: t('imports.applyConfirm', { count: data.validRows, errors: data.errors.length }),
      okText: t('imports.apply', { count: data.validRows, formatted: formatNumber(data.validRows) }),
      cancelText: t('common.cancel'),
      onOk: () =>
        apply.mutateAsync(data.batchId).then(
          (answer) => {
            setResult(answer);
            setStep(2);
          },
          // The failure is shown in the wizard; the confirm dialog just closes.
          () => undefined,
        ),
    });
  };

  const template = (
    <DownloadButton type="link" path={templatePath(kind)} fileName={t(`imports.templateFile.${kind}`)} icon={<FileExcelOutlined />}>
      {t('imports.templateLink')}
    </DownloadButton>
  );

  const stepItems = [{ title: t('imports.steps.choose') }, { title: t('imports.steps.preview') }, { title: t('imports.steps.result') }];

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t(`imports.title.${kind}`)}
      width={860}
      footer={null}
      destroyOnHidden
      mask={{ closable: !preview.isPending && !apply.isPending }}
      keyboard={!preview.isPending && !apply.isPending}
    >
      <Steps
        current={step}
        items={stepItems}
        size="small"
        className="import-steps"
        responsive={false}
        titlePlacement={isPhone ? 'vertical' : 'horizontal'}
      />

      {step === 0 ? (
        <div className="import-step">
          <Typography.Paragraph>{t('imports.chooseIntro')}</Typography.Paragraph>
          <Spin spinning={preview.isPending} description={t('imports.uploading')}>
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              maxCount={1}
              showUploadList={false}
              disabled={preview.isPending}
              beforeUpload={(file) => {
                choose(file);
                // The file goes to the preview endpoint by our own request, never by antd's uploader.
                return false;
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.chooseHint')}</p>
              <p className="ant-upload-hint">{t('imports.onlyXlsx')}</p>
            </Upload.Dragger>
          </Spin>
          {fileError ? <Alert type="error" showIcon title={fileError} className="block-gap" /> : null}
          {preview.isError ? <Alert type="error" showIcon title={describeError(preview.error, t)} className="block-gap" /> : null}
          <div className="block-gap">
            {t('imports.templateHint')} {template}
          </div>
        </div>
      ) : null}

      {step === 1 && previewData ? (
        <div className="import-step">
          <Typography.Paragraph>
            {t('imports.fileName')}: <Typography.Text strong>{previewData.fileName}</Typography.Text>
          </Typography.Paragraph>
          <Row gutter={[16, 16]} className="import-counts">
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('imports.counts.totalRows')} value={previewData.totalRows} formatter={(v) => formatNumber(Number(v))} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('imports.counts.validRows')} value={previewData.validRows} formatter={(v) => formatNumber(Number(v))} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic
                title={t('imports.counts.errorRows')}
                value={previewData.errors.length}
                formatter={(v) => formatNumber(Number(v))}
                styles={{ content: previewData.errors.length ? { color: 'var(--ng-error)' } : undefined }}
              />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('imports.counts.creates')} value={previewData.creates} formatter={(v) => formatNumber(Number(v))} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('imports.counts.updates')} value={previewData.updates} formatter={(v) => formatNumber(Number(v))} />
            </Col>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('imports.counts.unchanged')} value={previewData.unchanged} formatter={(v) => formatNumber(Number(v))} />
            </Col>
          </Row>

          <Typography.Title level={3} className="section-title">
            {t('imports.errorsTitle')}
          </Typography.Title>
          <RowErrorsTable errors={previewData.errors} testId="import-errors" />
          {previewData.validRows === 0 ? <Alert type="warning" showIcon title={t('imports.nothingValid')} className="block-gap" /> : null}
          {apply.isError ? <Alert type="error" showIcon title={describeError(apply.error, t)} className="block-gap" /> : null}
          <Spin spinning={apply.isPending} description={t('imports.applying')}>
            <div className="modal-actions">
              <Button onClick={reset} disabled={apply.isPending}>
                {t('imports.chooseAnother')}
              </Button>
              <Button
                type="primary"
                data-testid="import-apply"
                disabled={previewData.validRows === 0}
                loading={apply.isPending}
                onClick={() => confirmApply(previewData)}
              >
                {t('imports.apply', { count: previewData.validRows, formatted: formatNumber(previewData.validRows) })}
              </Button>
            </div>
          </Spin>
        </div>
      ) : null}

      {step === 2 && result ? (
        <Result
          data-testid="import-result"
          status="success"
          title={t('imports.resultTitle')}
          subTitle={t('imports.resultSummary', {
            created: formatNumber(result.created),
            updated: formatNumber(result.updated),
            unchanged: formatNumber(result.unchanged),
          })}
          extra={[
            <Button key="again" onClick={reset}>
              {t('imports.importAnother')}
            </Button>,
            <Button key="close" type="primary" onClick={close}>
              {t('common.close')}
            </Button>,
          ]}
        />
      ) : null}
    </Modal>
  );
}
