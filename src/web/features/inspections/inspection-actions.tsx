import { CheckOutlined, CloseCircleOutlined, EditOutlined, FileWordOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/download-button';
import { type InspectionDetail, inspectionDownloads } from './inspections.api';
import { EditInspectionModal } from './inspection-form-modal';
import { CancelModal, ConcludeModal, StartModal } from './inspection-step-modals';

/** What a reader may do to an inspection now; 'record' adds a finding. */
export type InspectionAction = 'edit' | 'start' | 'record' | 'conclude' | 'cancel';

const ICONS: Record<InspectionAction, ReactNode> = {
  edit: <EditOutlined />,
  start: <PlayCircleOutlined />,
  record: <PlusOutlined />,
  conclude: <CheckOutlined />,
  cancel: <CloseCircleOutlined />,
};

/** The actions the server allows (`can`), in the order they are taken. */
export function allowedActions(inspection: InspectionDetail): InspectionAction[] {
  const { can } = inspection;
  const actions: InspectionAction[] = [];
  if (can.start) actions.push('start');
  if (can.record) actions.push('record');
  if (can.conclude) actions.push('conclude');
  if (can.edit) actions.push('edit');
  if (can.cancel) actions.push('cancel');
  return actions;
}

/** The buttons of the steps allowed now and, once concluded, the conclusion notice. */
export function InspectionActions({
  inspection,
  onAction,
}: {
  inspection: InspectionDetail;
  onAction: (action: InspectionAction) => void;
}) {
  const { t } = useTranslation();
  const actions = allowedActions(inspection);
  const download = inspectionDownloads.conclusion(inspection.id);
  if (actions.length === 0 && inspection.status !== 'concluded') return null;
  // The next step of the process stands out; the others are plain.
  const main = actions.find((action) => action === 'start' || action === 'record');
  return (
    <Space wrap className="block-gap-bottom" data-testid="inspection-actions">
      {actions.map((action) => (
        <Button
          key={action}
          icon={ICONS[action]}
          type={action === main || (action === 'conclude' && inspection.findings > 0) ? 'primary' : 'default'}
          danger={action === 'cancel'}
          onClick={() => onAction(action)}
          data-testid={`inspection-${action}`}
        >
          {t(`inspections.actions.${action}`)}
        </Button>
      ))}
      {inspection.status === 'concluded' ? (
        <DownloadButton
          path={download.path}
          fileName={t('inspections.files.conclusion', { unit: inspection.unit.name, year: inspection.year })}
          icon={<FileWordOutlined />}
          type="primary"
          data-testid="inspection-document"
        >
          {t('inspections.files.downloadConclusion')}
        </DownloadButton>
      ) : null}
    </Space>
  );
}

/** The dialog of one step; a finding's dialog is the drawer's own (it is also opened to edit one). */
export function InspectionActionModal({
  inspection,
  action,
  onClose,
}: {
  inspection: InspectionDetail;
  action: InspectionAction;
  onClose: () => void;
}) {
  switch (action) {
    case 'edit':
      return <EditInspectionModal inspection={inspection} onClose={onClose} />;
    case 'start':
      return <StartModal inspection={inspection} onClose={onClose} />;
    case 'conclude':
      return <ConcludeModal inspection={inspection} onClose={onClose} />;
    case 'cancel':
      return <CancelModal inspection={inspection} onClose={onClose} />;
    case 'record':
      return null;
  }
}
