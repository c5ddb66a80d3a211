import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Image, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/download-button';
import { formatDate } from '../../lib/format';
import { SignFormModal } from './sign-form-modal';
import { fileViewPath, qrPngPath, signPrintPath, type UnitStandards, useRemoveSign } from './standards.api';

/** The sign on the wall: whether it is posted, its photo, and the QR code to print on it. */
export function SignCard({ data }: { data: UnitStandards }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveSign();
  const [editing, setEditing] = useState(false);
  const { sign, unit } = data;
  const adopted = data.versions.filter((version) => version.adoptedOn).map((version) => version.adoptedOn!);
  const firstAdoptedOn = adopted.length ? adopted.reduce((a, b) => (a < b ? a : b)) : null;

  return (
    <Card title={t('standards.sign.title')} className="block-gap-bottom" data-testid="standards-sign">
      {!data.current ? (
        <Typography.Paragraph type="secondary">{t('standards.sign.needsAdoption')}</Typography.Paragraph>
      ) : (
        <>
          {sign ? (
            <Descriptions column={1} size="small" data-testid="standards-sign-details">
              <Descriptions.Item label={t('standards.sign.postedOn')}>{formatDate(sign.postedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('standards.sign.location')}>{sign.location ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('standards.sign.photo')}>
                {sign.photo ? <Image src={fileViewPath(sign.photo.id)} alt={sign.photo.name} width={160} /> : t('standards.sign.noPhoto')}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Paragraph type="secondary">{t('standards.sign.notPosted')}</Typography.Paragraph>
          )}
          {data.canEdit ? (
            <Space wrap className="block-gap-bottom">
              <Button type={sign ? 'default' : 'primary'} onClick={() => setEditing(true)} data-testid="standards-sign-edit">
                {sign ? t('standards.sign.edit') : t('standards.sign.record')}
              </Button>
              {sign ? (
                <Popconfirm
                  title={t('standards.sign.removeConfirm')}
                  okText={t('standards.sign.remove')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutateAsync({ unitId: unit.id, version: sign.version }).then(
                      () => message.success(t('standards.sign.removed')),
                      () => undefined,
                    )
                  }
                >
                  <Button danger type="text">
                    {t('standards.sign.remove')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null}
          <Typography.Title level={5}>{t('standards.sign.qrTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('standards.sign.qrHelp')}</Typography.Paragraph>
          <img
            src={qrPngPath(unit.id)}
            alt={t('standards.sign.qrAlt', { unit: unit.name })}
            width={180}
            height={180}
            className="block-gap-bottom"
            data-testid="standards-qr-image"
          />
          <Space wrap>
            <DownloadButton
              path={qrPngPath(unit.id)}
              fileName={t('standards.sign.qrFile')}
              icon={<QrcodeOutlined />}
              data-testid="standards-qr-download"
            >
              {t('standards.sign.downloadQr')}
            </DownloadButton>
            <Button icon={<PrinterOutlined />} href={signPrintPath(unit.id)} target="_blank" rel="noopener" data-testid="standards-print">
              {t('standards.sign.print')}
            </Button>
          </Space>
          <Typography.Paragraph className="block-gap" copyable={{ text: data.publicUrl }}>
            {t('standards.sign.publicPage')}:{' '}
            <a href={data.publicUrl} target="_blank" rel="noopener noreferrer" data-testid="standards-public-link">
              {data.publicUrl}
            </a>
          </Typography.Paragraph>
        </>
      )}
      {editing ? <SignFormModal unitId={unit.id} sign={sign} earliest={firstAdoptedOn} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}
