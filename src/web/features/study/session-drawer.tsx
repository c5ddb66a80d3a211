import { DeleteOutlined, EditOutlined, PaperClipOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmAction } from '../../components/confirm-action';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { QueryError } from '../../components/query-error';
import { formatDate, formatNumber } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import { SessionFormModal } from './session-form-modal';
import './study.css';
import { useDeleteSession, useSession } from './study.api';

interface SessionDrawerProps {
  sessionId: number | null;
  onClose: () => void;
  onAttendance: (id: number) => void;
}

export function SessionDrawer({ sessionId, onClose, onAttendance }: SessionDrawerProps) {
  const { t } = useTranslation();
  const confirm = useConfirmAction();
  const isPhone = useIsPhone();
  const canWrite = useCan('study.write');
  const canSeePeople = useCan('people.read');
  const session = useSession(sessionId);
  const remove = useDeleteSession();
  const [editing, setEditing] = useState(false);
  const data = session.data;

  const confirmDelete = () => {
    if (!data) return;
    confirm({
      title: t('study.delete.title'),
      content: t('study.delete.content', { title: data.title }),
      okText: t('study.delete.ok'),
      danger: true,
      okId: 'session-delete-confirm',
      run: () => remove.mutateAsync({ id: data.id, version: data.version }),
      doneText: t('study.delete.done'),
      onDone: onClose,
    });
  };

  return (
    <Drawer
      open={sessionId !== null}
      onClose={onClose}
      size={isPhone ? 'default' : 'large'}
      title={data?.title ?? t('study.drawerTitle')}
      destroyOnHidden
    >
      {session.isError ? <QueryError error={session.error} onRetry={() => void session.refetch()} compact /> : null}
      {session.isPending && sessionId !== null ? <Spin /> : null}
      {data ? (
        <>
          <Space wrap className="block-gap-bottom">
            {canSeePeople ? (
              <Button type="primary" icon={<TeamOutlined />} onClick={() => onAttendance(data.id)} data-testid="drawer-attendance">
                {t('study.actions.attendance')}
              </Button>
            ) : null}
            {canWrite ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="session-edit">
                  {t('study.actions.edit')}
                </Button>
                <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="session-delete">
                  {t('study.actions.delete')}
                </Button>
              </>
            ) : null}
          </Space>
          <Descriptions column={1} bordered size="small" data-testid="session-details">
            <Descriptions.Item label={t('study.fields.kind')}>
              <Tag color={data.kind === 'cell_meeting' ? 'blue' : 'red'}>{t(`study.kinds.${data.kind}`)}</Tag>
              {data.hasCampaignItem ? <Tag color="gold">{t('study.campaignTag')}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('study.fields.unit')}>{data.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('study.fields.heldOn')}>{formatDate(data.heldOn)}</Descriptions.Item>
            {data.topic ? <Descriptions.Item label={t('study.fields.topic')}>{data.topic.title}</Descriptions.Item> : null}
            <Descriptions.Item label={t('study.fields.place')}>
              {data.place ?? '—'}
              {data.isOnline ? <Tag className="study-inline-gap">{t('study.online')}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('study.fields.attendance')}>
              {t('study.attendanceDetail', {
                present: formatNumber(data.attendance.present),
                excused: formatNumber(data.attendance.absentExcused),
                absent: formatNumber(data.attendance.absent),
                madeUp: formatNumber(data.attendance.madeUp),
              })}
            </Descriptions.Item>
            {data.notes ? <Descriptions.Item label={t('study.fields.notes')}>{data.notes}</Descriptions.Item> : null}
            <Descriptions.Item label={t('study.fields.materials')}>
              {data.files && data.files.length > 0 ? (
                <Space direction="vertical" size={2}>
                  {data.files.map((file) => (
                    <DownloadButton
                      key={file.id}
                      type="link"
                      icon={<PaperClipOutlined />}
                      path={`/api/files/${file.id}`}
                      fileName={file.name}
                    >
                      {file.name}
                    </DownloadButton>
                  ))}
                </Space>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          </Descriptions>
          {editing ? <SessionFormModal session={data} onClose={() => setEditing(false)} onDone={() => setEditing(false)} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}
