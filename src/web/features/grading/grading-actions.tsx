import { AuditOutlined, CheckOutlined, EditOutlined, FileWordOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Modal, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/download-button';
import { gradingDownloads, type GradingView } from './grading.api';
import { DecideModal } from './decide-modal';
import { GradeModal } from './grade-modal';
import { ReasonModal } from './reason-modal';
import { SelfReviewForm } from './self-review-form';

/** What a reader may do to a grading now; 'self' stands for writing the self-review (save or send). */
export type GradingAction = 'self' | 'grade' | 'return' | 'decide' | 'reopen';

const ICONS: Record<GradingAction, ReactNode> = {
  self: <EditOutlined />,
  grade: <AuditOutlined />,
  return: <RollbackOutlined />,
  decide: <CheckOutlined />,
  reopen: <UndoOutlined />,
};

/** The actions the server lists in `steps`, in the order they are taken. */
export function allowedActions(grading: GradingView): GradingAction[] {
  const actions: GradingAction[] = [];
  if (grading.steps.includes('saveSelf') || grading.steps.includes('submitSelf')) actions.push('self');
  for (const step of ['grade', 'return', 'decide', 'reopen'] as const) if (grading.steps.includes(step)) actions.push(step);
  return actions;
}

/** The buttons of the steps allowed now, and the self-review's document. */
export function GradingActions({ grading, onAction }: { grading: GradingView; onAction: (action: GradingAction) => void }) {
  const { t } = useTranslation();
  const download = gradingDownloads.selfReview(grading.id);
  return (
    <Space wrap className="block-gap-bottom" data-testid="grading-actions">
      {allowedActions(grading).map((action) => (
        <Button
          key={action}
          icon={ICONS[action]}
          type={action === 'grade' || action === 'decide' ? 'primary' : 'default'}
          danger={action === 'return'}
          onClick={() => onAction(action)}
          data-testid={`grading-${action}`}
        >
          {action === 'self' ? t('grading.actions.selfReview') : t(`grading.actions.${action}`)}
        </Button>
      ))}
      <DownloadButton
        path={download.path}
        fileName={t('grading.files.selfReview', { name: grading.person?.name ?? grading.unit.name, year: grading.year })}
        icon={<FileWordOutlined />}
        data-testid="grading-document"
      >
        {t('grading.files.downloadSelfReview')}
      </DownloadButton>
    </Space>
  );
}

/** The dialog of one action on a grading. */
export function GradingActionModal({ grading, action, onClose }: { grading: GradingView; action: GradingAction; onClose: () => void }) {
  const { t } = useTranslation();
  switch (action) {
    case 'grade':
      return <GradeModal grading={grading} onClose={onClose} />;
    case 'decide':
      return <DecideModal grading={grading} onClose={onClose} />;
    case 'return':
    case 'reopen':
      return <ReasonModal grading={grading} step={action} onClose={onClose} />;
    case 'self':
      return (
        <Modal
          open
          title={t('grading.self.titleOf', { name: grading.person?.name ?? grading.unit.name, year: grading.year })}
          footer={null}
          onCancel={onClose}
          width={860}
          destroyOnHidden
        >
          <SelfReviewForm grading={grading} onSaved={(_view, submitted) => (submitted ? onClose() : undefined)} />
        </Modal>
      );
  }
}
