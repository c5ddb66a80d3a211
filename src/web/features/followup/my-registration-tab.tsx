import { Alert, Empty, Skeleton, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { YearSelect } from '../study/year-select';
import { useMine } from './followup.api';
import { RegistrationView } from './registration-view';

/** The signed-in member's own registration of a year: check-ins during the year, self-assessment at its end. */
export function MyRegistrationTab() {
  const { t } = useTranslation();
  const [year, setYear] = useState(dayjs().year());
  const mine = useMine(year);
  return (
    <>
      <Space className="block-gap-bottom">
        <YearSelect value={year} onChange={(value) => setYear(value ?? dayjs().year())} testId="mine-year" />
      </Space>
      {mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.isPending ? <Skeleton active /> : null}
      {mine.data && !mine.data.linked ? <Alert type="info" showIcon title={t('followup.notLinked')} /> : null}
      {mine.data?.linked && mine.data.registrations.length === 0 ? <Empty description={t('followup.noOwnRegistration', { year })} /> : null}
      {mine.data?.registrations.map((registration) => (
        <RegistrationView key={registration.id} registration={registration} />
      ))}
    </>
  );
}
