import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NominationStatus } from '../../../shared/contracts/commendations';

const COLOURS: Record<NominationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  endorsed: 'cyan',
  proposed: 'geekblue',
  commended: 'success',
  not_commended: 'error',
};

export function NominationStatusTag({ status }: { status: NominationStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`commendations.statuses.${status}`)}</Tag>;
}
