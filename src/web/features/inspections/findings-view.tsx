import { DeleteOutlined, EditOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Empty, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { INSPECTION_CONTENTS } from '../../../shared/contracts/inspections';
import { type FindingItem, type InspectionContent, type InspectionDetail, useDeleteFinding } from './inspections.api';
import { useInspectionLabels } from './inspection-labels';

/** A record's files, each opened in a new tab. */
export function FileLinks({ files }: { files: Array<{ id: number; name: string }> }) {
  if (files.length === 0) return null;
  return (
    <ul className="inspection-files">
      {files.map((file) => (
        <li key={file.id}>
          <PaperClipOutlined aria-hidden />{' '}
          <a href={`/api/files/${file.id}?inline=1`} target="_blank" rel="noreferrer">
            {file.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The findings grouped by the content they are about, in the order the guidance lists the contents. */
export function FindingsView({
  inspection,
  onEdit,
  onAdd,
}: {
  inspection: InspectionDetail;
  onEdit: (finding: FindingItem) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const labels = useInspectionLabels();
  const remove = useDeleteFinding();
  const editable = inspection.can.record;
  if (inspection.status === 'planned' || inspection.status === 'cancelled') return null;
  const groups = INSPECTION_CONTENTS.map((content) => ({
    content,
    findings: inspection.findingItems.filter((finding) => finding.content === content),
  })).filter((group) => group.findings.length > 0);
  const confirmButton: ButtonProps & { 'data-testid': string } = { danger: true, 'data-testid': 'finding-delete-confirm' };

  const askDelete = (finding: FindingItem) =>
    modal.confirm({
      title: t('inspections.findings.deleteTitle'),
      content: finding.text,
      okText: t('inspections.findings.delete'),
      cancelText: t('common.cancel'),
      okButtonProps: confirmButton,
      onOk: () =>
        remove.mutateAsync({ id: inspection.id, findingId: finding.id, version: inspection.version }).then(
          () => void message.success(t('inspections.findings.deleted')),
          (error: unknown) => void message.error(describeError(error, t)),
        ),
    });

  return (
    <section className="block-gap-bottom" data-testid="inspection-findings">
      <Typography.Title level={5}>{t('inspections.findings.title')}</Typography.Title>
      {groups.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={editable ? t('inspections.findings.emptyEditable') : t('inspections.findings.empty')}
        >
          {editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
              {t('inspections.actions.record')}
            </Button>
          ) : null}
        </Empty>
      ) : (
        groups.map((group) => (
          <FindingGroup key={group.content} content={group.content} title={labels.content(group.content)}>
            {group.findings.map((finding) => (
              <article
                key={finding.id}
                className={`inspection-finding inspection-finding-${finding.kind}`}
                data-testid={`finding-${finding.id}`}
              >
                <div className="inspection-finding-head">
                  <Tag color={finding.kind === 'good' ? 'green' : 'orange'}>{labels.findingKind(finding.kind)}</Tag>
                  {editable ? (
                    <Space size={4}>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => onEdit(finding)}
                        data-testid={`finding-edit-${finding.id}`}
                      >
                        {t('inspections.findings.edit')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => askDelete(finding)}
                        data-testid={`finding-delete-${finding.id}`}
                      >
                        {t('inspections.findings.delete')}
                      </Button>
                    </Space>
                  ) : null}
                </div>
                <Typography.Paragraph className="inspection-text">{finding.text}</Typography.Paragraph>
                {finding.kind === 'shortcoming' && finding.remedy ? (
                  <div className="inspection-remedy-box">
                    <div>
                      <Typography.Text strong>{t('inspections.fields.remedy')}: </Typography.Text>
                      {finding.remedy}
                    </div>
                    <div>
                      <Typography.Text strong>{t('inspections.fields.dueOn')}: </Typography.Text>
                      {formatDate(finding.dueOn)}
                    </div>
                  </div>
                ) : null}
                <FileLinks files={finding.files} />
              </article>
            ))}
          </FindingGroup>
        ))
      )}
    </section>
  );
}

function FindingGroup({ content, title, children }: { content: InspectionContent; title: string; children: ReactNode }) {
  return (
    <div className="inspection-finding-group" data-testid={`findings-${content}`}>
      <Typography.Text strong className="inspection-finding-group-title">
        {title}
      </Typography.Text>
      {children}
    </div>
  );
}
