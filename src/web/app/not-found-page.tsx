import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { StatusMessage } from '../components/status-message';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <StatusMessage
      kind="not-found"
      title={t('errors.pageNotFoundTitle')}
      description={t('errors.pageNotFound')}
      action={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('errors.backHome')}
        </Button>
      }
    />
  );
}
